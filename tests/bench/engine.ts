// Engine benchmarks, headless in Node (the same code the Web Worker runs). Each case runs in its
// own child process (see run.ts) so its peak RSS is its own. Prints one JSON object.
import { Simulation } from '../../src/engine/simulation';
import type { DaemonSet } from '../../src/engine/api/types';
import { runSimAction } from '../../src/scenario/simActions';

function daemonSet(name: string, maxUnavailable: number | string): DaemonSet {
  return {
    apiVersion: 'apps/v1',
    kind: 'DaemonSet',
    metadata: { name, namespace: 'kube-system' },
    spec: {
      selector: { matchLabels: { app: name } },
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable } },
      template: {
        metadata: { labels: { app: name } },
        spec: {
          containers: [
            { name, image: `${name}:v1`, resources: { requests: { cpu: '50m', memory: '64Mi' } } },
          ],
        },
      },
    },
  };
}

function cluster(nodes: number, daemonSets: { name: string; maxUnavailable: number | string }[]): Simulation {
  const sim = new Simulation({ seed: 1 });
  const grown = runSimAction(sim, `sim cluster grow ${nodes}`);
  if (grown.exitCode !== 0) throw new Error(grown.stderr);
  for (const d of daemonSets) {
    const res = sim.api.create(daemonSet(d.name, d.maxUnavailable));
    if (!res.ok) throw new Error(res.error.message);
  }
  return sim;
}

function allReady(sim: Simulation): boolean {
  return sim.api
    .list<DaemonSet>('DaemonSet')
    .every(
      (ds) =>
        ds.status &&
        ds.status.numberReady === ds.status.desiredNumberScheduled &&
        ds.status.desiredNumberScheduled > 0,
    );
}

/** place: nodes and three DaemonSets created at t=0, until every daemon pod is Ready. */
function place(nodes: number): number {
  const started = performance.now();
  const sim = cluster(nodes, [
    { name: 'logs', maxUnavailable: 1 },
    { name: 'metrics', maxUnavailable: 1 },
    { name: 'network', maxUnavailable: 1 },
  ]);
  while (!allReady(sim) && sim.step());
  if (!allReady(sim)) throw new Error('placement did not finish');
  return performance.now() - started;
}

/** rollout: a full RollingUpdate of one DaemonSet to a new image, timed from the change to the end. */
function rollout(nodes: number, maxUnavailable: number | string): number {
  const sim = cluster(nodes, [{ name: 'logs', maxUnavailable }]);
  sim.runUntilQuiet(3600);
  const ds = structuredClone(sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'logs')!);
  ds.spec.template.spec.containers[0]!.image = 'logs:v2';
  const started = performance.now();
  const res = sim.api.update(ds);
  if (!res.ok) throw new Error(res.error.message);
  sim.runUntilQuiet(1e7);
  const st = sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'logs')!.status!;
  if (st.updatedNumberScheduled !== nodes || st.numberAvailable !== nodes)
    throw new Error('rollout did not finish');
  return performance.now() - started;
}

const [which, n, mu] = process.argv.slice(2);
const nodes = Number(n);
const ms = which === 'place' ? place(nodes) : rollout(nodes, /%$/.test(mu ?? '') ? mu! : Number(mu));
const peakRssMb = process.resourceUsage().maxRSS / 1024;
process.stdout.write(JSON.stringify({ ms: Math.round(ms), peakRssMb: Math.round(peakRssMb) }) + '\n');
