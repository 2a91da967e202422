// The overview's pure parts: grouping by zone, pool and role, the filter, the cell layout and
// hit-testing, and the node list's window.
import { describe, expect, it } from 'vitest';
import { ROW_HEIGHT, visibleRange } from '../../../src/app/grid/NodeList';
import type { NodeState } from '../../../src/app/grid/gridFilter';
import { filterNodes, isFiltering } from '../../../src/app/grid/gridFilter';
import { NO_VALUE, defaultGroupBy, groupKeyOf, groupNodes } from '../../../src/app/grid/gridGroups';
import type { NodeCardView, PodChipView } from '../../../src/app/grid/gridView';
import {
  OVERVIEW_METRICS,
  cellAt,
  cellRect,
  findCell,
  layoutOverview,
} from '../../../src/app/grid/overviewLayout';

function pod(tone: PodChipView['tone'], revisionAge: PodChipView['revisionAge'] = 'current'): PodChipView {
  return {
    uid: `${tone}-${Math.random()}`,
    name: 'p',
    namespace: 'kube-system',
    owner: 'agent',
    status: tone,
    ready: tone === 'ready',
    tone,
    revision: '1',
    revisionAge,
    ownerIndex: 0,
    workloadKind: 'DaemonSet',
    workloadName: 'agent',
    workloadKey: 'DaemonSet/kube-system/agent',
    restarts: 0,
    disruption: null,
    orphanOf: null,
  };
}

function card(name: string, labels: Record<string, string>, more: Partial<NodeCardView> = {}): NodeCardView {
  return {
    uid: name,
    name,
    role: 'worker',
    ready: 'Ready',
    cordoned: false,
    labels: Object.entries(labels).map(([k, v]) => ({ text: v ? `${k}=${v}` : k, used: false })),
    taints: [],
    conditions: [],
    resources: [],
    pods: [pod('ready')],
    ariaLabel: name,
    ...more,
  };
}

const ZONE = 'topology.kubernetes.io/zone';
const nodes = [
  card('node-1', { [ZONE]: 'zone-b', pool: 'general' }),
  card('node-2', { [ZONE]: 'zone-a', pool: 'gpu' }, { ready: 'NotReady' }),
  card('node-3', { [ZONE]: 'zone-a', pool: 'general' }, { cordoned: true }),
  card('node-4', { pool: 'general' }, { pods: [pod('pending')] }),
  card('cp-1', {}, { role: 'control-plane', pods: [pod('ready', 'old'), pod('crash')] }),
];

describe('overview · grouping', () => {
  it.each([
    ['zone', ['zone-a', 'zone-b', NO_VALUE]],
    ['pool', ['general', 'gpu', NO_VALUE]],
    ['role', ['control-plane', 'worker']],
    ['none', ['all nodes']],
  ] as const)('groups by %s, sorted, nodes without the label last', (by, keys) => {
    expect(groupNodes(nodes, by).map((g) => g.key)).toEqual(keys);
  });

  it('keeps the nodes of a group in the order given', () => {
    expect(groupNodes(nodes, 'zone')[0]!.nodes.map((n) => n.name)).toEqual(['node-2', 'node-3']);
  });

  it('reads the cloud providers’ pool labels too', () => {
    expect(groupKeyOf(card('n', { 'cloud.google.com/gke-nodepool': 'default-pool' }), 'pool')).toBe(
      'default-pool',
    );
  });

  it('groups by zone by default when any node has one, else by pool, else by role', () => {
    expect(defaultGroupBy(nodes)).toBe('zone');
    expect(defaultGroupBy([card('a', { pool: 'x' })])).toBe('pool');
    expect(defaultGroupBy([card('a', {})])).toBe('role');
  });
});

describe('overview · filter', () => {
  const names = (text: string, states: NodeState[] = []) =>
    filterNodes(nodes, { text, states: new Set(states) }).map((n) => n.name);

  it.each([
    ['a name', 'node-3', [], ['node-3']],
    ['a label, case-insensitively', 'POOL=GPU', [], ['node-2']],
    ['every word', 'general zone-a', [], ['node-3']],
    ['a role', 'control', [], ['cp-1']],
    ['NotReady nodes', '', ['notReady'], ['node-2']],
    ['cordoned nodes', '', ['cordoned'], ['node-3']],
    ['nodes with pending pods', '', ['pending'], ['node-4']],
    ['nodes with crashing pods', '', ['crash'], ['cp-1']],
    ['nodes with pods on an old revision', '', ['oldRevision'], ['cp-1']],
    ['any of the states asked for', '', ['notReady', 'cordoned'], ['node-2', 'node-3']],
    ['text and state together', 'general', ['cordoned'], ['node-3']],
  ] as const)('matches %s', (_what, text, states, expected) => {
    expect(names(text, [...states])).toEqual(expected);
  });

  it('an empty filter keeps every node and says it filters nothing', () => {
    expect(names('  ')).toHaveLength(nodes.length);
    expect(isFiltering({ text: ' ', states: new Set() })).toBe(false);
  });
});

describe('overview · layout', () => {
  const groups = (sizes: number[]) =>
    sizes.map((n, g) => ({ key: `g${g}`, nodes: Array.from({ length: n }, (_, i) => `g${g}-n${i}`) }));

  it('picks the largest cell at which every group fits the viewport', () => {
    const layout = layoutOverview(groups([1667, 1667, 1666]), 800, 600);
    expect(layout.height).toBeLessThanOrEqual(600);
    const bigger = layoutOverview(groups([1667, 1667, 1666]), 800, 600, {
      ...OVERVIEW_METRICS,
      minCell: layout.cell + 1,
    });
    expect(bigger.height).toBeGreaterThan(600);
  });

  it('a few nodes get big cells, capped at maxCell', () => {
    expect(layoutOverview(groups([3]), 800, 600).cell).toBe(OVERVIEW_METRICS.maxCell);
  });

  it('falls back to the smallest cell when nothing fits, and the view pans', () => {
    const layout = layoutOverview(groups([20000]), 200, 100);
    expect(layout.cell).toBe(OVERVIEW_METRICS.minCell);
    expect(layout.height).toBeGreaterThan(100);
  });

  it('stacks groups: each header, then its rows of cells', () => {
    const layout = layoutOverview(groups([10, 5]), 200, 1000);
    const [a, b] = layout.groups;
    expect(b!.y).toBe(a!.y + a!.height + OVERVIEW_METRICS.groupGap);
    expect(a!.rows).toBe(Math.ceil(10 / a!.columns));
  });

  it('hit-tests every cell back to its node, and gaps and headers to nothing', () => {
    const layout = layoutOverview(groups([37, 12]), 300, 400);
    for (const g of layout.groups)
      g.nodes.forEach((node, i) => {
        const r = cellRect(layout, g, i)!;
        expect(cellAt(layout, r.x + r.size / 2, r.y + r.size / 2)?.node).toBe(node);
        expect(cellAt(layout, r.x + r.size + OVERVIEW_METRICS.gap / 2, r.y + 1)).toBeUndefined();
      });
    expect(cellAt(layout, 20, layout.groups[1]!.y + 2)).toBeUndefined();
    expect(findCell(layout, (n) => n === 'g1-n3')).toEqual(cellRect(layout, layout.groups[1]!, 3));
  });
});

describe('overview · node list window', () => {
  it('renders the rows in view plus a few either side, within the list', () => {
    const [first, last] = visibleRange(100 * ROW_HEIGHT, 10 * ROW_HEIGHT, 5000);
    expect(first).toBeLessThan(100);
    expect(last).toBeGreaterThanOrEqual(110);
    expect(last - first).toBeLessThan(30);
    expect(visibleRange(0, 400, 3)).toEqual([0, 2]);
  });
});
