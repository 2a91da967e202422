// "Why is there (no) daemon pod on this node?", in plain words, for the inspector. Built from the
// same predicate reasons that made the DaemonSet controller decide, plus
// what the snapshot shows: the pod's state and, for a pending pod, the scheduler's message.
import type { DaemonSet, Node, Pod, Taint, Toleration } from '../api/types';
import { isPodTerminal } from '../api/podUtil';
import {
  TAINT_NODE_MEMORY_PRESSURE,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_UNREACHABLE,
  TAINT_NODE_UNSCHEDULABLE,
} from '../api/wellKnown';
import { pressureConditions } from '../controllers/kubelet/admission';
import {
  describePlacementReason,
  getTargetNodeName,
  newDaemonPod,
  nodeShouldRunDaemonPod,
} from '../predicates/daemonPlacement';
import type { PlacementReason } from '../predicates/daemonPlacement';
import { nodeSelectorTermMismatch } from '../predicates/nodeAffinity';
import { formatTaint, toleratesTaint } from '../predicates/taints';
import { explainPending } from './unschedulable';
import { explainFailedDaemonPod } from './failedDaemonPod';
import type { FailedPodRetry } from './failedDaemonPod';

/**
 * Verdict sums up one DaemonSet on one node:
 * `runs` a ready pod; `starting` a pod not ready yet; `pending` a pod the scheduler has not bound;
 * `terminating` a pod being deleted; `stays` a pod that may keep running though no new one would
 * be placed; `leaving` a pod the controller will remove; `missing` no pod yet though one should
 * run; `excluded` no pod, and none should run.
 */
export type Verdict =
  'runs' | 'starting' | 'pending' | 'terminating' | 'stays' | 'leaving' | 'missing' | 'excluded';

export interface DaemonSetExplanation {
  namespace: string;
  name: string;
  verdict: Verdict;
  /** One line: what is true now. */
  headline: string;
  /** Why, one sentence each. */
  sentences: string[];
  /** The DaemonSet's pods on this node. */
  pods: string[];
}

export interface NodeExplanation {
  node: string;
  /** Facts about the node itself that matter to every DaemonSet (cordon, readiness). */
  notes: string[];
  daemonSets: DaemonSetExplanation[];
}

export interface ExplainInput {
  node: Node;
  daemonSets: readonly DaemonSet[];
  pods: readonly Pod[];
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function nodeReadyStatus(node: Node): string {
  return node.status.conditions?.find((c) => c.type === 'Ready')?.status ?? 'Unknown';
}

function formatToleration(t: Toleration): string {
  const parts = [
    t.key ? `key ${t.key}` : 'any key',
    t.operator === 'Exists' ? 'operator Exists' : `value "${t.value ?? ''}"`,
    t.effect ? `effect ${t.effect}` : 'any effect',
  ];
  return parts.join(', ');
}

/** missingToleration is the toleration that would let the pod onto a node with this taint. */
export function missingToleration(taint: Taint): string {
  const value = taint.value ? `, operator: Equal, value: "${taint.value}"` : ', operator: Exists';
  return `{key: ${taint.key}${value}, effect: ${taint.effect}}`;
}

function reasonSentence(reason: PlacementReason): string[] {
  if (reason.kind !== 'taint') return [`The node does not match: ${describePlacementReason(reason)}.`];
  return [
    `${capitalize(describePlacementReason(reason))}.`,
    `To let it run here, add this toleration to the pod template: ${missingToleration(reason.taint)}.`,
  ];
}

// Why the node is acceptable: the selector or affinity term it matches and the taints tolerated.
function whyAllowed(node: Node, ds: DaemonSet): string[] {
  const sentences: string[] = [];
  const spec = ds.spec.template.spec;
  const selector = Object.entries(spec.nodeSelector ?? {});
  if (selector.length > 0) {
    sentences.push(
      `The node has every label of the nodeSelector (${selector.map(([k, v]) => `${k}=${v}`).join(', ')}).`,
    );
  }
  const terms =
    spec.affinity?.nodeAffinity?.requiredDuringSchedulingIgnoredDuringExecution?.nodeSelectorTerms ?? [];
  const matched = terms.findIndex((term, i) => !nodeSelectorTermMismatch(term, node, i));
  if (matched >= 0) sentences.push(`The node matches term ${matched + 1} of the required node affinity.`);
  const tolerations = newDaemonPod(ds, node.metadata.name).spec.tolerations ?? [];
  const own = spec.tolerations ?? [];
  for (const taint of node.spec.taints ?? []) {
    if (taint.effect === 'PreferNoSchedule') {
      sentences.push(
        `Taint ${formatTaint(taint)} only asks the scheduler to prefer other nodes; it never keeps a daemon pod away.`,
      );
      continue;
    }
    const byTemplate = own.find((t) => toleratesTaint(t, taint));
    const any = byTemplate ?? tolerations.find((t) => toleratesTaint(t, taint));
    if (!any) continue;
    if (byTemplate) {
      sentences.push(
        `Taint ${formatTaint(taint)} is tolerated by the pod template's toleration (${formatToleration(byTemplate)}).`,
      );
    } else if (taint.key !== TAINT_NODE_UNSCHEDULABLE) {
      sentences.push(
        `Taint ${formatTaint(taint)} is tolerated: the DaemonSet controller adds a toleration for ${taint.key} to every daemon pod.`,
      );
    }
  }
  return sentences;
}

function podsOf(ds: DaemonSet, nodeName: string, pods: readonly Pod[]): Pod[] {
  return pods.filter((pod) => {
    const owner = pod.metadata.ownerReferences?.find((r) => r.controller);
    if (!owner || owner.kind !== 'DaemonSet') return false;
    const same = ds.metadata.uid ? owner.uid === ds.metadata.uid : owner.name === ds.metadata.name;
    if (!same || pod.metadata.namespace !== ds.metadata.namespace) return false;
    const target = getTargetNodeName(pod);
    return target.ok && target.nodeName === nodeName;
  });
}

function isReady(pod: Pod): boolean {
  return pod.status?.conditions?.some((c) => c.type === 'Ready' && c.status === 'True') ?? false;
}

function schedulerSentence(pod: Pod): string {
  const cond = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  if (cond?.status === 'False' && cond.message) return `The scheduler cannot place it yet: ${cond.message}`;
  return 'It waits for the scheduler to bind it to the node.';
}

function podState(pod: Pod): string {
  const waiting = pod.status?.containerStatuses?.find((c) => c.state.waiting)?.state.waiting?.reason;
  return waiting ?? pod.status?.phase ?? 'Pending';
}

/**
 * explainDaemonSet explains one DaemonSet on one node; `retry` says when the controller replaces a
 * Failed pod there (only the controller knows).
 */
export function explainDaemonSet(
  node: Node,
  ds: DaemonSet,
  pods: readonly Pod[],
  retry?: FailedPodRetry,
): DaemonSetExplanation {
  const nodeName = node.metadata.name;
  const decision = nodeShouldRunDaemonPod(node, ds);
  const mine = podsOf(ds, nodeName, pods);
  const live = mine.filter((p) => !p.metadata.deletionTimestamp);
  const leaving = mine.filter((p) => p.metadata.deletionTimestamp);
  const base = {
    namespace: ds.metadata.namespace ?? 'default',
    name: ds.metadata.name,
    pods: mine.map((p) => p.metadata.name),
  };
  const reasons = decision.reasons.flatMap(reasonSentence);
  const allowed = decision.shouldRun ? whyAllowed(node, ds) : [];
  if (decision.shouldRun && allowed.length === 0) {
    allowed.push(
      'Nothing keeps it away: no nodeSelector or node affinity to match, and no taint it does not tolerate.',
    );
  }
  const pod = live[0];

  if (!pod) {
    // A finished pod being deleted is no pod to the controller (getNodesToDaemonPods leaves it out).
    const finished = decision.shouldRun && leaving.every(isPodTerminal) ? leaving[0] : undefined;
    if (finished) {
      return {
        ...base,
        verdict: 'terminating',
        headline: `${finished.metadata.name} is terminating`,
        sentences: [
          `It has ${finished.status?.phase} and is being deleted; the DaemonSet controller no longer counts it and creates a new pod here at once.`,
        ],
      };
    }
    if (leaving.length > 0) {
      const why = decision.shouldContinueRunning
        ? [
            'It is being deleted (a rolling update, a drain or a delete); the controller places a new one once it is gone.',
          ]
        : ['The DaemonSet controller is removing it:', ...reasons];
      return {
        ...base,
        verdict: 'terminating',
        headline: `${leaving[0]?.metadata.name} is terminating`,
        sentences: why,
      };
    }
    if (decision.shouldRun) {
      return {
        ...base,
        verdict: 'missing',
        headline: 'No pod yet, but one should run here',
        sentences: ['The node fits, so the DaemonSet controller creates a pod at its next sync.', ...allowed],
      };
    }
    return {
      ...base,
      verdict: 'excluded',
      headline: `${ds.metadata.name} does not run here`,
      sentences: reasons,
    };
  }

  const name = pod.metadata.name;
  if (!decision.shouldContinueRunning) {
    return {
      ...base,
      verdict: 'leaving',
      headline: `${name} will be removed`,
      sentences: ['The node no longer fits:', ...reasons],
    };
  }
  if (!decision.shouldRun) {
    return {
      ...base,
      verdict: 'stays',
      headline: `${name} keeps running, though no new pod would be placed`,
      sentences: [...reasons, 'A NoSchedule taint keeps new pods away but never evicts a running one.'],
    };
  }
  if (pod.status?.phase === 'Failed') {
    // podsShouldBeOnNode: the controller kills a Failed daemon pod and creates another, with back-off.
    const failed = explainFailedDaemonPod(pod, retry);
    return { ...base, verdict: 'leaving', headline: failed.headline, sentences: failed.sentences };
  }
  const extra =
    leaving.length > 0 ? [`${leaving.map((p) => p.metadata.name).join(', ')} is terminating beside it.`] : [];
  if (!pod.spec.nodeName) {
    // The arithmetic on this node says in numbers what "Insufficient memory" means.
    const bound = pods.filter((p) => p.spec.nodeName === nodeName);
    const target = explainPending({ pod, node, podsOnNode: bound })?.target ?? [];
    return {
      ...base,
      verdict: 'pending',
      headline: `${name} is Pending`,
      sentences: [schedulerSentence(pod), ...target, ...allowed, ...extra],
    };
  }
  if (!isReady(pod)) {
    return {
      ...base,
      verdict: 'starting',
      headline: `${name} is ${podState(pod)}, not ready yet`,
      sentences: [...allowed, ...extra],
    };
  }
  return {
    ...base,
    verdict: 'runs',
    headline: `${name} runs here and is ready`,
    sentences: [...allowed, ...extra],
  };
}

function nodeNotes(node: Node): string[] {
  const notes: string[] = [];
  if (node.spec.unschedulable) {
    // The node lifecycle controller mirrors spec.unschedulable as a taint (doNoScheduleTaintingPass).
    notes.push(
      `Cordoned: ${TAINT_NODE_UNSCHEDULABLE}:NoSchedule — daemon pods tolerate it. The cordon set spec.unschedulable (SchedulingDisabled) and the node lifecycle controller added this taint, so new ordinary pods stay away; the DaemonSet controller gives every daemon pod a toleration for it, so DaemonSets keep and place their pods here.`,
    );
  }
  const pressure = pressureConditions(node);
  if (pressure.length > 0) {
    // The taints let daemon pods through; the kubelet's admission (eviction manager Admit) may not.
    const refuses =
      pressure.length === 1 && pressure[0] === 'MemoryPressure'
        ? `new BestEffort pods that do not tolerate ${TAINT_NODE_MEMORY_PRESSURE}`
        : 'every new pod that is not critical (priorityClassName system-node-critical or system-cluster-critical)';
    notes.push(
      `Under ${pressure.join(' and ')}: daemon pods tolerate the pressure taints, but the kubelet refuses ${refuses}; such a pod ends Failed (Evicted) and its DaemonSet retries with back-off.`,
    );
  }
  const ready = nodeReadyStatus(node);
  if (ready !== 'True') {
    notes.push(
      `The node is NotReady (Ready=${ready}). Daemon pods tolerate ${TAINT_NODE_NOT_READY} and ${TAINT_NODE_UNREACHABLE} NoExecute taints with no time limit, so they are not evicted; other pods are evicted after their tolerationSeconds (300 s by default).`,
    );
  }
  return notes;
}

/** explainNode explains, for every DaemonSet, whether and why it runs a pod on the node. */
export function explainNode({ node, daemonSets, pods }: ExplainInput): NodeExplanation {
  return {
    node: node.metadata.name,
    notes: nodeNotes(node),
    daemonSets: daemonSets.map((ds) => explainDaemonSet(node, ds, pods)),
  };
}
