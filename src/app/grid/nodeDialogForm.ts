// What the node dialogs' fields make: the command line they run and, while the fields cannot
// make one, the reason. Pure, so the dialogs (NodeDialog.tsx) only hold the fields.
import type { TaintEffect } from '../../engine/api/types';
import type { NodeCardView } from './gridView';
import { addNodeCommand, checkToken, labelCommand, parseList, taintCommand } from './nodeCommands';

export interface BuiltCommand {
  command: string;
  /** Why the fields do not make a valid command yet ('' when they do). */
  error: string;
}

export interface AddNodeFields {
  name: string;
  labels: string;
  taints: string;
  cpu: string;
  memory: string;
}

export interface NodeKeyFields {
  key: string;
  value: string;
  effect: TaintEffect;
}

function listError(labels: string[], taints: string[]): string {
  if (labels.find((l) => !/^[^=\s]+=[^=\s]*$/.test(l))) return 'Labels are key=value, separated by commas';
  if (taints.find((t) => !/^[^=:\s]+(=[^=:\s]*)?:(NoSchedule|PreferNoSchedule|NoExecute)$/.test(t)))
    return 'Taints are key=value:Effect (NoSchedule, PreferNoSchedule or NoExecute)';
  return '';
}

/** buildAddNode is `sim node add …` for the "Add node" fields. */
export function buildAddNode(f: AddNodeFields): BuiltCommand {
  const labels = parseList(f.labels);
  const taints = parseList(f.taints);
  const error = checkToken('Name', f.name) || listError(labels, taints);
  return { command: addNodeCommand({ name: f.name, labels, taints, cpu: f.cpu, memory: f.memory }), error };
}

/** buildNodeKey is `kubectl label` or `kubectl taint` for `node`, overwriting a key it already has. */
export function buildNodeKey(kind: 'label' | 'taint', node: NodeCardView, f: NodeKeyFields): BuiltCommand {
  const error = checkToken('Key', f.key) || checkToken('Value', f.value, true);
  if (kind === 'label') {
    const exists = node.labels.some((l) => l.text === f.key || l.text.startsWith(`${f.key}=`));
    return { command: labelCommand(node.name, f.key, f.value, exists), error };
  }
  const exists = node.taints.some((t) => t.key === f.key && t.effect === f.effect);
  return { command: taintCommand(node.name, f.key, f.value, f.effect, exists), error };
}
