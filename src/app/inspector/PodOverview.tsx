// For a pod: its status at a glance and, for a daemon pod, why its DaemonSet runs it there.
import { useMemo } from 'react';
import type { DaemonSet, KubeObject, Node, Pod } from '../../engine/api/types';
import { LABEL_CONTROLLER_REVISION_HASH } from '../../engine/api/wellKnown';
import { explainDaemonSet } from '../../engine/explain/explainNode';
import { getTargetNodeName } from '../../engine/predicates';
import { controllerRef, indexRevisions, listCluster } from '../model/cluster';
import { podStatus } from '../model/podStatus';
import { useAppStore } from '../store';

export function PodOverview({ pod, objects }: { pod: Pod; objects: Record<string, KubeObject> }) {
  const select = useAppStore((s) => s.select);
  const lists = useMemo(() => listCluster(objects), [objects]);
  const s = podStatus(pod);
  const owner = controllerRef(pod);
  const target = getTargetNodeName(pod);
  const nodeName = target.ok ? target.nodeName : undefined;
  const node: Node | undefined = lists.nodes.find((n) => n.metadata.name === nodeName);
  const ds: DaemonSet | undefined =
    owner?.kind === 'DaemonSet' ? lists.daemonSets.find((d) => d.metadata.uid === owner.uid) : undefined;
  const hash = pod.metadata.labels?.[LABEL_CONTROLLER_REVISION_HASH];
  const revision = owner && hash ? indexRevisions(lists.revisions).revisionOf(owner.uid, hash) : undefined;
  const scheduled = pod.status?.conditions?.find((c) => c.type === 'PodScheduled');
  const explanation = node && ds ? explainDaemonSet(node, ds, lists.pods) : undefined;

  const rows: [string, string][] = [
    ['Namespace', pod.metadata.namespace ?? 'default'],
    ['Status', s.status],
    ['Ready', s.ready ? 'yes' : 'no'],
    ['Restarts', String(s.restarts)],
    ['Controlled by', owner ? `${owner.kind}/${owner.name}` : 'nothing (a bare pod)'],
    ['Revision', revision !== undefined ? `${revision} (${hash})` : (hash ?? '—')],
    ['Images', pod.spec.containers.map((c) => c.image).join(', ')],
  ];

  return (
    <div className="explain">
      <dl className="facts">
        <dt>Node</dt>
        <dd>
          {nodeName ? (
            <button
              type="button"
              className="link-button"
              onClick={() => select({ kind: 'node', name: nodeName })}
            >
              {nodeName}
            </button>
          ) : (
            'not bound'
          )}
          {!pod.spec.nodeName && nodeName && <span className="muted"> (target, not bound yet)</span>}
        </dd>
        {rows.map(([k, v]) => (
          <div key={k} className="facts__row">
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      {scheduled?.status === 'False' && scheduled.message && (
        <p className="explain__note">The scheduler cannot place it yet: {scheduled.message}</p>
      )}
      {explanation && (
        <article className={`verdict verdict--${explanation.verdict}`}>
          <h3 className="verdict__title">
            <span className="verdict__ds">{explanation.name}</span>
            <span className="verdict__headline">
              on {nodeName}: {explanation.headline}
            </span>
          </h3>
          {explanation.sentences.length > 0 && (
            <ul className="verdict__why">
              {explanation.sentences.map((line) => (
                <li key={line}>{line}</li>
              ))}
            </ul>
          )}
        </article>
      )}
    </div>
  );
}
