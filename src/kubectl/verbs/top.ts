// kubectl top node|pod against the playground's simulated metrics-server (util/metrics.ts), with
// kubectl's checks and messages (staging/src/k8s.io/kubectl/pkg/cmd/top/top_node.go, top_pod.go)
// and its printer (pkg/metricsutil/metrics_printer.go: every cell tab-terminated, so the last
// column is padded too).
import type { Node, Pod } from '../../engine/api/types';
import { parseTimestamp } from '../../engine/clock/clock';
import type { Simulation } from '../../engine/simulation';
import { TABLE_OPTIONS, tabwrite } from '../printers/tabwriter';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { bool, fail, namespaceOf, str, usageError } from '../util/flags';
import type { NodeMetrics, PodMetrics } from '../util/metrics';
import { nodeCapacityForTop, nodeMetrics, podMetrics } from '../util/metrics';
import { fieldFilter, labelFilter } from '../util/selectors';

const MI = 1024 * 1024;
const UNKNOWN = '<unknown>';
// Metrics of a pod younger than this may simply not be scraped yet (metricsCreationDelay).
const METRICS_CREATION_DELAY_SECONDS = 120;

type Usage = { cpuMilli: number; memoryBytes: number };

const cpuCell = (u: Usage) => `${u.cpuMilli}m`;
const memoryCell = (u: Usage) => `${Math.floor(u.memoryBytes / MI)}Mi`;
const percent = (used: number, available: number) =>
  `${available === 0 ? 0 : Math.trunc((used / available) * 100)}%`;
const byText = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

function render(rows: string[][]): string {
  return rows.length === 0
    ? ''
    : tabwrite(rows.map((r) => r.map((c) => c + '\t').join('')).join('\n'), TABLE_OPTIONS);
}

function sortByFlag(args: VerbArgs): string | { error: string } {
  const sortBy = str(args, 'sort-by') ?? '';
  if (sortBy && sortBy !== 'cpu' && sortBy !== 'memory')
    return { error: 'error: --sort-by accepts only cpu or memory\n' };
  return sortBy;
}

function usageOrder(sortBy: string): (a: Usage, b: Usage) => number {
  return (a, b) =>
    sortBy === 'cpu' ? b.cpuMilli - a.cpuMilli : sortBy === 'memory' ? b.memoryBytes - a.memoryBytes : 0;
}

/** goDuration prints seconds as Go's time.Duration.String does: `2m5.5s`, `1h0m0s`. */
export function goDuration(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Number((seconds % 60).toFixed(9)).toString();
  return h > 0 ? `${h}h${m}m${s}s` : m > 0 ? `${m}m${s}s` : `${s}s`;
}

function topNode(args: VerbArgs, sim: Simulation): KubectlResult {
  if (args.positional.length > 1) return usageError(args, 'node [NAME | -l label]');
  const sortBy = sortByFlag(args);
  if (typeof sortBy === 'object') return fail(sortBy.error);
  const name = args.positional[0];
  const selector = str(args, 'selector');
  if (name && selector) return fail('error: only one of NAME or --selector can be provided\n');
  const labels = labelFilter(selector);
  if (!labels.ok) return fail(labels.error);
  let nodes: Node[];
  if (name) {
    const node = sim.api.get<Node>('Node', undefined, name);
    if (!node || !nodeMetrics(sim, node))
      return fail(`Error from server (NotFound): nodemetrics.metrics.k8s.io "${name}" not found\n`);
    nodes = [node];
  } else nodes = sim.api.list<Node>('Node').filter(labels.filter);
  const measured = nodes.flatMap((n) => {
    const m = nodeMetrics(sim, n);
    return m ? [{ node: n, m }] : [];
  });
  if (measured.length === 0) return fail('error: metrics not available yet\n');
  const order = usageOrder(sortBy);
  measured.sort((a, b) => order(a.m.usage, b.m.usage) || byText(a.m.name, b.m.name));
  const rows = bool(args, 'no-headers')
    ? []
    : [['NAME', 'CPU(cores)', 'CPU(%)', 'MEMORY(bytes)', 'MEMORY(%)']];
  for (const { node, m } of measured) rows.push(nodeRow(node, m));
  // Nodes without metrics (kubelet down) come last, with every value unknown.
  const missing = nodes.filter((n) => !measured.some((x) => x.node === n)).map((n) => n.metadata.name);
  for (const n of missing.sort(byText)) rows.push([n, UNKNOWN, UNKNOWN, UNKNOWN, UNKNOWN]);
  return { stdout: render(rows), stderr: '', exitCode: 0 };
}

function nodeRow(node: Node, m: NodeMetrics): string[] {
  const available = nodeCapacityForTop(node);
  return [
    m.name,
    cpuCell(m.usage),
    ...(available.cpuMilli !== undefined ? [percent(m.usage.cpuMilli, available.cpuMilli)] : []),
    memoryCell(m.usage),
    ...(available.memoryBytes !== undefined ? [percent(m.usage.memoryBytes, available.memoryBytes)] : []),
  ];
}

function podTotal(m: PodMetrics): Usage {
  return m.containers.reduce(
    (t, c) => ({ cpuMilli: t.cpuMilli + c.cpuMilli, memoryBytes: t.memoryBytes + c.memoryBytes }),
    { cpuMilli: 0, memoryBytes: 0 },
  );
}

// verifyEmptyMetrics: why a list came back empty. Note kubectl checks the current namespace even with -A.
function emptyMetricsError(pods: Pod[], now: number, name: string | undefined): string | undefined {
  for (const pod of pods) {
    const age = now - parseTimestamp(pod.metadata.creationTimestamp);
    if (age > METRICS_CREATION_DELAY_SECONDS) {
      return `error: Metrics not available for pod ${pod.metadata.namespace}/${pod.metadata.name}, age: ${goDuration(age)}\n`;
    }
  }
  return pods.length > 0 || name ? 'error: metrics not available yet\n' : undefined;
}

function topPod(args: VerbArgs, sim: Simulation): KubectlResult {
  if (args.positional.length > 1) return usageError(args, 'pod [NAME | -l label]');
  const sortBy = sortByFlag(args);
  if (typeof sortBy === 'object') return fail(sortBy.error);
  const name = args.positional[0];
  if (name && (str(args, 'selector') || str(args, 'field-selector')))
    return fail('error: only one of NAME or selector can be provided\n');
  const labels = labelFilter(str(args, 'selector'));
  if (!labels.ok) return fail(labels.error);
  const fields = fieldFilter(str(args, 'field-selector'));
  if (!fields.ok) return fail(fields.error);
  const namespace = namespaceOf(args);
  const all = bool(args, 'all-namespaces');
  let metrics: PodMetrics[];
  if (name) {
    const pod = sim.api.get<Pod>('Pod', namespace, name);
    const m = pod ? podMetrics(sim, pod) : undefined;
    if (!m)
      return fail(
        `Error from server (NotFound): podmetrics.metrics.k8s.io "${namespace}/${name}" not found\n`,
      );
    metrics = [m];
  } else {
    const pods = sim.api
      .list<Pod>('Pod', all ? undefined : namespace)
      .filter((p) => labels.filter(p) && fields.filter(p));
    metrics = pods.flatMap((p) => podMetrics(sim, p) ?? []);
  }
  if (metrics.length === 0) {
    const inNamespace = sim.api
      .list<Pod>('Pod', namespace)
      .filter((p) => labels.filter(p) && fields.filter(p));
    const err = emptyMetricsError(inNamespace, sim.clock.now(), name);
    if (err) return fail(err);
    return {
      stdout: '',
      stderr: all ? 'No resources found\n' : `No resources found in ${namespace} namespace.\n`,
      exitCode: 0,
    };
  }
  const order = usageOrder(sortBy);
  const key = (m: PodMetrics) => `${all ? (m.pod.metadata.namespace ?? '') : ''}/${m.pod.metadata.name}`;
  metrics.sort((a, b) => order(podTotal(a), podTotal(b)) || byText(key(a), key(b)));
  const containers = bool(args, 'containers');
  const rows: string[][] = [];
  if (!bool(args, 'no-headers'))
    rows.push([
      ...(all ? ['NAMESPACE'] : []),
      ...(containers ? ['POD'] : []),
      'NAME',
      'CPU(cores)',
      'MEMORY(bytes)',
    ]);
  for (const m of metrics) {
    const ns = all ? [m.pod.metadata.namespace ?? ''] : [];
    if (!containers) {
      const t = podTotal(m);
      rows.push([...ns, m.pod.metadata.name, cpuCell(t), memoryCell(t)]);
      continue;
    }
    const cs = [...m.containers].sort((a, b) => order(a, b) || byText(a.name, b.name));
    for (const c of cs) rows.push([...ns, m.pod.metadata.name, c.name, cpuCell(c), memoryCell(c)]);
  }
  if (bool(args, 'sum')) rows.push(...sumRows(metrics, 3 + (all ? 1 : 0) + (containers ? 1 : 0)));
  return { stdout: render(rows), stderr: '', exitCode: 0 };
}

// printPodResourcesSum: a rule under the two usage columns, then the totals.
function sumRows(metrics: PodMetrics[], width: number): string[][] {
  const total = metrics
    .map(podTotal)
    .reduce((t, u) => ({ cpuMilli: t.cpuMilli + u.cpuMilli, memoryBytes: t.memoryBytes + u.memoryBytes }), {
      cpuMilli: 0,
      memoryBytes: 0,
    });
  const blanks = (n: number) => Array.from({ length: Math.max(0, n) }, () => '');
  return [
    [...blanks(width - 2), '________', '________'],
    [...blanks(width - 3), '', cpuCell(total), memoryCell(total)],
  ];
}

const SORT_BY = (what: string) => ({
  name: 'sort-by',
  type: 'string' as const,
  description: `If non-empty, sort ${what} list using specified field. The field can be either 'cpu' or 'memory'.`,
});
const NO_HEADERS = {
  name: 'no-headers',
  type: 'bool' as const,
  description: 'If present, print output without headers',
};
const SELECTOR = {
  name: 'selector',
  short: 'l',
  type: 'string' as const,
  description:
    "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2)",
};

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  return args.sub === 'node' ? topNode(args, ctx.sim) : topPod(args, ctx.sim);
}

// `kubectl top node|pod`.
registerVerb({
  name: 'top',
  usage: 'kubectl top (node | pod) [flags]',
  short: 'Display resource (CPU/memory) usage',
  flags: [],
  subcommands: [
    {
      name: 'node',
      aliases: ['nodes', 'no'],
      usage: 'kubectl top node [NAME | -l label]',
      short: 'Display resource (CPU/memory) usage of nodes',
      flags: [SELECTOR, SORT_BY('nodes'), NO_HEADERS],
    },
    {
      name: 'pod',
      aliases: ['pods', 'po'],
      usage: 'kubectl top pod [NAME | -l label]',
      short: 'Display resource (CPU/memory) usage of pods',
      flags: [
        SELECTOR,
        {
          name: 'field-selector',
          type: 'string',
          description: "Selector (field query) to filter on, supports '=', '==', and '!='.",
        },
        SORT_BY('pods'),
        {
          name: 'containers',
          type: 'bool',
          description: 'If present, print usage of containers within a pod.',
        },
        {
          name: 'all-namespaces',
          short: 'A',
          type: 'bool',
          description: 'If present, list the requested object(s) across all namespaces.',
        },
        NO_HEADERS,
        { name: 'sum', type: 'bool', description: 'Print the sum of the resource usage' },
      ],
    },
  ],
  run,
});
