// The forms behind "Add node", "Label…" and "Taint…": each builds one command line, shows it
// while you type, and runs it. One modal shell (CommandDialog) holds the parts every form has;
// each form owns its fields and turns them into a command (nodeDialogForm.ts).
import { useEffect, useRef, useState } from 'react';
import type { FormEvent, ReactNode } from 'react';
import type { TaintEffect } from '../../engine/api/types';
import type { NodeCardView } from './gridView';
import type { BuiltCommand } from './nodeDialogForm';
import { buildAddNode, buildNodeKey } from './nodeDialogForm';
import { TAINT_EFFECTS } from './nodeCommands';
import { TID } from '../testIds';

export type NodeDialogState =
  { kind: 'add'; suggestedName: string } | { kind: 'label' | 'taint'; node: NodeCardView };

interface DialogProps {
  onRun(command: string): void;
  onClose(): void;
}

function Field({ label, children }: { label: string; children: ReactNode }) {
  return (
    <label className="field">
      <span className="field__label">{label}</span>
      {children}
    </label>
  );
}

/** useModal opens the dialog as a modal once mounted and closes it when unmounted. */
function useModal() {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);
  return ref;
}

function CommandPreview({ command }: { command: string }) {
  return (
    <p className="dialog__command">
      <span className="dialog__command-label">Runs</span>
      <code>{command}</code>
    </p>
  );
}

function DialogActions({ canRun, onCancel }: { canRun: boolean; onCancel(): void }) {
  return (
    <div className="dialog__actions">
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button type="submit" className="button button--primary" disabled={!canRun}>
        Run
      </button>
    </div>
  );
}

/**
 * CommandDialog is the modal every node form shares: its title, its fields, the command they make,
 * why it cannot run yet (once `showError`), Cancel and Run.
 */
function CommandDialog({
  title,
  built,
  showError,
  onRun,
  onClose,
  children,
}: DialogProps & { title: string; built: BuiltCommand; showError: boolean; children: ReactNode }) {
  const ref = useModal();
  const submit = (ev: FormEvent) => {
    ev.preventDefault();
    if (built.error) return;
    onRun(built.command);
    onClose();
  };
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
        {children}
        <CommandPreview command={built.command} />
        {built.error && showError && <p className="dialog__error">{built.error}</p>}
        <DialogActions canRun={!built.error} onCancel={onClose} />
      </form>
    </dialog>
  );
}

/** AddNodeDialog: a name, labels, taints and capacity for `sim node add`. */
function AddNodeDialog({ suggestedName, ...props }: DialogProps & { suggestedName: string }) {
  const [name, setName] = useState(suggestedName);
  const [labels, setLabels] = useState('');
  const [taints, setTaints] = useState('');
  const [cpu, setCpu] = useState('4');
  const [memory, setMemory] = useState('8Gi');
  const built = buildAddNode({ name, labels, taints, cpu, memory });
  return (
    <CommandDialog title="Add a node" built={built} showError {...props}>
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
    </CommandDialog>
  );
}

function EffectField({ effect, onChange }: { effect: TaintEffect; onChange(effect: TaintEffect): void }) {
  return (
    <Field label="Effect">
      <select name="effect" value={effect} onChange={(e) => onChange(e.target.value as TaintEffect)}>
        {TAINT_EFFECTS.map((eff) => (
          <option key={eff} value={eff}>
            {eff}
          </option>
        ))}
      </select>
    </Field>
  );
}

/** NodeKeyDialog: a key and value (and for a taint, its effect) to set on one node. */
function NodeKeyDialog({
  kind,
  node,
  ...props
}: DialogProps & { kind: 'label' | 'taint'; node: NodeCardView }) {
  const [key, setKey] = useState('');
  const [value, setValue] = useState('');
  const [effect, setEffect] = useState<TaintEffect>('NoSchedule');
  const built = buildNodeKey(kind, node, { key, value, effect });
  const title = kind === 'label' ? `Label ${node.name}` : `Taint ${node.name}`;
  // An empty form is not an error yet: it shows once a key is typed.
  return (
    <CommandDialog title={title} built={built} showError={key !== ''} {...props}>
      <Field label="Key">
        <input name="key" value={key} onChange={(e) => setKey(e.target.value.trim())} autoFocus />
      </Field>
      <Field label={kind === 'label' ? 'Value' : 'Value (optional)'}>
        <input name="value" value={value} onChange={(e) => setValue(e.target.value.trim())} />
      </Field>
      {kind === 'taint' && <EffectField effect={effect} onChange={setEffect} />}
    </CommandDialog>
  );
}

export function NodeDialog({ state, onRun, onClose }: DialogProps & { state: NodeDialogState }) {
  return state.kind === 'add' ? (
    <AddNodeDialog suggestedName={state.suggestedName} onRun={onRun} onClose={onClose} />
  ) : (
    <NodeKeyDialog kind={state.kind} node={state.node} onRun={onRun} onClose={onClose} />
  );
}
