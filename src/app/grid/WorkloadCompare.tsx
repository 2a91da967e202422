// The "Deployment vs DaemonSet" strip above the grid: one entry per workload with its counts
// ("Deployment web: 4 pods on 3 nodes · DaemonSet fluentd: 1 per node"), so the lesson shows
// while nodes come and go. Clicking an entry highlights its pods and dims the rest.
import { useMemo } from 'react';
import { listCluster } from '../model/cluster';
import { useObjects } from '../store/useCluster';
import { TID } from '../testIds';
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
  const nodes = useMemo(() => Object.values(objects).filter((o) => o.kind === 'Node').length, [objects]);
  return (
    <div className="compare" data-testid={TID.workloadSummary} aria-label="Pods by workload">
      <p className="compare__lesson">
        <span className="compare__shape compare__shape--daemon" aria-hidden="true" />
        DaemonSet: one pod per eligible node ·{' '}
        <span className="compare__shape compare__shape--deployment" aria-hidden="true" />
        Deployment: N replicas wherever they fit · {nodes} node{nodes === 1 ? '' : 's'} now
      </p>
      {workloads.length === 0 ? (
        <p className="muted compare__empty">No DaemonSets or Deployments yet.</p>
      ) : (
        <ul className="compare__list">
          {workloads.map((w) => (
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
      )}
    </div>
  );
}
