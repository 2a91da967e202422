// nodeSelector and required node affinity, answered with what failed rather than just false, so
// the inspector can say why a node was skipped. Semantics follow
// staging/src/k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go:
// nodeSelector AND required affinity; terms are ORed; the requirements inside a term are ANDed;
// an empty term matches nothing; matchFields only knows metadata.name; preferred terms only score.
import type {
  Labels,
  Node,
  NodeSelector,
  NodeSelectorRequirement,
  NodeSelectorTerm,
  PodSpec,
} from '../api/types';
import type { SelectorOperator } from '../api/labels';
import { newRequirement, parseInt64, requirementMatches } from '../api/labels';
import { METADATA_NAME_FIELD } from '../api/wellKnown';

/** NodeSelectorMismatch: a `spec.nodeSelector` entry the node's labels do not satisfy. */
export interface NodeSelectorMismatch {
  kind: 'nodeSelector';
  key: string;
  value: string;
  /** The node's value for the key; undefined when the node has no such label. */
  nodeValue: string | undefined;
}

/** TermMismatch says why one nodeSelectorTerm (0-based `term`) did not match the node. */
export type TermMismatch =
  | { term: number; reason: 'empty' }
  | { term: number; reason: 'invalid'; message: string }
  | {
      term: number;
      reason: 'expression';
      requirement: NodeSelectorRequirement;
      nodeValue: string | undefined;
    }
  | { term: number; reason: 'field'; requirement: NodeSelectorRequirement; nodeValue: string };

/** NodeAffinityMismatch: no term of the required node affinity matched; one entry per term. */
export interface NodeAffinityMismatch {
  kind: 'nodeAffinity';
  terms: TermMismatch[];
}

/** RequiredNodeAffinityResult is a match, or the part that failed. */
export type RequiredNodeAffinityResult =
  { matches: true } | { matches: false; reason: NodeSelectorMismatch | NodeAffinityMismatch };

const LABEL_OPERATORS: Readonly<Record<string, SelectorOperator>> = {
  In: 'in',
  NotIn: 'notin',
  Exists: 'exists',
  DoesNotExist: '!',
  Gt: 'gt',
  Lt: 'lt',
};

// checkExpression validates one matchExpressions entry (nodeSelectorRequirementsAsSelector) and
// applies it; an invalid requirement makes the whole term fail, as a parse error does upstream.
function checkExpression(
  req: NodeSelectorRequirement,
  labels: Labels | undefined,
): 'match' | 'miss' | string {
  const op = LABEL_OPERATORS[req.operator];
  if (!op)
    return `operator "${String(req.operator)}" is not supported (In, NotIn, Exists, DoesNotExist, Gt, Lt)`;
  const r = newRequirement(req.key, op, req.values ?? []);
  if (!r.ok) return r.message;
  return requirementMatches(r.requirement, labels) ? 'match' : 'miss';
}

// checkField validates one matchFields entry (nodeSelectorRequirementsAsFieldSelector): only In and
// NotIn with exactly one value. A node's only field is metadata.name; other keys read as "".
function checkField(req: NodeSelectorRequirement, node: Node): 'match' | 'miss' | string {
  if (req.operator !== 'In' && req.operator !== 'NotIn') {
    return `matchFields operator "${req.operator}" is not supported (only In and NotIn)`;
  }
  const want = req.values?.length === 1 ? req.values[0] : undefined;
  if (want === undefined) return `matchFields ${req.key} ${req.operator} must have exactly one value`;
  const actual = req.key === METADATA_NAME_FIELD ? node.metadata.name : '';
  return (actual === want) === (req.operator === 'In') ? 'match' : 'miss';
}

/**
 * nodeSelectorTermMismatch checks one nodeSelectorTerm against a node: undefined when it matches,
 * otherwise why not (`index` is the term's 0-based position, kept for the explanation).
 */
export function nodeSelectorTermMismatch(
  term: NodeSelectorTerm,
  node: Node,
  index: number,
): TermMismatch | undefined {
  const expressions = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (expressions.length === 0 && fields.length === 0) return { term: index, reason: 'empty' };
  const labels = node.metadata.labels;
  // Parse errors are found first: an invalid term never matches, even if other parts would.
  const exprResults = expressions.map((req) => checkExpression(req, labels));
  const fieldResults = fields.map((req) => checkField(req, node));
  const invalid = [...exprResults, ...fieldResults].find((r) => r !== 'match' && r !== 'miss');
  if (invalid !== undefined) return { term: index, reason: 'invalid', message: invalid };
  const missedExpr = exprResults.indexOf('miss');
  const expr = expressions[missedExpr];
  if (expr) return { term: index, reason: 'expression', requirement: expr, nodeValue: labels?.[expr.key] };
  // Upstream skips field checks for a node without a name; every stored node has one.
  const field = node.metadata.name ? fields[fieldResults.indexOf('miss')] : undefined;
  if (field) {
    const nodeValue = field.key === METADATA_NAME_FIELD ? node.metadata.name : '';
    return { term: index, reason: 'field', requirement: field, nodeValue };
  }
  return undefined;
}

/**
 * matchNodeSelectorTerms ORs the terms of a NodeSelector: it matches when any term matches;
 * otherwise `mismatches` holds one entry per term. No terms at all match no node.
 */
export function matchNodeSelectorTerms(
  selector: NodeSelector,
  node: Node,
): { matches: boolean; mismatches: TermMismatch[] } {
  const mismatches: TermMismatch[] = [];
  for (const [i, term] of (selector.nodeSelectorTerms ?? []).entries()) {
    const miss = nodeSelectorTermMismatch(term, node, i);
    if (!miss) return { matches: true, mismatches: [] };
    mismatches.push(miss);
  }
  return { matches: false, mismatches };
}

/**
 * nodeSelectorMismatch checks `spec.nodeSelector` (every entry must equal the node's label);
 * it returns the first failing entry by key, or undefined when the node satisfies it.
 */
export function nodeSelectorMismatch(
  nodeSelector: Labels | undefined,
  node: Node,
): NodeSelectorMismatch | undefined {
  const labels = node.metadata.labels ?? {};
  for (const key of Object.keys(nodeSelector ?? {}).sort()) {
    const value = nodeSelector?.[key] ?? '';
    const nodeValue = Object.prototype.hasOwnProperty.call(labels, key) ? labels[key] : undefined;
    if (nodeValue !== value) return { kind: 'nodeSelector', key, value, nodeValue };
  }
  return undefined;
}

/**
 * matchRequiredNodeAffinity is GetRequiredNodeAffinity(pod).Match(node): the nodeSelector must
 * match AND, when set, one term of requiredDuringSchedulingIgnoredDuringExecution must match.
 * Preferred terms are not looked at: they never exclude a node.
 */
export function matchRequiredNodeAffinity(spec: PodSpec, node: Node): RequiredNodeAffinityResult {
  const selectorMiss = nodeSelectorMismatch(spec.nodeSelector, node);
  if (selectorMiss) return { matches: false, reason: selectorMiss };
  const required = spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution;
  if (!required) return { matches: true };
  const r = matchNodeSelectorTerms(required, node);
  return r.matches
    ? { matches: true }
    : { matches: false, reason: { kind: 'nodeAffinity', terms: r.mismatches } };
}

/**
 * preferredNodeAffinityScore sums the weights of the preferred terms the node matches, as the
 * NodeAffinity plugin's Score does before normalising; terms with weight 0, empty or invalid
 * terms count for nothing.
 */
export function preferredNodeAffinityScore(spec: PodSpec, node: Node): number {
  const preferred = spec.affinity?.nodeAffinity?.preferredDuringSchedulingIgnoredDuringExecution ?? [];
  return preferred.reduce(
    (sum, p) => (p.weight !== 0 && !nodeSelectorTermMismatch(p.preference, node, 0) ? sum + p.weight : sum),
    0,
  );
}

function formatNodeValue(key: string, nodeValue: string | undefined): string {
  return nodeValue === undefined ? `node has no label ${key}` : `node has ${key}=${nodeValue}`;
}

/** describeTermMismatch writes why one term failed: `term 1: accelerator In [gpu] (node has accelerator=none)`. */
export function describeTermMismatch(m: TermMismatch): string {
  const label = `term ${m.term + 1}`;
  switch (m.reason) {
    case 'empty':
      return `${label}: an empty nodeSelectorTerm matches no node`;
    case 'invalid':
      return `${label}: invalid: ${m.message}`;
    case 'expression': {
      const { key, operator, values } = m.requirement;
      const shown = values && values.length > 0 ? ` [${values.join(', ')}]` : '';
      let why = formatNodeValue(key, m.nodeValue);
      if (
        (operator === 'Gt' || operator === 'Lt') &&
        m.nodeValue !== undefined &&
        parseInt64(m.nodeValue) === undefined
      ) {
        why += ', which is not an integer';
      }
      return `${label}: ${key} ${operator}${shown} (${why})`;
    }
    case 'field': {
      const { key, operator, values } = m.requirement;
      const why = key === METADATA_NAME_FIELD ? `node is named ${m.nodeValue}` : `nodes have no field ${key}`;
      return `${label}: ${key} ${operator} [${(values ?? []).join(', ')}] (${why})`;
    }
  }
}

/** describeNodeSelectorMismatch writes `nodeSelector disktype=ssd: node has no label disktype`. */
export function describeNodeSelectorMismatch(m: NodeSelectorMismatch): string {
  return `nodeSelector ${m.key}=${m.value}: ${formatNodeValue(m.key, m.nodeValue)}`;
}

/** describeNodeAffinityMismatch writes `no nodeSelectorTerm matched: term 1: …; term 2: …`. */
export function describeNodeAffinityMismatch(m: NodeAffinityMismatch): string {
  if (m.terms.length === 0) return 'no nodeSelectorTerm matched: the required node affinity has no terms';
  return `no nodeSelectorTerm matched: ${m.terms.map(describeTermMismatch).join('; ')}`;
}
