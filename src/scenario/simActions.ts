import type { Node, Pod, Taint, TaintEffect } from '../engine/api/types';
import { LABEL_HOSTNAME } from '../engine/api/wellKnown';
import type { Simulation } from '../engine/simulation';
import type { PressureKind } from '../engine/controllers/nodelifecycle/nodeLifecycle';
import { splitCommandLine } from './words';

/** SimResult is what a `sim:` action prints, like a kubectl result. */
export interface SimResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

const USAGE = [
  'sim node add <name> [--label k=v]... [--taint k=v:Effect]... [--cpu 4] [--memory 8Gi] [--pods 110] [--gpu 1]',
  'sim node remove <name>',
  'sim node fail <name>',
  'sim node recover <name>',
  'sim node pressure <name> memory|disk|pid [on|off]',
  'sim pod crash <namespace>/<pod>',
  'sim cluster grow <count> [--zones 3]',
].join('\n');

const ok = (stdout: string): SimResult => ({ stdout, stderr: '', exitCode: 0 });
const fail = (stderr: string): SimResult => ({ stdout: '', stderr, exitCode: 1 });

function parseTaint(text: string): Taint | string {
  const m = /^([^=:]+)(?:=([^:]*))?:(NoSchedule|PreferNoSchedule|NoExecute)$/.exec(text);
  if (!m)
    return `error: invalid taint spec: ${text}, expected key[=value]:Effect with Effect NoSchedule, PreferNoSchedule or NoExecute`;
  return { key: m[1]!, ...(m[2] ? { value: m[2] } : {}), effect: m[3] as TaintEffect };
}

function nodeAdd(sim: Simulation, args: string[]): SimResult {
  const name = args[0];
  if (!name || name.startsWith('--'))
    return fail(`error: a node name is required\nUsage: ${USAGE.split('\n')[0]}`);
  const labels: Record<string, string> = { [LABEL_HOSTNAME]: name, 'kubernetes.io/os': 'linux' };
  const taints: Taint[] = [];
  const capacity: Record<string, string> = { cpu: '4', memory: '8Gi', pods: '110' };
  for (let i = 1; i < args.length; i++) {
    const flag = args[i]!;
    const [key, inline] =
      flag.includes('=') && flag.startsWith('--')
        ? [flag.slice(0, flag.indexOf('=')), flag.slice(flag.indexOf('=') + 1)]
        : [flag, undefined];
    const value = inline ?? args[++i];
    if (value === undefined) return fail(`error: flag needs an argument: ${key}`);
    switch (key) {
      case '--label': {
        const eq = value.indexOf('=');
        if (eq <= 0) return fail(`error: invalid label ${value}: expected key=value`);
        labels[value.slice(0, eq)] = value.slice(eq + 1);
        break;
      }
      case '--taint': {
        const t = parseTaint(value);
        if (typeof t === 'string') return fail(t);
        taints.push(t);
        break;
      }
      case '--cpu':
        capacity.cpu = value;
        break;
      case '--memory':
        capacity.memory = value;
        break;
      case '--pods':
        capacity.pods = value;
        break;
      case '--gpu':
        capacity['nvidia.com/gpu'] = value;
        break;
      default:
        return fail(`error: unknown flag: ${key}\nUsage: ${USAGE.split('\n')[0]}`);
    }
  }
  // A GPU machine joins with its device plugin advertising GPUs: `accelerator=gpu` (or the NVIDIA
  // GPU feature-discovery label) without --gpu brings 4, like the sample GPU nodes.
  const looksLikeGpu = labels['accelerator'] === 'gpu' || labels['nvidia.com/gpu.present'] === 'true';
  if (looksLikeGpu && capacity['nvidia.com/gpu'] === undefined) capacity['nvidia.com/gpu'] = '4';
  const node: Node = {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels },
    spec: taints.length ? { taints } : {},
    status: { capacity: { ...capacity }, allocatable: { ...capacity } },
  };
  const res = sim.api.create(node);
  if (!res.ok) return fail(`Error from server (${res.error.reason}): ${res.error.message}`);
  return ok(`node/${name} added`);
}

function podCrash(sim: Simulation, ref: string | undefined): SimResult {
  if (!ref) return fail('error: sim pod crash needs <namespace>/<pod>');
  const [ns, name] = ref.includes('/') ? (ref.split('/', 2) as [string, string]) : ['default', ref];
  const pod = sim.api.get<Pod>('Pod', ns, name);
  if (!pod) return fail(`Error from server (NotFound): pods "${name}" not found`);
  if (!sim.kubelet.crashContainer(pod))
    return fail(`error: pod ${ns}/${name} has no running container to crash`);
  return ok(`pod/${name} crashed`);
}

// Node pools of a grown cluster: mostly general purpose, some memory-heavy, a few with GPUs.
const POOLS: { name: string; share: number; type: string; capacity: Record<string, string> }[] = [
  { name: 'general', share: 0.8, type: 'm5.xlarge', capacity: { cpu: '4', memory: '16Gi', pods: '110' } },
  { name: 'highmem', share: 0.15, type: 'r5.2xlarge', capacity: { cpu: '8', memory: '64Gi', pods: '110' } },
  {
    name: 'gpu',
    share: 0.05,
    type: 'p3.2xlarge',
    capacity: { cpu: '8', memory: '61Gi', pods: '110', 'nvidia.com/gpu': '4' },
  },
];

/**
 * clusterGrow adds `count` worker nodes in one step, spread over zones and node pools with the
 * well-known topology labels, so a 5,000-node cluster is one command away.
 */
function clusterGrow(sim: Simulation, args: string[]): SimResult {
  const count = Number(args[0]);
  if (!Number.isInteger(count) || count < 1 || count > 10000)
    return fail('error: sim cluster grow needs a node count between 1 and 10000');
  let zones = 3;
  const zi = args.indexOf('--zones');
  if (zi >= 0) {
    zones = Number(args[zi + 1]);
    if (!Number.isInteger(zones) || zones < 1 || zones > 26)
      return fail('error: --zones must be between 1 and 26');
  }
  const existing = new Set(sim.api.list<Node>('Node').map((n) => n.metadata.name));
  let next = 1;
  const width = Math.max(4, String(existing.size + count).length);
  for (let i = 0; i < count; i++) {
    let name: string;
    do name = `node-${String(next++).padStart(width, '0')}`;
    while (existing.has(name));
    existing.add(name);
    // Deterministic spread: pools by share, zones round-robin.
    const f = (i + 0.5) / count;
    const pool =
      f < POOLS[0]!.share ? POOLS[0]! : f < POOLS[0]!.share + POOLS[1]!.share ? POOLS[1]! : POOLS[2]!;
    const zone = `zone-${String.fromCharCode(97 + (i % zones))}`;
    const res = sim.api.create<Node>({
      apiVersion: 'v1',
      kind: 'Node',
      metadata: {
        name,
        labels: {
          [LABEL_HOSTNAME]: name,
          'kubernetes.io/os': 'linux',
          'node-role.kubernetes.io/worker': '',
          'topology.kubernetes.io/zone': zone,
          'node.kubernetes.io/instance-type': pool.type,
          pool: pool.name,
        },
      },
      spec: {},
      status: { capacity: { ...pool.capacity }, allocatable: { ...pool.capacity } },
    });
    if (!res.ok) return fail(`Error from server (${res.error.reason}): ${res.error.message}`);
  }
  return ok(`cluster grown by ${count} nodes across ${zones} zones (pools: general, highmem, gpu)`);
}

/**
 * runSimAction carries out a `sim:` step: what a real cluster does to you and has no kubectl
 * verb (machines joining, vanishing, failing, running out of memory; containers crashing).
 */
export function runSimAction(sim: Simulation, line: string): SimResult {
  const words = splitCommandLine(line.replace(/^\s*sim\s+/, ''));
  if (!words.ok) return fail(`error: ${words.message}`);
  const [noun, verb, ...rest] = words.words;
  const target = rest[0];
  if (noun === 'pod' && verb === 'crash') return podCrash(sim, target);
  if (noun === 'cluster' && verb === 'grow') return clusterGrow(sim, rest);
  if (noun !== 'node')
    return fail(`error: unknown sim action "${[noun, verb].filter(Boolean).join(' ')}"\nUsage:\n${USAGE}`);
  if (verb === 'add') return nodeAdd(sim, rest);
  if (!target) return fail(`error: a node name is required\nUsage:\n${USAGE}`);
  const notFound = fail(`Error from server (NotFound): nodes "${target}" not found`);
  switch (verb) {
    case 'remove': {
      const res = sim.api.delete('Node', undefined, target);
      return res.ok
        ? ok(`node/${target} removed (the machine is gone; pod GC deletes its pods after 40s)`)
        : notFound;
    }
    case 'fail': {
      const err = sim.nodeLifecycle.failNode(target);
      return err
        ? notFound
        : ok(`node/${target} failed (kubelet stopped posting status; Unknown after the 50s grace period)`);
    }
    case 'recover': {
      const err = sim.nodeLifecycle.recoverNode(target);
      return err ? notFound : ok(`node/${target} recovered`);
    }
    case 'pressure': {
      const kind = rest[1] as PressureKind | undefined;
      const state = rest[2] ?? 'on';
      if (kind !== 'memory' && kind !== 'disk' && kind !== 'pid')
        return fail('error: pressure kind must be memory, disk or pid');
      if (state !== 'on' && state !== 'off') return fail('error: pressure state must be on or off');
      const err = sim.nodeLifecycle.setPressure(target, kind, state === 'on');
      return err ? notFound : ok(`node/${target} ${kind} pressure ${state}`);
    }
    default:
      return fail(`error: unknown sim action "node ${verb ?? ''}"\nUsage:\n${USAGE}`);
  }
}
