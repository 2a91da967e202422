// The command lines behind the grid's node actions. Every click runs one of these through the
// worker, and the console prints it, so people learn the real commands while clicking.
import type { TaintEffect } from '../../engine/api/types';

export const TAINT_EFFECTS: readonly TaintEffect[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

const TOKEN = /^[^\s=:,'"`$\\]+$/;

/** checkToken says what is wrong with a key, value or name, or '' when it can go on a command line. */
export function checkToken(what: string, text: string, allowEmpty = false): string {
  if (text === '') return allowEmpty ? '' : `${what} is required`;
  return TOKEN.test(text) ? '' : `${what} must not contain spaces, quotes, "=", ":" or ","`;
}

/** parseList splits "a=b, c=d" (commas or spaces) into items, dropping empties. */
export function parseList(text: string): string[] {
  return text
    .split(/[\s,]+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export interface AddNodeInput {
  name: string;
  labels: string[];
  taints: string[];
  cpu: string;
  memory: string;
}

/** addNodeCommand: `sim node add <name> [--label k=v]... [--taint k=v:Effect]... [--cpu n] [--memory q]`. */
export function addNodeCommand(input: AddNodeInput): string {
  const parts = ['sim node add', input.name];
  for (const l of input.labels) parts.push('--label', l);
  for (const t of input.taints) parts.push('--taint', t);
  if (input.cpu) parts.push('--cpu', input.cpu);
  if (input.memory) parts.push('--memory', input.memory);
  return parts.join(' ');
}

/** labelCommand: `kubectl label nodes n k=v`, with --overwrite when the key is already there. */
export function labelCommand(node: string, key: string, value: string, exists: boolean): string {
  return `kubectl label nodes ${node} ${key}=${value}${exists ? ' --overwrite' : ''}`;
}

/** unlabelCommand: `kubectl label nodes n k-`. */
export function unlabelCommand(node: string, key: string): string {
  return `kubectl label nodes ${node} ${key}-`;
}

/** taintText prints a taint as kubectl takes it: `k=v:Effect` or `k:Effect`. */
export function taintText(key: string, value: string, effect: TaintEffect): string {
  return value ? `${key}=${value}:${effect}` : `${key}:${effect}`;
}

/** taintCommand: `kubectl taint nodes n k=v:Effect`, with --overwrite to change an existing one. */
export function taintCommand(
  node: string,
  key: string,
  value: string,
  effect: TaintEffect,
  exists: boolean,
): string {
  return `kubectl taint nodes ${node} ${taintText(key, value, effect)}${exists ? ' --overwrite' : ''}`;
}

/** untaintCommand removes one taint by key and effect: `kubectl taint nodes n k:Effect-`. */
export function untaintCommand(node: string, key: string, effect: TaintEffect): string {
  return `kubectl taint nodes ${node} ${key}:${effect}-`;
}

/**
 * NODE_COMMANDS are the one-click actions, by name. During a lesson (`plain`) drain is the bare
 * command a learner would type first: the flag that makes it work is what a task may teach.
 */
export const NODE_COMMANDS = {
  cordon: (n: string) => `kubectl cordon ${n}`,
  uncordon: (n: string) => `kubectl uncordon ${n}`,
  drain: (n: string, plain = false) =>
    plain ? `kubectl drain ${n}` : `kubectl drain ${n} --ignore-daemonsets`,
  fail: (n: string) => `sim node fail ${n}`,
  recover: (n: string) => `sim node recover ${n}`,
  remove: (n: string) => `sim node remove ${n}`,
  delete: (n: string) => `kubectl delete node ${n}`,
} as const;

/** nextNodeName proposes `node-<n>` with the first number not taken. */
export function nextNodeName(existing: readonly string[]): string {
  const taken = new Set(existing);
  for (let i = 1; ; i++) if (!taken.has(`node-${i}`)) return `node-${i}`;
}
