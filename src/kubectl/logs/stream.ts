// The server side of `kubectl logs`: what the API server and the kubelet answer for one
// container's log request (pkg/registry/core/pod/strategy.go LogLocation, then the kubelet's
// validateContainerLogStatus in pkg/kubelet/kubelet_pods.go), read from the simulated kubelet's
// log store instead of container log files.
import type { ContainerStatus, Pod } from '../../engine/api/types';
import type { LogLine } from '../../engine/controllers/kubelet/logs';
import type { Simulation } from '../../engine/simulation';

/** LogRequest is the PodLogOptions that matter here. */
export interface LogRequest {
  container: string;
  previous: boolean;
  follow: boolean;
  timestamps: boolean;
  /** TailLines; undefined prints everything. */
  tail: number | undefined;
}

/** LogStream is what one request returns: the lines so far, and for a live follow a way to read on. */
export interface LogStream {
  text: string;
  /** Present when the request follows a running container: returns what it printed since the last call. */
  next?: () => string;
}

const KUBELET_PORT = 10250;

/**
 * rfc3339NanoFixed is the kubelet's `--timestamps` format (timeFormatOut = RFC3339NanoFixed in
 * pkg/kubelet/kuberuntime/logs/logs.go): always nine fractional digits.
 */
export function rfc3339NanoFixed(sim: Simulation, t: number): string {
  const ts = sim.clock.timestamp(t);
  const m = /^(.*?)(?:\.(\d+))?Z$/.exec(ts);
  return m ? `${m[1]}.${(m[2] ?? '').padEnd(9, '0')}Z` : ts;
}

function render(sim: Simulation, lines: readonly LogLine[], timestamps: boolean): string {
  return lines.map((l) => (timestamps ? `${rfc3339NanoFixed(sim, l.t)} ` : '') + l.text + '\n').join('');
}

// The URL the API server dials, with url.Values.Encode's sorted query (what a dial error names).
function kubeletUrl(sim: Simulation, pod: Pod, req: LogRequest): string {
  const ip = sim.nodeLifecycle.nodeIP(pod.spec.nodeName ?? '');
  const query = [
    ...(req.follow ? ['follow=true'] : []),
    ...(req.previous ? ['previous=true'] : []),
    ...(req.tail !== undefined ? [`tailLines=${req.tail}`] : []),
    ...(req.timestamps ? ['timestamps=true'] : []),
  ].join('&');
  const path = `/containerLogs/${pod.metadata.namespace ?? 'default'}/${pod.metadata.name}/${req.container}`;
  return `https://${ip}:${KUBELET_PORT}${path}${query ? `?${query}` : ''}`;
}

type Instance = { lines: 'current' | 'previous' } | { error: string };

// instanceFor follows validateContainerLogStatus: which container instance's log the request reads.
// The simulated kubelet keeps the crashed instance's lines as "current" until it restarts the
// container, so a container waiting in CrashLoopBackOff answers both ways with those lines.
function instanceFor(status: ContainerStatus | undefined, pod: Pod, req: LogRequest): Instance {
  const ref = `container "${req.container}" in pod "${pod.metadata.name}"`;
  if (!status) return { error: `${ref} is not available` };
  const { waiting, running, terminated } = status.state;
  const lastTerminated = status.lastState?.terminated;
  if (req.previous) {
    if (!lastTerminated)
      return {
        error: `previous terminated container "${req.container}" in pod "${pod.metadata.name}" not found`,
      };
    return { lines: running ? 'previous' : 'current' };
  }
  if (running || terminated || lastTerminated) return { lines: 'current' };
  const reason = waiting?.reason;
  switch (reason) {
    case undefined:
      return { error: `${ref} is waiting to start - no logs yet` };
    case 'ErrImagePull':
      return { error: `${ref} is waiting to start: image can't be pulled` };
    case 'ImagePullBackOff':
      return { error: `${ref} is waiting to start: trying and failing to pull image` };
    default:
      return { error: `${ref} is waiting to start: ${reason}` };
  }
}

/**
 * openLogStream answers one container log request, or returns kubectl's error text for it.
 * A pod not yet bound to a node has no log location, so the answer is empty, as the API server's.
 */
export function openLogStream(sim: Simulation, pod: Pod, req: LogRequest): LogStream | { error: string } {
  if (!pod.spec.nodeName) return { text: '' };
  if (!sim.nodeLifecycle.isKubeletUp(pod.spec.nodeName)) {
    const ip = sim.nodeLifecycle.nodeIP(pod.spec.nodeName);
    return {
      error: `Error from server: Get "${kubeletUrl(sim, pod, req)}": dial tcp ${ip}:${KUBELET_PORT}: connect: no route to host\n`,
    };
  }
  const status = pod.status?.containerStatuses?.find((c) => c.name === req.container);
  const instance = instanceFor(status, pod, req);
  if ('error' in instance) return { error: `Error from server (BadRequest): ${instance.error}\n` };
  const uid = pod.metadata.uid ?? '';
  const store = sim.kubelet.logs;
  const lines = store.get(uid, req.container, instance.lines === 'previous') ?? [];
  const shown = req.tail === undefined ? lines : req.tail <= 0 ? [] : lines.slice(-req.tail);
  const stream: LogStream = { text: render(sim, shown, req.timestamps) };
  // Following ends when the container stops (kubectl returns once the stream closes): here when
  // the kubelet starts a new instance or the pod is gone. The log store keeps one array per
  // container instance (restart moves it to "previous"), so a new array means a new instance.
  if (req.follow && !req.previous && status?.state.running) {
    let source = store.get(uid, req.container, false);
    let last = source?.[source.length - 1];
    stream.next = () => {
      if (!source) return '';
      const live = store.get(uid, req.container, false);
      if (live !== source) {
        source = undefined;
        return '';
      }
      const from = last === undefined ? 0 : live.lastIndexOf(last) + 1;
      const fresh = live.slice(from);
      last = live[live.length - 1];
      return render(sim, fresh, req.timestamps);
    };
  }
  return stream;
}
