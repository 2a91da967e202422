// Choosing the objects a mutating verb acts on (label, annotate, set, patch, rollout ...):
// `TYPE NAME...`, `TYPE/NAME...`, `TYPE -l selector`, `TYPE --all`.
import type { KubeObject } from '../../engine/api/types';
import type { Simulation } from '../../engine/simulation';
import type { VerbArgs } from '../types';
import { bool, namespaceOf, str } from './flags';
import { getObject, listObjects, notFoundError, parseResourceArgs } from './resources';
import { labelFilter } from './selectors';

/** Targets are the objects found, and NotFound errors for names that were not. */
export interface Targets {
  objects: KubeObject[];
  errors: string;
}

/**
 * findTargets resolves resource words into live objects. A type given with neither names, -l nor
 * --all gets kubectl's error.
 */
export function findTargets(
  sim: Simulation,
  args: VerbArgs,
  words: readonly string[],
): Targets | { error: string } {
  const parsed = parseResourceArgs(words);
  if (!parsed.ok) return { error: parsed.error };
  if (parsed.requests.length === 0) {
    return {
      error: 'error: one or more resources must be specified as <resource> <name> or <resource>/<name>\n',
    };
  }
  const selector = str(args, 'selector');
  const labels = labelFilter(selector);
  if (!labels.ok) return { error: labels.error };
  const namespace = namespaceOf(args);
  const objects: KubeObject[] = [];
  let errors = '';
  for (const req of parsed.requests) {
    // Built-in namespaces and those only implied by their objects are not stored, so not writable;
    // one made with `kubectl create namespace` is.
    if (req.type.kind === 'Namespace') {
      const implied =
        req.names.length === 0 ? '' : req.names.find((n) => !sim.api.get('Namespace', undefined, n));
      if (implied !== undefined) {
        const what = implied ? `namespace ${implied} is` : 'namespaces are';
        return {
          error: `error: ${what} implicit in the playground and cannot be changed; one made with kubectl create namespace can\n`,
        };
      }
    }
    if (req.names.length === 0) {
      if (!selector && !bool(args, 'all'))
        return { error: 'error: resource(s) were provided, but no name was specified\n' };
      const scope = bool(args, 'all-namespaces') ? undefined : namespace;
      objects.push(...(listObjects(sim, req.type, scope).filter(labels.filter) as KubeObject[]));
      continue;
    }
    for (const name of req.names) {
      const obj = getObject(sim, req.type, namespace, name);
      if (obj) objects.push(obj as KubeObject);
      else errors += notFoundError(req.type, name);
    }
  }
  return { objects, errors };
}

/** splitPairs is cmdutil.GetResourcesAndPairs: resource words first, then `k=v` / `k-` words. */
export function splitPairs(
  words: readonly string[],
  pairType: string,
): { resources: string[]; pairs: string[] } | { error: string } {
  const resources: string[] = [];
  const pairs: string[] = [];
  for (const s of words) {
    const isPair = (s.includes('=') && !s.startsWith('=')) || (s.endsWith('-') && s !== '-');
    if (isPair) pairs.push(s);
    else if (pairs.length > 0)
      return { error: `error: all resources must be specified before ${pairType} changes: ${s}\n` };
    else resources.push(s);
  }
  return { resources, pairs };
}
