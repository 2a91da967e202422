// The grid with its toolbar (add node, actions for the selected node, the colour legend), the
// node menu and the node dialogs.
import { Suspense, lazy, useCallback, useMemo, useState } from 'react';
import { useAppStore } from '../store';
import { useBridge } from '../store/services';
import { TID } from '../testIds';
import type { DialogKind } from './NodeMenu';
import type { NodeDialogState } from './NodeDialog';
import { NodeGrid, useGridView } from './NodeGrid';
import { nextNodeName } from './nodeCommands';
import type { GridDisplay } from './podChips';
import { WorkloadCompare } from './WorkloadCompare';

// The node menu and dialogs are a chunk of their own, fetched when one first opens.
const NodeMenu = lazy(() => import('./NodeMenu').then((m) => ({ default: m.NodeMenu })));
const NodeDialog = lazy(() => import('./NodeDialog').then((m) => ({ default: m.NodeDialog })));

const LEGEND: { tone: string; label: string }[] = [
  { tone: 'pending', label: 'Pending' },
  { tone: 'creating', label: 'Creating' },
  { tone: 'running', label: 'Running' },
  { tone: 'ready', label: 'Ready' },
  { tone: 'terminating', label: 'Terminating' },
  { tone: 'crash', label: 'Crash/Error' },
  { tone: 'evicted', label: 'Evicted' },
  { tone: 'done', label: 'Completed' },
];

function Toggle({ on, onChange }: { on: boolean; onChange(on: boolean): void }) {
  return (
    <button
      type="button"
      className={`button button--small${on ? ' is-on' : ''}`}
      aria-pressed={on}
      data-testid={TID.compareToggle}
      title="Compare the workload controllers: what a DaemonSet, Deployment, StatefulSet, Job and CronJob each do with the same cluster"
      onClick={() => onChange(!on)}
    >
      Compare controllers
    </button>
  );
}

export function GridPane() {
  const view = useGridView();
  const selectedNode = useAppStore((s) => (s.selection?.kind === 'node' ? s.selection.name : null));
  const [menu, setMenu] = useState<{ name: string; x: number; y: number } | null>(null);
  const [dialog, setDialog] = useState<NodeDialogState | null>(null);
  const [compare, setCompare] = useState(false);
  const [highlight, setHighlight] = useState<string | undefined>(undefined);
  const display = useMemo<GridDisplay>(
    () => ({ compare, highlight: compare ? highlight : undefined }),
    [compare, highlight],
  );

  const openMenu = useCallback((name: string, x: number, y: number) => setMenu({ name, x, y }), []);
  const closeMenu = useCallback(() => setMenu(null), []);
  const { runCommand } = useBridge();
  const run = useCallback((command: string) => void runCommand(command, 'grid'), [runCommand]);
  const menuNode = menu ? view.nodes.find((n) => n.name === menu.name) : undefined;
  const selected = selectedNode ? view.nodes.find((n) => n.name === selectedNode) : undefined;

  const openDialog = (kind: DialogKind, name: string) => {
    const node = view.nodes.find((n) => n.name === name);
    if (node) setDialog({ kind, node });
  };

  return (
    <section className="grid-pane" aria-label="Nodes">
      <div className="grid-toolbar">
        <h2 className="pane-title">
          Nodes <span className="count">{view.nodes.length}</span>
        </h2>
        <button
          type="button"
          className="button button--small button--primary"
          data-testid={TID.addNode}
          onClick={() =>
            setDialog({ kind: 'add', suggestedName: nextNodeName(view.nodes.map((n) => n.name)) })
          }
        >
          + Add node
        </button>
        <button
          type="button"
          className="button button--small"
          disabled={!selected}
          aria-haspopup="menu"
          title={selected ? `Actions for ${selected.name}` : 'Select a node first'}
          onClick={(e) => {
            const r = e.currentTarget.getBoundingClientRect();
            if (selected) openMenu(selected.name, r.left, r.bottom + 4);
          }}
        >
          {selected ? `${selected.name} actions ▾` : 'Node actions ▾'}
        </button>
        <span className="grid-toolbar__spacer" />
        <Toggle on={compare} onChange={setCompare} />
      </div>
      <div className="grid-scroll">
        {/* Inside the scroll area, so on a small screen the comparison never squeezes the cards out. */}
        {compare && <WorkloadCompare highlight={highlight} onHighlight={setHighlight} />}
        <NodeGrid view={view} display={display} onNodeMenu={openMenu} />
        {view.unplaced.length > 0 && (
          <p className="unplaced">
            Not on any node: {view.unplaced.map((p) => `${p.name} (${p.status})`).join(', ')}
          </p>
        )}
      </div>
      <div className="grid-footer">
        <ul className="legend" aria-label="Pod colours">
          {LEGEND.map((l) => (
            <li key={l.tone} className="legend__item">
              <span className="legend__swatch" data-tone={l.tone} aria-hidden="true" />
              {l.label}
            </li>
          ))}
          <li className="legend__item" data-testid={TID.revisionLegend}>
            <span className="legend__rev-sample legend__rev-sample--old" aria-hidden="true" />
            <span className="legend__rev legend__rev--old" aria-hidden="true">
              r1
            </span>
            old revision (dotted)
            <span className="legend__rev-sample" aria-hidden="true" />
            <span className="legend__rev legend__rev--current" aria-hidden="true">
              r2
            </span>
            current revision
          </li>
          <li className="legend__item">
            <span className="legend__shape legend__shape--daemon" aria-hidden="true" />
            daemon pod
            <span className="legend__shape legend__shape--deployment" aria-hidden="true" />
            Deployment pod
          </li>
        </ul>
      </div>
      <Suspense fallback={null}>
        {menu && menuNode && (
          <NodeMenu
            node={menuNode}
            x={menu.x}
            y={menu.y}
            onRun={run}
            onDialog={(kind) => openDialog(kind, menuNode.name)}
            onClose={closeMenu}
          />
        )}
        {dialog && <NodeDialog state={dialog} onRun={run} onClose={() => setDialog(null)} />}
      </Suspense>
    </section>
  );
}
