// Why a pod is Pending, in plain words: the scheduler's FitError read back reason by reason,
// the resource arithmetic on a daemon pod's own node, and what would fix it.
import type { Node, Pod } from '../../engine/api/types';
import { explainPending } from '../../engine/explain/unschedulable';
import { TID } from '../testIds';

export function PendingReason({
  pod,
  node,
  podsOnNode,
}: {
  pod: Pod;
  node: Node | undefined;
  podsOnNode: Pod[];
}) {
  const e = explainPending({ pod, node, podsOnNode });
  const message = pod.status?.conditions?.find((c) => c.type === 'PodScheduled')?.message;
  if (!e) return null;
  return (
    <article
      className="verdict verdict--pending pending-reason"
      aria-label="Why it is Pending"
      data-testid={TID.pendingReason}
    >
      <h3 className="verdict__title">
        <span className="verdict__headline">{e.headline}</span>
      </h3>
      <ul className="verdict__why">
        {[...e.target, ...e.reasons, ...e.preemption].map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      {e.fixes.length > 0 && (
        <p className="pending-reason__fix">
          <strong>To fix:</strong> {e.fixes.join(' ')}
        </p>
      )}
      {message && (
        <details className="pending-reason__raw">
          <summary>The scheduler&apos;s message</summary>
          <code>{message}</code>
        </details>
      )}
    </article>
  );
}
