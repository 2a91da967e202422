import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/engine/api/types';
import { podUsage } from '../../../../src/engine/controllers/kubelet/usage';
import { NODE_SYSTEM_OVERHEAD } from '../../../../src/kubectl/util/metrics';
import { fluentdYaml, kubectl, mustRun, newCluster, podYaml } from '../helpers';

const MI = 1024 * 1024;

// A fluentd pod without requests uses the usage model's best-effort 10m / 64Mi; each node adds
// its 100m / 512Mi system overhead: 110m of 4 cores is 2 %, 576Mi of 8Gi is 7 %.
function fluentdCluster(nodes = 3) {
  return newCluster({ nodes, manifests: [fluentdYaml()], until: 30 });
}

describe('kubectl top node', () => {
  it('prints usage and percent of allocatable, every cell tab-terminated as metrics_printer.go does', () => {
    expect(kubectl(fluentdCluster(), 'top nodes')).toEqual({
      stdout:
        'NAME     CPU(cores)   CPU(%)   MEMORY(bytes)   MEMORY(%)   \n' +
        'node-1   110m         2%       576Mi           7%          \n' +
        'node-2   110m         2%       576Mi           7%          \n' +
        'node-3   110m         2%       576Mi           7%          \n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('adds up the running pods of a node and the system overhead', () => {
    const sim = newCluster({
      nodes: 2,
      manifests: [
        podYaml('big', {
          nodeName: 'node-2',
          containers: [{ name: 'app', image: 'nginx:1.25', requests: { cpu: '1', memory: '2Gi' } }],
        }),
      ],
      until: 30,
    });
    const use = podUsage(sim.api.get<Pod>('Pod', 'default', 'big') as Pod);
    const cpu = use.cpuMilli + NODE_SYSTEM_OVERHEAD.cpuMilli;
    const memory = use.memoryBytes + NODE_SYSTEM_OVERHEAD.memoryBytes;
    const row = mustRun(sim, 'top node node-2 --no-headers').stdout.split(/\s+/);
    expect(row.slice(0, 5)).toEqual([
      'node-2',
      `${cpu}m`,
      `${Math.trunc((cpu / 4000) * 100)}%`,
      `${Math.floor(memory / MI)}Mi`,
      `${Math.trunc((memory / (8 * 1024 * MI)) * 100)}%`,
    ]);
    // --sort-by=cpu puts the busiest node first.
    expect(mustRun(sim, 'top nodes --sort-by=cpu --no-headers').stdout.split('\n')[0]).toMatch(/^node-2 /);
    expect(mustRun(sim, 'top nodes --no-headers').stdout.split('\n')[0]).toMatch(/^node-1 /);
  });

  it('prints <unknown> for a node whose kubelet stopped reporting, after the others', () => {
    const sim = fluentdCluster();
    sim.nodeLifecycle.failNode('node-1');
    expect(mustRun(sim, 'top no').stdout).toBe(
      'NAME     CPU(cores)   CPU(%)      MEMORY(bytes)   MEMORY(%)   \n' +
        'node-2   110m         2%          576Mi           7%          \n' +
        'node-3   110m         2%          576Mi           7%          \n' +
        'node-1   <unknown>    <unknown>   <unknown>       <unknown>   \n',
    );
  });

  it('filters nodes with -l; columns are at least 6 wide (minwidth of kubectl’s tabwriter)', () => {
    const sim = fluentdCluster();
    expect(mustRun(sim, 'top node -l kubernetes.io/hostname=node-3 --no-headers').stdout).toBe(
      'node-3   110m   2%    576Mi   7%    \n',
    );
  });

  it.each([
    {
      name: 'a node metrics-server does not know',
      line: 'top node node-9',
      want: 'Error from server (NotFound): nodemetrics.metrics.k8s.io "node-9" not found\n',
    },
    {
      name: 'an unknown sort field',
      line: 'top nodes --sort-by=name',
      want: 'error: --sort-by accepts only cpu or memory\n',
    },
    {
      name: 'a name and a selector together',
      line: 'top node node-1 -l a=b',
      want: 'error: only one of NAME or --selector can be provided\n',
    },
    {
      name: 'a pod-only flag',
      line: 'top node --containers',
      want: "error: unknown flag: --containers\nSee 'kubectl top node --help' for usage.\n",
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(fluentdCluster(), line)).toEqual({ stdout: '', stderr: want, exitCode: 1 });
  });

  it('has no metrics at all when every kubelet is down', () => {
    const sim = fluentdCluster(1);
    sim.nodeLifecycle.failNode('node-1');
    expect(kubectl(sim, 'top nodes').stderr).toBe('error: metrics not available yet\n');
  });
});

describe('kubectl top pod', () => {
  it.each([
    {
      name: 'pods of the namespace',
      line: 'top pods -n kube-system -l app=fluentd',
      want:
        'NAME            CPU(cores)   MEMORY(bytes)   \n' +
        'fluentd-8swgx   10m          64Mi            \n' +
        'fluentd-fzqts   10m          64Mi            \n',
    },
    {
      name: 'a NAMESPACE column with -A',
      line: 'top pod -A --no-headers',
      want: 'kube-system   fluentd-8swgx   10m   64Mi   \nkube-system   fluentd-fzqts   10m   64Mi   \n',
    },
    {
      name: 'one row per container under POD with --containers',
      line: 'top po fluentd-fzqts -n kube-system --containers',
      want:
        'POD             NAME      CPU(cores)   MEMORY(bytes)   \n' +
        'fluentd-fzqts   fluentd   10m          64Mi            \n',
    },
    {
      name: 'a rule and the totals with --sum',
      line: 'top pods -n kube-system --sum',
      want:
        'NAME            CPU(cores)   MEMORY(bytes)   \n' +
        'fluentd-8swgx   10m          64Mi            \n' +
        'fluentd-fzqts   10m          64Mi            \n' +
        '                ________     ________        \n' +
        '                20m          128Mi           \n',
    },
  ])('prints $name', ({ line, want }) => {
    expect(mustRun(fluentdCluster(2), line).stdout).toBe(want);
  });

  it('splits a pod’s usage among its containers by their requests and sorts by memory', () => {
    const sim = newCluster({
      nodes: 1,
      manifests: [
        podYaml('web', {
          containers: [
            { name: 'app', image: 'nginx:1.25', requests: { cpu: '300m', memory: '300Mi' } },
            { name: 'sidecar', image: 'busybox:1.36', requests: { cpu: '100m', memory: '100Mi' } },
          ],
        }),
        podYaml('small', {
          containers: [{ name: 'app', image: 'nginx:1.25', requests: { memory: '10Mi' } }],
        }),
      ],
      until: 30,
    });
    const use = podUsage(sim.api.get<Pod>('Pod', 'default', 'web') as Pod);
    const rows = mustRun(sim, 'top pods --containers --sort-by=memory --no-headers')
      .stdout.trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/));
    expect(rows.map((r) => `${r[0]}/${r[1]}`)).toEqual(['web/app', 'web/sidecar', 'small/app']);
    const sidecarCpu = Math.floor(use.cpuMilli / 4);
    expect(rows[1]?.[2]).toBe(`${sidecarCpu}m`);
    expect(rows[0]?.[2]).toBe(`${use.cpuMilli - sidecarCpu}m`);
  });

  it('says there is nothing in the namespace on stderr, exit 0', () => {
    expect(kubectl(fluentdCluster(1), 'top pods')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
  });

  // top_pod.go verifyEmptyMetrics: pods without metrics are either too young or missing.
  it.each([
    { name: 'young pods', at: 60, want: 'error: metrics not available yet\n' },
    {
      name: 'pods older than two minutes',
      at: 180,
      want: 'error: Metrics not available for pod default/waiting, age: 3m0s\n',
    },
  ])('explains why $name that are not running have no metrics', ({ at, want }) => {
    const sim = newCluster({
      nodes: 1,
      manifests: [podYaml('waiting', { nodeSelector: '{disk: ssd}' })],
      until: at,
    });
    expect(kubectl(sim, 'top pods')).toEqual({ stdout: '', stderr: want, exitCode: 1 });
  });

  it.each([
    {
      name: 'a pod without metrics',
      line: 'top pod nope',
      want: 'Error from server (NotFound): podmetrics.metrics.k8s.io "default/nope" not found\n',
    },
    {
      name: 'a name and a selector together',
      line: 'top pod x -l a=b',
      want: 'error: only one of NAME or selector can be provided\n',
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(fluentdCluster(1), line)).toEqual({ stdout: '', stderr: want, exitCode: 1 });
  });

  it('leaves out pods on a node whose kubelet is down', () => {
    const sim = fluentdCluster(2);
    sim.nodeLifecycle.failNode('node-1');
    expect(mustRun(sim, 'top pods -A --no-headers').stdout.trim().split('\n')).toHaveLength(1);
  });
});
