// The workload comparison above the grid: a column for every kind of workload the cluster
// holds (DaemonSet, Deployment, StatefulSet, Job, CronJob), each saying what its controller does with this same
// cluster — pods per node, node failure, cordon, drain, taint, a new image — from the table in
// workloadBehaviour.ts, then its workloads with their counts ("DaemonSet fluentd: 1 per node on
// 3 nodes"; a CronJob's schedule, active Jobs and last run, its Jobs counted under it). Clicking a workload highlights its pods and dims the rest.
import { useMemo } from 'react';
import { listCluster } from '../model/cluster';
import { useObjects } from '../store/useCluster';
import { TID } from '../testIds';
import { KIND_BEHAVIOUR, SITUATIONS } from './workloadBehaviour';
import { summarizeWorkloads } from './workloads';

export function WorkloadCompare({
  highlight,
  onHighlight,
}: {
  highlight: string | undefined;
  onHighlight(key: string | undefined): void;
}) {
  const objects = useObjects();
  const workloads = useMemo(() => summarizeWorkloads(listCluster(objects)), [objects]);
  // Counted by workload, not by object: a CronJob's Jobs count under the CronJob.
  const counts = useMemo(() => {
    const out = new Map<string, number>();
    for (const w of workloads) out.set(w.kind, (out.get(w.kind) ?? 0) + 1);
    return out;
  }, [workloads]);
  const nodes = useMemo(() => listCluster(objects).nodes.length, [objects]);
  const kinds = KIND_BEHAVIOUR.filter((b) => (counts.get(b.kind) ?? 0) > 0);
  return (
    <div className="compare" data-testid={TID.workloadSummary} aria-label="Pods by workload">
      <p className="compare__lesson">
        What each controller does with the same {nodes} node{nodes === 1 ? '' : 's'}:
      </p>
      {kinds.length === 0 ? (
        <p className="muted compare__empty">
          No DaemonSets, Deployments, StatefulSets, Jobs or CronJobs yet.
        </p>
      ) : (
        <table className="compare__table">
          <thead>
            <tr>
              <td />
              {kinds.map((b) => (
                <th key={b.kind} scope="col" className="compare__kind" data-compare-kind={b.kind}>
                  {b.kind} <span className="muted">· {counts.get(b.kind) ?? 0}</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {SITUATIONS.map((s) => (
              <tr key={s.key}>
                <th scope="row">{s.label}</th>
                {kinds.map((b) => (
                  <td key={b.kind} data-kind={b.kind} data-situation={s.key}>
                    {b[s.key]}
                  </td>
                ))}
              </tr>
            ))}
            <tr>
              <th scope="row">Here</th>
              {kinds.map((b) => (
                <td key={b.kind} data-kind={b.kind} data-situation="workloads">
                  <ul className="compare__list">
                    {workloads
                      .filter((w) => w.kind === b.kind)
                      .map((w) => (
                        <li key={w.key}>
                          <button
                            type="button"
                            className={`compare__item compare__item--${w.kind}`}
                            aria-pressed={highlight === w.key}
                            data-workload-key={w.key}
                            title={`${w.namespace}/${w.name}: click to highlight its pods`}
                            onClick={() => onHighlight(highlight === w.key ? undefined : w.key)}
                          >
                            {w.text}
                          </button>
                        </li>
                      ))}
                  </ul>
                </td>
              ))}
            </tr>
          </tbody>
        </table>
      )}
    </div>
  );
}
