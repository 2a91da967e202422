// For a pod: its status at a glance, how it is leaving (evicted, preempted), why it is Pending
// (the scheduler's reasons in plain words), what its containers are doing (crash-loop and pull
// back-off with the kubelet's timer), its last log lines, for a daemon pod why its DaemonSet
// runs it on that node, and for a StatefulSet's pod what the set waits for on it.
import { useMemo } from 'react';
import type { DaemonSet, KubeObject, Node, Pod } from '../../engine/api/types';
import { LABEL_CONTROLLER_REVISION_HASH } from '../../engine/api/wellKnown';
import { explainDaemonSet } from '../../engine/explain/explainNode';
import { explainStatefulSetPod } from '../../engine/explain/statefulSet';
import { getTargetNodeName } from '../../engine/predicates';
import { controllerRef, indexRevisions, listCluster } from '../model/cluster';
import { ownerText } from '../model/orphans';
import { podStatus } from '../model/podStatus';
import { useAppStore } from '../store';
import { TID } from '../testIds';
import { disruptionOf } from '../grid/workloads';
import { ContainerStates } from './ContainerStates';
import { CronJobRuns } from './CronJobRuns';
import { PendingReason } from './PendingReason';
import { PodLogs } from './PodLogs';
import { usePodDetails } from './usePodDetails';

export function PodOverview({ pod, objects }: { pod: Pod; objects: Record<string, KubeObject> }) {
  const select = useAppStore((s) => s.select);
  const events = useAppStore((s) => s.events);
  const lists = useMemo(() => listCluster(objects), [objects]);
  const details = usePodDetails(pod);
  const s = podStatus(pod);
  const owner = controllerRef(pod);
  const target = getTargetNodeName(pod);
  const nodeName = target.ok ? target.nodeName : undefined;
  const node: Node | undefined = lists.nodes.find((n) => n.metadata.name === nodeName);
  const ds: DaemonSet | undefined =
    owner?.kind === 'DaemonSet' ? lists.daemonSets.find((d) => d.metadata.uid === owner.uid) : undefined;
  const hash = pod.metadata.labels?.[LABEL_CONTROLLER_REVISION_HASH];
  const revision = owner && hash ? indexRevisions(lists.revisions).revisionOf(owner.uid, hash) : undefined;
  // Whole simulated seconds: the Failed pod's "next try in Ns" counts down without a render per frame.
  const now = useAppStore((st) => Math.floor(st.clock.time));
  const retry = details ? { now, retryAt: details.daemonRetryAt } : undefined;
  const explanation = node && ds ? explainDaemonSet(node, ds, lists.pods, retry) : undefined;
  const podsOnNode = lists.pods.filter((p) => nodeName !== undefined && p.spec.nodeName === nodeName);
  const disruption = disruptionOf(pod, events);
  const sts =
    owner?.kind === 'StatefulSet'
      ? lists.statefulSets.find((st) => st.metadata.uid === owner.uid)
      : undefined;
  const stsWait = sts
    ? explainStatefulSetPod(
        sts,
        lists.pods.filter((p) => controllerRef(p)?.uid === sts.metadata.uid),
        pod,
        node,
      )
    : undefined;

  const rows: [string, string][] = [
    ['Namespace', pod.metadata.namespace ?? 'default'],
    ['Status', s.status],
    ['Ready', s.ready ? 'yes' : 'no'],
    ['Restarts', String(s.restarts)],
    [
      'Controlled by',
      ownerText(pod, (uid) => {
        const rs = objects[uid];
        return rs ? controllerRef(rs)?.name : undefined;
      }),
    ],
    ['Revision', revision !== undefined ? `${revision} (${hash})` : (hash ?? '—')],
    ['Images', pod.spec.containers.map((c) => c.image).join(', ')],
  ];

  return (
    <div className="explain">
      {/* What is happening to the pod comes first; the facts table is for reference. */}
      {disruption && <p className="explain__note explain__note--danger">{disruption.text}</p>}
      {stsWait && (
        <p className="explain__note" data-testid={TID.statefulSetWait}>
          {stsWait}
        </p>
      )}
      {!pod.spec.nodeName && <PendingReason pod={pod} node={node} podsOnNode={podsOnNode} />}
      {pod.spec.nodeName && <ContainerStates pod={pod} backoffUntil={details?.backoffUntil} />}
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
      {pod.spec.nodeName && <PodLogs details={details} />}
      <CronJobRuns pod={pod} objects={objects} />
      {explanation && explanation.verdict !== 'pending' && (
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
