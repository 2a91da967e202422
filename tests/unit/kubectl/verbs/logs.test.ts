import { describe, expect, it } from 'vitest';
import type { Simulation } from '../../../../src/engine/simulation';
import { fluentdYaml, kubectl, mustRun, newCluster, podNames, podYaml } from '../helpers';

// What the simulated nginx prints when it starts (engine/controllers/kubelet/logs.ts startupLines).
const nginxStarted = (ts: string) =>
  `${ts} [notice] 1#1: using the "epoll" event method\n` +
  `${ts} [notice] 1#1: nginx/1.25\n` +
  `${ts} [notice] 1#1: start worker processes\n`;
const busyboxStarted = (ts: string) => `${ts} INFO starting app (busybox:1.36)\n${ts} INFO ready to serve\n`;
const busyboxCrashed = (ts: string) =>
  `${ts} FATAL app: cannot open /etc/app/config.yaml: no such file or directory\nexit status 1\n`;

const BUSYBOX = [{ name: 'app', image: 'busybox:1.36' }];

function withPod(manifest: string, until: number): Simulation {
  return newCluster({ nodes: 1, manifests: [manifest], until });
}

describe('kubectl logs · what the container printed', () => {
  it('prints the lines of the running container, pulled for 2s then started', () => {
    const sim = withPod(podYaml('web'), 10);
    expect(kubectl(sim, 'logs web')).toEqual({
      stdout: nginxStarted('2025-01-01T00:00:02Z'),
      stderr: '',
      exitCode: 0,
    });
  });

  it.each([
    { name: '--tail=N prints the last N lines', line: 'logs web --tail=1', want: 'start worker processes' },
    { name: '--tail=0 prints nothing', line: 'logs web --tail=0', want: '' },
    { name: '--tail=-1 prints everything', line: 'logs pod/web --tail=-1', want: 'using the "epoll"' },
  ])('$name', ({ line, want }) => {
    const out = mustRun(withPod(podYaml('web'), 10), line).stdout;
    if (want === '') expect(out).toBe('');
    else expect(out.split('\n')[0]).toContain(want);
  });

  it('prefixes each line with the kubelet’s RFC3339Nano timestamp with --timestamps', () => {
    const out = mustRun(withPod(podYaml('web'), 10), 'logs web --timestamps --tail=1').stdout;
    expect(out).toBe(
      '2025-01-01T00:00:02.000000000Z 2025-01-01T00:00:02Z [notice] 1#1: start worker processes\n',
    );
  });

  it('prints nothing for a pod that is not bound to a node yet, as the API server has no log location', () => {
    const sim = withPod(podYaml('web', { nodeSelector: '{disk: ssd}' }), 10);
    expect(kubectl(sim, 'logs web')).toEqual({ stdout: '', stderr: '', exitCode: 0 });
  });
});

describe('kubectl logs · containers that are not running', () => {
  // pkg/kubelet/kubelet_pods.go validateContainerLogStatus
  it.each([
    {
      name: 'a container still being created',
      pod: podYaml('web'),
      at: 1,
      want: 'container "nginx" in pod "web" is waiting to start: ContainerCreating',
    },
    {
      name: 'an image that cannot be pulled',
      pod: podYaml('web', { behavior: 'image-pull-error' }),
      at: 2.5,
      want: 'container "nginx" in pod "web" is waiting to start: image can\'t be pulled',
    },
    {
      name: 'an image pull in back-off',
      pod: podYaml('web', { behavior: 'image-pull-error' }),
      at: 5,
      want: 'container "nginx" in pod "web" is waiting to start: trying and failing to pull image',
    },
    {
      name: 'a previous container that never existed',
      pod: podYaml('web'),
      at: 10,
      line: 'logs web -p',
      want: 'previous terminated container "nginx" in pod "web" not found',
    },
  ])('refuses $name with BadRequest', ({ pod, at, line, want }) => {
    expect(kubectl(withPod(pod, at), line ?? 'logs web')).toEqual({
      stdout: '',
      stderr: `Error from server (BadRequest): ${want}\n`,
      exitCode: 1,
    });
  });

  it('shows the crashed container while it waits in CrashLoopBackOff, with or without -p', () => {
    // Started at 2s, exited at 2.5s, restarted after the 10s back-off at 12.5s.
    const sim = withPod(podYaml('crashy', { behavior: 'crash-loop', containers: BUSYBOX }), 5);
    const crashed = busyboxStarted('2025-01-01T00:00:02Z') + busyboxCrashed('2025-01-01T00:00:02.500Z');
    expect(mustRun(sim, 'logs crashy').stdout).toBe(crashed);
    expect(mustRun(sim, 'logs crashy --previous').stdout).toBe(crashed);
    sim.runUntil(12.7);
    expect(mustRun(sim, 'logs crashy').stdout).toBe(busyboxStarted('2025-01-01T00:00:12.500Z'));
    expect(mustRun(sim, 'logs crashy -p').stdout).toBe(crashed);
  });

  it('cannot reach a kubelet that stopped answering', () => {
    const sim = withPod(podYaml('web'), 10);
    sim.nodeLifecycle.failNode('node-1');
    expect(kubectl(sim, 'logs web --tail=5').stderr).toBe(
      'Error from server: Get "https://192.168.0.3:10250/containerLogs/default/web/nginx?tailLines=5": dial tcp 192.168.0.3:10250: connect: no route to host\n',
    );
  });
});

describe('kubectl logs · choosing the container', () => {
  const twoContainers = podYaml('web', {
    containers: [
      { name: 'app', image: 'nginx:1.25' },
      { name: 'shipper', image: 'fluent/fluentd:v1.16-1' },
    ],
  });

  it('defaults to the first container and says so on stderr (logsforobject.go)', () => {
    const r = kubectl(withPod(twoContainers, 10), 'logs web');
    expect(r.stderr).toBe('Defaulted container "app" out of: app, shipper\n');
    expect(r.stdout).toBe(nginxStarted('2025-01-01T00:00:02Z'));
    expect(r.exitCode).toBe(0);
  });

  it.each([
    { name: '-c', line: 'logs web -c shipper' },
    { name: 'an inline CONTAINER argument', line: 'logs web shipper' },
  ])('reads the container named with $name', ({ line }) => {
    const out = mustRun(withPod(twoContainers, 10), line).stdout;
    expect(out).toContain('[info]: starting fluentd-v1.16-1 pid=7 ruby="3.2.2"\n');
  });

  it('prints every container with --all-containers, and their sources with --prefix', () => {
    const out = mustRun(withPod(twoContainers, 10), 'logs web --all-containers --prefix --tail=1').stdout;
    expect(out).toBe(
      '[pod/web/app] 2025-01-01T00:00:02Z [notice] 1#1: start worker processes\n' +
        '[pod/web/shipper] 2025-01-01T00:00:02Z [info]: #0 fluentd worker is now running worker=0\n',
    );
  });

  it.each([
    {
      name: 'a container the pod does not have',
      line: 'logs web -c db',
      want: 'error: container db is not valid for pod web out of: app, shipper\n',
    },
    {
      name: '--all-containers with a container name',
      line: 'logs web -c app --all-containers',
      want: 'error: --all-containers=true should not be specified with container name app\n',
    },
    {
      name: 'both -c and an inline container',
      line: 'logs web app -c app',
      want: 'error: only one of -c or an inline [CONTAINER] arg is allowed\n',
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(withPod(twoContainers, 10), line)).toEqual({ stdout: '', stderr: want, exitCode: 1 });
  });
});

describe('kubectl logs · TYPE/NAME and selectors', () => {
  const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 10 });
  const [first = '', second = ''] = podNames(sim, 'kube-system');

  it('uses the first pod of a DaemonSet and says how many it found', () => {
    const r = kubectl(sim, 'logs ds/fluentd -n kube-system --tail=1');
    expect(r).toEqual({
      stdout: '2025-01-01T00:00:02Z [info]: #0 fluentd worker is now running worker=0\n',
      stderr: `Found 2 pods, using pod/${first}\n`,
      exitCode: 0,
    });
  });

  it('prints the last 10 lines of every selected pod with -l, without a notice', () => {
    const r = kubectl(sim, 'logs -l app=fluentd -n kube-system --prefix --tail=1');
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(
      `[pod/${first}/fluentd] 2025-01-01T00:00:02Z [info]: #0 fluentd worker is now running worker=0\n` +
        `[pod/${second}/fluentd] 2025-01-01T00:00:02Z [info]: #0 fluentd worker is now running worker=0\n`,
    );
  });

  it.each([
    {
      name: 'no pod nor selector',
      line: 'logs',
      want: "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    },
    {
      name: 'a pod name and a selector',
      line: 'logs x -l app=fluentd',
      want: "error: only a selector (-l) or a POD name is allowed\nSee 'kubectl logs -h' for help and examples\n",
    },
    {
      name: 'a missing pod',
      line: 'logs nope',
      want: 'Error from server (NotFound): pods "nope" not found\n',
    },
    {
      name: 'a missing DaemonSet',
      line: 'logs ds/nope',
      want: 'Error from server (NotFound): daemonsets.apps "nope" not found\n',
    },
    {
      name: 'a node, which has no pod selector',
      line: 'logs node/node-1',
      want: 'error: cannot get the logs from *v1.Node: selector for *v1.Node not implemented\n',
    },
    {
      name: '--tail below -1',
      line: 'logs x --tail=-2',
      want: 'error: --tail must be greater than or equal to -1\n',
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(sim, line)).toEqual({ stdout: '', stderr: want, exitCode: 1 });
  });

  it('says no resources were found when the selector matches no pod', () => {
    expect(kubectl(sim, 'logs -l app=nothing')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
  });
});

describe('kubectl logs -f', () => {
  it('returns a watch that prints the lines written since the last call', () => {
    // A never-ready container logs its failing readiness endpoint every 10s from its start at 2s.
    const sim = withPod(podYaml('web', { behavior: 'never-ready' }), 5);
    const r = mustRun(sim, 'logs -f web --tail=1');
    expect(r.stdout).toBe('2025-01-01T00:00:02Z WARN GET /ready 503 (dependency not ready)\n');
    sim.runUntil(12);
    expect(r.watch?.format(sim.takeChanges())).toBe(
      '2025-01-01T00:00:12Z WARN GET /ready 503 (dependency not ready)\n',
    );
    expect(r.watch?.format(sim.takeChanges())).toBe('');
    sim.runUntil(32);
    expect(r.watch?.format(sim.takeChanges()).split('\n')).toHaveLength(3);
  });

  it('stops following when the container exits and the kubelet starts a new one', () => {
    const sim = withPod(podYaml('crashy', { behavior: 'crash-loop', containers: BUSYBOX }), 2.2);
    const r = mustRun(sim, 'logs crashy -f');
    sim.runUntil(5);
    expect(r.watch?.format(sim.takeChanges())).toBe(busyboxCrashed('2025-01-01T00:00:02.500Z'));
    sim.runUntil(20);
    expect(r.watch?.format(sim.takeChanges())).toBe('');
  });

  it('does not follow a container that is not running', () => {
    const sim = withPod(podYaml('crashy', { behavior: 'crash-loop', containers: BUSYBOX }), 5);
    expect(mustRun(sim, 'logs crashy -f').watch).toBeUndefined();
  });

  it('refuses to follow more streams than --max-log-requests', () => {
    const sim = newCluster({ nodes: 3, manifests: [fluentdYaml()], until: 10 });
    expect(kubectl(sim, 'logs -f -l app=fluentd -n kube-system --max-log-requests=2').stderr).toBe(
      'error: you are attempting to follow 3 log streams, but maximum allowed concurrency is 2, use --max-log-requests to increase the limit\n',
    );
  });
});
