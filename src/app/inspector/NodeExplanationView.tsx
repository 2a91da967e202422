// For a node: per DaemonSet, whether it runs a pod here and why, then the node's pods.
import { useMemo } from 'react';
import type { KubeObject, Node } from '../../engine/api/types';
import type { Verdict } from '../../engine/explain/explainNode';
import { explainNode } from '../../engine/explain/explainNode';
import { listCluster } from '../model/cluster';
import { podStatus } from '../model/podStatus';
import { useAppStore } from '../store';

const ICON: Record<Verdict, string> = {
  runs: '✓',
  starting: '…',
  pending: '…',
  terminating: '↓',
  stays: '✓',
  leaving: '↓',
  missing: '+',
  excluded: '✕',
};

export function NodeExplanationView({ node, objects }: { node: Node; objects: Record<string, KubeObject> }) {
  const select = useAppStore((s) => s.select);
  const lists = useMemo(() => listCluster(objects), [objects]);
  const explanation = useMemo(
    () => explainNode({ node, daemonSets: lists.daemonSets, pods: lists.pods }),
    [node, lists],
  );
  const pods = lists.pods.filter((p) => p.spec.nodeName === node.metadata.name);

  return (
    <div className="explain">
      {explanation.notes.map((n) => (
        <p key={n} className="explain__note">
          {n}
        </p>
      ))}
      {explanation.daemonSets.length === 0 && <p className="muted">No DaemonSets in the cluster.</p>}
      {explanation.daemonSets.map((ds) => (
        <article key={`${ds.namespace}/${ds.name}`} className={`verdict verdict--${ds.verdict}`}>
          <div className="verdict__ds">
            DaemonSet {ds.namespace}/{ds.name}
          </div>
          <h3 className="verdict__title">
            <span className="verdict__icon" aria-hidden="true">
              {ICON[ds.verdict]}
            </span>
            <span className="verdict__headline">{ds.headline}</span>
          </h3>
          {ds.sentences.length > 0 && (
            <ul className="verdict__why">
              {ds.sentences.map((s) => (
                <li key={s}>{s}</li>
              ))}
            </ul>
          )}
        </article>
      ))}
      <h3 className="subhead">Pods on {node.metadata.name}</h3>
      {pods.length === 0 ? (
        <p className="muted">None.</p>
      ) : (
        <ul className="pod-list">
          {pods.map((p) => {
            const s = podStatus(p);
            return (
              <li key={p.metadata.uid}>
                <button
                  type="button"
                  className="link-button"
                  onClick={() => select({ kind: 'pod', uid: p.metadata.uid ?? '' })}
                >
                  <span className="pod-dot" data-tone={s.tone} aria-hidden="true" />
                  {p.metadata.namespace}/{p.metadata.name}
                </button>
                <span className="muted"> {s.status}</span>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
