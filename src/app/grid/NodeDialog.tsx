// The forms behind "Add node", "Label…" and "Taint…": each builds one command line, shows it
// while you type, and runs it.
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { TaintEffect } from '../../engine/api/types';
import type { NodeCardView } from './gridView';
import {
  TAINT_EFFECTS,
  addNodeCommand,
  checkToken,
  labelCommand,
  parseList,
  taintCommand,
} from './nodeCommands';
import { TID } from '../testIds';

export type NodeDialogState =
  { kind: 'add'; suggestedName: string } | { kind: 'label' | 'taint'; node: NodeCardView };

interface Built {
  command: string;
  error: string;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      {children}
    </label>
  );
}

export function NodeDialog({
  state,
  onRun,
  onClose,
}: {
  state: NodeDialogState;
  onRun(command: string): void;
  onClose(): void;
}) {
  const ref = useRef<HTMLDialogElement>(null);
  const [name, setName] = useState(state.kind === 'add' ? state.suggestedName : '');
  const [labels, setLabels] = useState('');
  const [taints, setTaints] = useState('');
  const [cpu, setCpu] = useState('4');
  const [memory, setMemory] = useState('8Gi');
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [effect, setEffect] = useState<TaintEffect>('NoSchedule');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  function build(): Built {
    if (state.kind === 'add') {
      const labelList = parseList(labels);
      const taintList = parseList(taints);
      const error =
        checkToken('Name', name) ||
        (labelList.find((l) => !/^[^=\s]+=[^=\s]*$/.test(l))
          ? 'Labels are key=value, separated by commas'
          : '') ||
        (taintList.find((t) => !/^[^=:\s]+(=[^=:\s]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$/.test(t))
          ? 'Taints are key=value:Effect (NoSchedule, PreferNoSchedule or NoExecute)'
          : '');
      return { command: addNodeCommand({ name, labels: labelList, taints: taintList, cpu, memory }), error };
    }
    const node = state.node;
    const error = checkToken('Key', key) || checkToken('Value', value, true);
    if (state.kind === 'label') {
      const exists = node.labels.some((l) => l.text === key || l.text.startsWith(`${key}=`));
      return { command: labelCommand(node.name, key, value, exists), error };
    }
    const exists = node.taints.some((t) => t.key === key && t.effect === effect);
    return { command: taintCommand(node.name, key, value, effect, exists), error };
  }

  const built = build();
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (built.error) return;
    onRun(built.command);
    onClose();
  };
  const title =
    state.kind === 'add'
      ? 'Add a node'
      : state.kind === 'label'
        ? `Label ${state.node.name}`
        : `Taint ${state.node.name}`;

  return (
    <dialog
      ref={ref}
      className="dialog"
      data-testid={TID.nodeDialog}
      aria-label={title}
      onClose={onClose}
      onCancel={onClose}
    >
      <form className="dialog__form" onSubmit={submit}>
        <h2 className="dialog__title">{title}</h2>
        {state.kind === 'add' ? (
          <>
            <Field label="Name">
              <input name="name" value={name} onChange={(e) => setName(e.target.value.trim())} autoFocus />
            </Field>
            <Field label="Labels (key=value, comma separated)">
              <input
                name="labels"
                value={labels}
                placeholder="disktype=ssd"
                onChange={(e) => setLabels(e.target.value)}
              />
            </Field>
            <Field label="Taints (key=value:Effect, comma separated)">
              <input
                name="taints"
                value={taints}
                placeholder="dedicated=gpu:NoSchedule"
                onChange={(e) => setTaints(e.target.value)}
              />
            </Field>
            <div className="field-row">
              <Field label="CPU">
                <input name="cpu" value={cpu} onChange={(e) => setCpu(e.target.value.trim())} />
              </Field>
              <Field label="Memory">
                <input name="memory" value={memory} onChange={(e) => setMemory(e.target.value.trim())} />
              </Field>
            </div>
          </>
        ) : (
          <>
            <Field label="Key">
              <input name="key" value={key} onChange={(e) => setKey(e.target.value.trim())} autoFocus />
            </Field>
            <Field label={state.kind === 'label' ? 'Value' : 'Value (optional)'}>
              <input name="value" value={value} onChange={(e) => setValue(e.target.value.trim())} />
            </Field>
            {state.kind === 'taint' && (
              <Field label="Effect">
                <select
                  name="effect"
                  value={effect}
                  onChange={(e) => setEffect(e.target.value as TaintEffect)}
                >
                  {TAINT_EFFECTS.map((eff) => (
                    <option key={eff} value={eff}>
                      {eff}
                    </option>
                  ))}
                </select>
              </Field>
            )}
          </>
        )}
        <p className="dialog__command">
          <span className="dialog__command-label">Runs</span>
          <code>{built.command}</code>
        </p>
        {built.error && (key || name || state.kind === 'add') && (
          <p className="dialog__error">{built.error}</p>
        )}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button type="submit" className="button button--primary" disabled={!!built.error}>
            Run
          </button>
        </div>
      </form>
    </dialog>
  );
}
