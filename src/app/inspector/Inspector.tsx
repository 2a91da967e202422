// The inspector: click a node or a pod to see why it is the way it is (the explanation built
// from the same predicates the controllers use), its YAML and its events.
import { Suspense, lazy, useState } from 'react';
import type { KubeObject, Node, Pod } from '../../engine/api/types';
import { useAppStore } from '../store';
import { useObjects } from '../store/useCluster';
import type { Selection } from '../store/selectionSlice';
import { TID } from '../testIds';
import { ObjectEvents } from './ObjectEvents';
import { ScenarioIntro } from './ScenarioIntro';
import { YamlView } from './YamlView';

// The explanations (and the engine's explain code they run) are a chunk of their own: nothing is
// selected when the page opens, so the first paint never waits for them.
const NodeExplanationView = lazy(() =>
  import('./NodeExplanationView').then((m) => ({ default: m.NodeExplanationView })),
);
const PodOverview = lazy(() => import('./PodOverview').then((m) => ({ default: m.PodOverview })));

type Tab = 'explain' | 'yaml' | 'events';

function findSelected(objects: Record<string, KubeObject>, sel: Selection | null): Node | Pod | undefined {
  if (!sel) return undefined;
  if (sel.kind === 'pod') {
    const obj = objects[sel.uid];
    return obj?.kind === 'Pod' ? obj : undefined;
  }
  return Object.values(objects).find((o): o is Node => o.kind === 'Node' && o.metadata.name === sel.name);
}

export function Inspector() {
  const selection = useAppStore((s) => s.selection);
  const objects = useObjects();
  const select = useAppStore((s) => s.select);
  const [tab, setTab] = useState<Tab>('explain');
  const obj = findSelected(objects, selection);

  const tabs: { id: Tab; label: string }[] = [
    { id: 'explain', label: obj?.kind === 'Pod' ? 'Overview' : 'Why' },
    { id: 'yaml', label: 'YAML' },
    { id: 'events', label: 'Events' },
  ];

  return (
    <section className="panel inspector" data-testid={TID.inspector} aria-label="Inspector">
      <div className="pane-header">
        <h2 className="pane-title">Inspector</h2>
        {obj && (
          <>
            <span className="kind-badge">{obj.kind}</span>
            <span className="inspector__name" title={obj.metadata.name}>
              {obj.metadata.name}
            </span>
            <button
              type="button"
              className="icon-button icon-button--small"
              aria-label="Close inspector"
              onClick={() => select(null)}
            >
              ×
            </button>
          </>
        )}
      </div>
      {!obj ? (
        <ScenarioIntro gone={selection !== null} />
      ) : (
        <>
          <div className="tabs" role="tablist" aria-label="Inspector views">
            {tabs.map((t) => (
              <button
                key={t.id}
                type="button"
                role="tab"
                id={`inspector-tab-${t.id}`}
                aria-selected={tab === t.id}
                aria-controls="inspector-body"
                className={`tab${tab === t.id ? ' is-active' : ''}`}
                onClick={() => setTab(t.id)}
              >
                {t.label}
              </button>
            ))}
          </div>
          <div
            className="inspector__body"
            id="inspector-body"
            role="tabpanel"
            aria-labelledby={`inspector-tab-${tab}`}
          >
            <Suspense fallback={<p className="muted">Loading…</p>}>
              {tab === 'explain' && obj.kind === 'Node' && (
                <NodeExplanationView node={obj} objects={objects} />
              )}
              {tab === 'explain' && obj.kind === 'Pod' && <PodOverview pod={obj} objects={objects} />}
            </Suspense>
            {tab === 'yaml' && <YamlView object={obj} />}
            {tab === 'events' && <ObjectEvents object={obj} />}
          </div>
        </>
      )}
    </section>
  );
}
