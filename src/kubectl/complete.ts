// Tab completion for the console: verbs, subcommands, flags, resource types (short names too)
// and the names of live objects of the type being typed, like kubectl's shell completion; after
// a `|`, the programs the console runs, and kubectl's words again in `| kubectl …` or `| xargs kubectl …`.
import type { Simulation } from '../engine/simulation';
import { GLOBAL_FLAGS, shellSplit } from './parse';
import { allVerbs, findVerb } from './registry';
import { programNames } from './shell/programs';
import type { FlagSpec, SubcommandSpec, VerbDefinition } from './types';
import { explainFieldCompletions, explainResources, explainSchema } from './util/explainSchema';
import type { ResourceType } from './util/resources';
import { listObjects, lookupType, resourceTypes } from './util/resources';

const OUTPUT_FORMATS = ['json', 'yaml', 'name', 'wide', 'jsonpath=', 'custom-columns='];
// Verbs whose positional arguments are always node names, or always pod names.
const NODE_VERBS = new Set(['cordon', 'uncordon', 'drain']);
const POD_VERBS = new Set(['logs', 'exec']);

function typeWords(): string[] {
  return resourceTypes().flatMap((t) => [t.resource, t.singular, ...t.shortNames]);
}

function names(sim: Simulation, type: ResourceType | undefined, namespace: string): string[] {
  return type
    ? listObjects(sim, type, type.namespaced ? namespace : undefined).map((o) => o.metadata.name)
    : [];
}

function flagWords(specs: readonly FlagSpec[]): string[] {
  return specs.flatMap((f) => [`--${f.name}`, ...(f.short ? [`-${f.short}`] : [])]);
}

function valueFlag(specs: readonly FlagSpec[], word: string): FlagSpec | undefined {
  const spec = word.startsWith('--')
    ? specs.find((f) => `--${f.name}` === word)
    : specs.find((f) => f.short && `-${f.short}` === word);
  return spec && spec.type !== 'bool' && spec.noValueDefault === undefined ? spec : undefined;
}

// explainCandidates completes `kubectl explain`'s one argument: resource names, then field paths.
function explainCandidates(positional: string[], current: string): string[] {
  const schema = explainSchema();
  if (!schema || positional.length > 0) return [];
  return current.includes('.') ? explainFieldCompletions(schema, current) : explainResources(schema);
}

function isSub(spec: SubcommandSpec | undefined, word: string): boolean {
  return spec !== undefined && (spec.name === word || (spec.aliases ?? []).includes(word));
}

function positionalCandidates(
  sim: Simulation,
  verb: VerbDefinition,
  sub: SubcommandSpec | undefined,
  positional: string[],
  current: string,
  namespace: string,
): string[] {
  if (NODE_VERBS.has(verb.name)) return names(sim, lookupType('nodes'), namespace);
  if (verb.name === 'explain') return explainCandidates(positional, current);
  if (verb.name === 'top')
    return positional.length === 0
      ? names(sim, lookupType(sub?.name === 'node' ? 'nodes' : 'pods'), namespace)
      : [];
  if (POD_VERBS.has(verb.name))
    return positional.length === 0 ? names(sim, lookupType('pods'), namespace) : [];
  if (verb.name === 'taint')
    return positional.length === 0
      ? ['nodes', 'node']
      : positional.length === 1
        ? names(sim, lookupType('nodes'), namespace)
        : [];
  if (['apply', 'create', 'run', 'kustomize', 'version', 'cluster-info', 'api-resources'].includes(verb.name))
    return [];
  const slash = current.indexOf('/');
  if (slash >= 0) {
    const typed = current.slice(0, slash);
    return names(sim, lookupType(typed), namespace).map((n) => `${typed}/${n}`);
  }
  if (positional.length === 0) return typeWords();
  const first = positional[0] ?? '';
  if (first.includes('/')) return [];
  return names(sim, lookupType(first.split(',')[0] ?? ''), namespace);
}

// Where the last stage of a pipeline starts: just after the last `|` outside quotes, or -1.
function lastPipe(line: string): number {
  let quote: string | undefined;
  let at = -1;
  for (let i = 0; i < line.length; i++) {
    const c = line.charAt(i);
    if (quote) {
      if (c === quote) quote = undefined;
      else if (c === '\\' && quote === '"') i++;
    } else if (c === "'" || c === '"') quote = c;
    else if (c === '\\') i++;
    else if (c === '|') at = i;
  }
  return at;
}

// After a `|`: the program's name, then kubectl's own words for `kubectl …` or `xargs … kubectl …`.
function completeStage(sim: Simulation, text: string): string[] {
  const lead = text.replace(/^\s+/, '');
  if (!/\s/.test(lead)) return programNames().filter((p) => p.startsWith(lead));
  const words = lead.split(/\s+/);
  const at = words[0] === 'xargs' ? words.indexOf('kubectl') : words[0] === 'kubectl' ? 0 : -1;
  if (at < 0) return [];
  return complete(sim, lead.slice(lead.indexOf('kubectl', words[0] === 'xargs' ? 5 : 0)));
}

/**
 * complete returns the words that could replace the last (partial) word of a console line:
 * `complete(sim, 'get d')` → `['daemonset', 'daemonsets', 'deploy', ...]`,
 * `complete(sim, 'describe ds fl')` → `['fluentd']`, `complete(sim, 'get pods --sh')` → `['--show-labels']`.
 */
export function complete(sim: Simulation, partialLine: string): string[] {
  const bar = lastPipe(partialLine);
  if (bar >= 0) return completeStage(sim, partialLine.slice(bar + 1));
  const split = shellSplit(partialLine);
  const words = split.ok ? split.words : partialLine.trim().split(/\s+/);
  if (/\s$/.test(partialLine) || partialLine === '') words.push('');
  if (words[0] === 'kubectl') words.shift();
  const current = words.pop() ?? '';
  const before = words;
  const verbIndex = before.findIndex((w) => !w.startsWith('-'));
  const verb = verbIndex >= 0 ? findVerb(before[verbIndex] ?? '') : undefined;
  let candidates: string[];
  if (!verb) {
    candidates =
      verbIndex >= 0
        ? []
        : current.startsWith('-')
          ? flagWords(GLOBAL_FLAGS)
          : allVerbs().flatMap((v) => [v.name, ...(v.aliases ?? [])]);
  } else {
    const rest = before.slice(verbIndex + 1);
    const sub = verb.subcommands?.find((s) => rest.some((w) => isSub(s, w)));
    const specs = [...GLOBAL_FLAGS, ...verb.flags, ...(sub?.flags ?? [])];
    const nsAt = before.findIndex((w) => w === '-n' || w === '--namespace');
    const namespace =
      (nsAt >= 0 ? before[nsAt + 1] : undefined) ??
      before.find((w) => w.startsWith('--namespace='))?.slice(12) ??
      'default';
    const previous = before[before.length - 1] ?? '';
    const pending = valueFlag(specs, previous);
    if (pending) {
      if (pending.name === 'namespace') candidates = sim.api.store.namespaces();
      else if (pending.name === 'output') candidates = OUTPUT_FORMATS;
      else candidates = [];
    } else if (current.startsWith('-')) {
      candidates = flagWords(specs);
    } else if (verb.subcommands?.length && !sub) {
      candidates = verb.subcommands.map((s) => s.name);
    } else {
      const positional: string[] = [];
      for (let i = 0; i < rest.length; i++) {
        const w = rest[i] ?? '';
        if (isSub(sub, w)) continue;
        if (w.startsWith('-')) {
          if (!w.includes('=') && valueFlag(specs, w)) i++;
          continue;
        }
        positional.push(w);
      }
      candidates = positionalCandidates(sim, verb, sub, positional, current, namespace);
    }
  }
  return [...new Set(candidates.filter((c) => c.startsWith(current)))].sort();
}
