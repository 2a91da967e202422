// Shared by cordon, uncordon and drain: mark nodes (un)schedulable (drain.go RunCordonOrUncordon).
import type { Node } from '../../engine/api/types';
import type { Simulation } from '../../engine/simulation';
import type { VerbArgs } from '../types';
import { apiErrorText } from './errors';
import type { DryRun } from './flags';
import { dryRunSuffix, str } from './flags';
import { listObjects, lookupType, notFoundError } from './resources';
import { labelFilter } from './selectors';

/** NodeSelection is the nodes a cordon/uncordon/drain line names, or its error text. */
export type NodeSelection = { ok: true; nodes: Node[]; errors: string } | { ok: false; error: string };

/** selectNodes reads `NODE...` or `-l selector` as drain.go's Complete does. */
export function selectNodes(sim: Simulation, args: VerbArgs, verb: string): NodeSelection {
  const selector = str(args, 'selector');
  if (args.positional.length === 0 && !selector)
    return {
      ok: false,
      error: `error: USAGE: ${verb} NODE [flags]\nSee 'kubectl ${verb} -h' for help and examples\n`,
    };
  const nodeType = lookupType('nodes');
  if (!nodeType) return { ok: false, error: 'error: nodes are not served\n' };
  let errors = '';
  const nodes: Node[] = [];
  if (selector) {
    const labels = labelFilter(selector);
    if (!labels.ok) return { ok: false, error: labels.error };
    nodes.push(...(listObjects(sim, nodeType, undefined).filter(labels.filter) as Node[]));
  }
  for (const word of args.positional) {
    const name = word.startsWith('node/') ? word.slice(5) : word.startsWith('nodes/') ? word.slice(6) : word;
    const node = sim.api.get<Node>('Node', undefined, name);
    if (node) nodes.push(node);
    else errors += notFoundError(nodeType, name);
  }
  return { ok: true, nodes, errors };
}

/** setUnschedulable cordons (desired=true) or uncordons nodes and prints what kubectl prints. */
export function setUnschedulable(
  sim: Simulation,
  nodes: readonly Node[],
  desired: boolean,
  dry: DryRun,
): { stdout: string; stderr: string } {
  const verb = desired ? 'cordon' : 'uncordon';
  let stdout = '';
  let stderr = '';
  for (const node of nodes) {
    if ((node.spec.unschedulable ?? false) === desired) {
      stdout += `node/${node.metadata.name} already ${verb}ed${dryRunSuffix(dry)}\n`;
      continue;
    }
    if (dry === 'none') {
      const spec = { ...node.spec };
      if (desired) spec.unschedulable = true;
      else delete spec.unschedulable;
      const res = sim.api.update<Node>({ ...node, spec });
      if (!res.ok) {
        stderr += `error: unable to ${verb} node "${node.metadata.name}": ${apiErrorText(res.error).trim()}\n`;
        continue;
      }
    }
    stdout += `node/${node.metadata.name} ${verb}ed${dryRunSuffix(dry)}\n`;
  }
  return { stdout, stderr };
}
