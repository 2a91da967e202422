// The node's action menu (right-click, Shift+F10, or the toolbar): each item shows the exact
// command it runs.
import { useEffect, useRef } from 'react';
import type { KeyboardEvent } from 'react';
import type { NodeCardView } from './gridView';
import { NODE_COMMANDS, unlabelCommand, untaintCommand } from './nodeCommands';
import { useAppStore } from '../store';
import { TID } from '../testIds';

export type DialogKind = 'label' | 'taint';

export interface NodeMenuProps {
  node: NodeCardView;
  x: number;
  y: number;
  onRun(command: string): void;
  onDialog(kind: DialogKind): void;
  onClose(): void;
}

interface Item {
  key: string;
  label: string;
  command?: string;
  dialog?: DialogKind;
  danger?: boolean;
}

function items(node: NodeCardView, lesson: boolean): Item[] {
  const n = node.name;
  return [
    { key: 'label', label: 'Label…', dialog: 'label' },
    ...node.labels.map((l) => {
      const key = l.text.replace(/=.*$/, '');
      return { key: `unlabel-${key}`, label: `Remove label ${key}`, command: unlabelCommand(n, key) };
    }),
    { key: 'taint', label: 'Taint…', dialog: 'taint' },
    ...node.taints
      // The node.kubernetes.io/* taints belong to the node lifecycle controller, which puts them back.
      .filter((t) => !t.key.startsWith('node.kubernetes.io/'))
      .map((t) => ({
        key: `untaint-${t.text}`,
        label: `Remove taint ${t.text}`,
        command: untaintCommand(n, t.key, t.effect),
      })),
    node.cordoned
      ? { key: 'uncordon', label: 'Uncordon', command: NODE_COMMANDS.uncordon(n) }
      : { key: 'cordon', label: 'Cordon', command: NODE_COMMANDS.cordon(n) },
    { key: 'drain', label: 'Drain', command: NODE_COMMANDS.drain(n, lesson) },
    { key: 'fail', label: 'Fail (kubelet stops)', command: NODE_COMMANDS.fail(n), danger: true },
    { key: 'recover', label: 'Recover', command: NODE_COMMANDS.recover(n) },
    { key: 'delete', label: 'Delete Node object', command: NODE_COMMANDS.delete(n), danger: true },
    { key: 'remove', label: 'Remove machine', command: NODE_COMMANDS.remove(n), danger: true },
  ];
}

export function NodeMenu({ node, x, y, onRun, onDialog, onClose }: NodeMenuProps) {
  const ref = useRef<HTMLDivElement>(null);
  // A lesson's menu prints plain commands, so it does not hand out a task's answer.
  const lesson = useAppStore((s) => !!s.scenario?.lesson);

  useEffect(() => {
    ref.current?.querySelector<HTMLButtonElement>('[role="menuitem"]')?.focus();
    const outside = (ev: PointerEvent) => {
      if (ref.current && !ref.current.contains(ev.target as Node)) onClose();
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [onClose]);

  const onKeyDown = (ev: KeyboardEvent<HTMLDivElement>) => {
    const buttons = Array.from(ref.current?.querySelectorAll<HTMLButtonElement>('[role="menuitem"]') ?? []);
    const at = buttons.indexOf(document.activeElement as HTMLButtonElement);
    if (ev.key === 'Escape' || ev.key === 'Tab') {
      ev.preventDefault();
      onClose();
    } else if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      const step = ev.key === 'ArrowDown' ? 1 : -1;
      buttons[(at + step + buttons.length) % buttons.length]?.focus();
    }
  };

  // Keep the menu on screen near the pointer.
  const left = Math.min(x, window.innerWidth - 300);
  const top = Math.min(y, window.innerHeight - 380);
  return (
    <div
      ref={ref}
      className="node-menu"
      role="menu"
      aria-label={`Actions for ${node.name}`}
      data-testid={TID.nodeMenu}
      style={{ left: Math.max(8, left), top: Math.max(8, top) }}
      onKeyDown={onKeyDown}
    >
      <div className="node-menu__title">{node.name}</div>
      {items(node, lesson).map((item) => (
        <button
          key={item.key}
          type="button"
          role="menuitem"
          className={`node-menu__item${item.danger ? ' is-danger' : ''}`}
          onClick={() => {
            onClose();
            if (item.dialog) onDialog(item.dialog);
            else if (item.command) onRun(item.command);
          }}
        >
          <span className="node-menu__label">{item.label}</span>
          {item.command && <code className="node-menu__command">{item.command}</code>}
        </button>
      ))}
    </div>
  );
}
