// kubectl taint nodes NAME key=value:Effect | key:Effect- | key-, with taint.go's rules.
import type { Node, Taint, TaintEffect } from '../../engine/api/types';
import { isQualifiedName, isValidLabelValue } from '../../engine/validation/content';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from '../util/errors';
import {
  ALL_FLAG,
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  OVERWRITE_FLAG,
  SELECTOR_FLAG,
  bool,
  dryRunOf,
  dryRunSuffix,
  fail,
  str,
  usageError,
} from '../util/flags';
import { listObjects, lookupType, notFoundError } from '../util/resources';
import { labelFilter } from '../util/selectors';

const EFFECTS: readonly string[] = ['NoSchedule', 'PreferNoSchedule', 'NoExecute'];

/** taintString is Taint.ToString, also for removal specs without value or effect. */
function taintString(t: { key: string; value?: string; effect?: string }): string {
  let s = t.key;
  if (t.value) s += `=${t.value}`;
  if (t.effect) s += `:${t.effect}`;
  return s;
}

function parseTaint(spec: string): { key: string; value: string; effect: string } | { error: string } {
  const parts = spec.split(':');
  let key: string;
  let value = '';
  let effect = '';
  if (parts.length === 1) key = parts[0] ?? '';
  else if (parts.length === 2) {
    effect = parts[1] ?? '';
    if (!EFFECTS.includes(effect))
      return { error: `invalid taint effect: ${effect}, unsupported taint effect` };
    const kv = (parts[0] ?? '').split('=');
    if (kv.length > 2) return { error: `invalid taint spec: ${spec}` };
    key = kv[0] ?? '';
    if (kv.length === 2) {
      value = kv[1] ?? '';
      const errs = isValidLabelValue(value);
      if (errs.length > 0) return { error: `invalid taint spec: ${spec}, ${errs.join('; ')}` };
    }
  } else return { error: `invalid taint spec: ${spec}` };
  const errs = isQualifiedName(key);
  if (errs.length > 0) return { error: `invalid taint spec: ${spec}, ${errs.join('; ')}` };
  return { key, value, effect };
}

function parseTaints(
  specs: string[],
): { add: Taint[]; remove: { key: string; effect: string }[] } | { error: string } {
  const add: Taint[] = [];
  const remove: { key: string; effect: string }[] = [];
  for (const spec of specs) {
    const removal = spec.endsWith('-');
    const t = parseTaint(removal ? spec.slice(0, -1) : spec);
    if ('error' in t) return t;
    if (removal) {
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    if (!t.effect) return { error: `invalid taint spec: ${spec}` };
    if (add.some((a) => a.key === t.key && a.effect === t.effect)) {
      return {
        error: `duplicated taints with the same key and effect: {${t.key} ${t.value} ${t.effect} <nil>}`,
      };
    }
    add.push({ key: t.key, ...(t.value ? { value: t.value } : {}), effect: t.effect as TaintEffect });
  }
  return { add, remove };
}

/** updateTaints is taint.go's updateTaints + reorganizeTaints: the new list and the verb to print. */
function updateTaints(
  node: Node,
  add: Taint[],
  remove: { key: string; effect: string }[],
  overwrite: boolean,
): { taints: Taint[]; operation: string } | { error: string } {
  const old = node.spec.taints ?? [];
  if (!overwrite) {
    const exists = add
      .filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect))
      .map((t) => t.key);
    if (exists.length > 0)
      return {
        error: `node ${node.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`,
      };
  }
  // New taints first, then the old ones they do not replace.
  let taints: Taint[] = [...add];
  for (const o of old) if (!taints.some((t) => t.key === o.key && t.effect === o.effect)) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let deleted = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => (r.effect ? !(t.key === r.key && t.effect === r.effect) : t.key !== r.key));
    deleted = taints.length !== before;
    if (!deleted) errors.push(`taint "${taintString(r)}" not found`);
  }
  if (errors.length > 0) return { error: errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]` };
  const operation = (added && deleted) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { taints, operation };
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const resources: string[] = [];
  const specs: string[] = [];
  for (const s of args.positional) {
    const isTaint = s.includes('=') || s.includes(':') || s.endsWith('-');
    if (isTaint) specs.push(s);
    else if (specs.length > 0)
      return fail(`error: all resources must be specified before taint changes: ${s}\n`);
    else resources.push(s);
  }
  // `node/name` is accepted as well as `nodes name`.
  const first = resources[0] ?? '';
  const slash = first.indexOf('/');
  if (slash >= 0) resources.splice(0, 1, first.slice(0, slash), first.slice(slash + 1));
  if (resources.length < 1)
    return fail('error: one or more resources must be specified as <resource> <name>\n');
  if (specs.length < 1) return fail('error: at least one taint update is required\n');
  const parsed = parseTaints(specs);
  if ('error' in parsed) return usageError(args, parsed.error);
  const type = lookupType(resources[0] ?? '');
  if (!type) return fail(`error: the server doesn't have a resource type "${resources[0] ?? ''}"\n`);
  if (type.kind !== 'Node')
    return fail(`error: invalid resource type ${resources[0] ?? ''}, only node types are supported\n`);
  const conflicts = parsed.add.filter((a) =>
    parsed.remove.some((r) => r.key === a.key && (!r.effect || r.effect === a.effect)),
  );
  if (conflicts.length > 0) {
    const list = parsed.remove
      .filter((r) => conflicts.some((a) => a.key === r.key))
      .map((r) => `{"${r.key}":"${r.effect}"}`);
    return fail(
      `error: can not both modify and remove the following taint(s) in the same command: ${list.join(', ')}\n`,
    );
  }
  const selector = str(args, 'selector');
  const all = bool(args, 'all');
  if (all && selector)
    return fail("error: setting 'all' parameter with a non empty selector is prohibited\n");
  if (!all && !selector && resources.length < 2)
    return fail("error: at least one resource name must be specified since 'all' parameter is not set\n");
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  let nodes: Node[] = [];
  let stderr = '';
  if (all || selector) {
    const labels = labelFilter(selector);
    if (!labels.ok) return fail(labels.error);
    nodes = listObjects(ctx.sim, type, undefined).filter(labels.filter) as Node[];
  }
  for (const name of resources.slice(1)) {
    const node = ctx.sim.api.get<Node>('Node', undefined, name);
    if (node) nodes.push(node);
    else stderr += notFoundError(type, name);
  }
  let stdout = '';
  for (const node of nodes) {
    const result = updateTaints(node, parsed.add, parsed.remove, bool(args, 'overwrite'));
    if ('error' in result) {
      stderr += `error: ${result.error}\n`;
      continue;
    }
    if (dry === 'none') {
      const spec: Node['spec'] = { ...node.spec };
      if (result.taints.length > 0) spec.taints = result.taints;
      else delete spec.taints;
      const res = ctx.sim.api.update<Node>({ ...node, spec });
      if (!res.ok) {
        stderr += apiErrorText(res.error);
        continue;
      }
    }
    stdout += `node/${node.metadata.name} ${result.operation}${dryRunSuffix(dry)}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

// `kubectl taint`.
registerVerb({
  name: 'taint',
  usage: 'kubectl taint NODE NAME KEY_1=VAL_1:TAINT_EFFECT_1 ... KEY_N=VAL_N:TAINT_EFFECT_N',
  short: 'Update the taints on one or more nodes',
  flags: [OVERWRITE_FLAG, SELECTOR_FLAG, ALL_FLAG, DRY_RUN_FLAG, OUTPUT_FLAG],
  run,
});
