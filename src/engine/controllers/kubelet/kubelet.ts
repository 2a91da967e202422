import type { Node, Pod } from '../../api/types';
import { setCondition } from '../../api/podUtil';
import { keyOf } from '../../apiserver/objectStore';
import { Controller } from '../controller';
import type { ControllerContext } from '../controller';
import { podBehavior, probeFailureMessage, probeTiming, preStopSeconds, pullsImage } from './behavior';
import { BACKOFF_INITIAL_SECONDS, crashLoopMessage, nextBackoff } from './backoff';
import { failedPulls, invalidImageState, pullBackOffMessage } from './imagePull';
import type { PullFailure } from './imagePull';
import { ContainerLogs, crashLines, probeLogLine, startupLines } from './logs';
import type { KubeletNodeHost } from './nodeHost';
import { podRef, setContainerStates, setReadiness } from './podStatus';
import { PodSteps } from './podSteps';
import type { PodRuntime } from './runtime';
import { admitUnderPressure, pressureConditions, rejectPod } from './admission';
import { afterExit, batchBehavior, completionLines, finishPod, terminatedState } from './batch';

// A healthy container stops this long after SIGTERM (flushing buffers, closing connections); the
// rest of the grace period goes unused. Long enough to see a pod Terminating at normal speed.
export const SHUTDOWN_SECONDS = 2;
// A crash-looping container exits before the status manager ever reports it ready.
const CRASH_AFTER_SECONDS = 0.5;
const KUBELET = 'kubelet';

/**
 * Kubelet simulates every node's kubelet: it admits pods bound to its node, pulls images (with a
 * per-node cache), starts containers as their behaviour annotation says, runs readiness probes,
 * backs off crashing containers and failing pulls, and stops pods within their grace period.
 */
export class Kubelet extends Controller {
  readonly name = 'kubelet';
  private readonly steps: PodSteps;
  private readonly imageCache = new Map<string, Set<string>>();
  private readonly podIPs = new Map<string, number>();
  /** What the simulated containers printed, for `kubectl logs`. */
  readonly logs = new ContainerLogs();

  constructor(
    ctx: ControllerContext,
    private readonly nodes: KubeletNodeHost,
  ) {
    super(ctx);
    this.steps = new PodSteps(ctx, nodes);
    ctx.api.store.watch('Pod', (e) => {
      const pod = e.object as Pod;
      if (e.type === 'DELETED') {
        const rt = this.steps.runtimes.get(pod.metadata.uid ?? '');
        if (rt) this.steps.cancelTimers(rt);
        this.steps.runtimes.delete(pod.metadata.uid ?? '');
        this.logs.drop(pod.metadata.uid ?? '');
        return;
      }
      if (!pod.spec.nodeName) return;
      // Only what sync acts on: a pod it has not admitted yet, or one that has begun terminating.
      const rt = this.steps.runtimes.get(pod.metadata.uid ?? '');
      if (!rt || (pod.metadata.deletionTimestamp && rt.stage !== 'terminating')) this.enqueue(e.key);
    });
    nodes.onKubeletRecovered((nodeName) => this.resumeNode(nodeName));
  }

  /** stopPod ends a pod's simulated containers for good (an eviction): no more timers, no restarts. */
  stopPod(pod: Pod): void {
    const rt = this.steps.runtimes.get(pod.metadata.uid ?? '');
    if (!rt) return;
    this.steps.cancelTimers(rt);
    rt.stage = 'terminating';
  }

  /** crashContainer makes a running pod's containers exit once (`sim: pod crash`). */
  crashContainer(pod: Pod): boolean {
    const rt = this.steps.runtimes.get(pod.metadata.uid ?? '');
    if (!rt || rt.stage !== 'running') return false;
    this.steps.cancelTimers(rt);
    this.crash(rt, 1);
    return true;
  }

  /** backoffUntil tells the inspector when a backed-off container is retried. */
  backoffUntil(pod: Pod): number | undefined {
    const rt = this.steps.runtimes.get(pod.metadata.uid ?? '');
    if (!rt || (rt.stage !== 'crashed' && rt.stage !== 'pullBackoff') || rt.timer === undefined)
      return undefined;
    return this.ctx.queue.timeOf(rt.timer);
  }

  protected sync(key: string): void {
    const pod = this.ctx.api.store.getByKey<Pod>('Pod', key);
    if (!pod?.spec.nodeName || !pod.metadata.uid) return;
    if (!this.nodes.isKubeletUp(pod.spec.nodeName)) return;
    let rt = this.steps.runtimes.get(pod.metadata.uid);
    if (!rt) {
      const phase = pod.status?.phase;
      if (phase === 'Failed' || phase === 'Succeeded') return;
      // HandlePodAdditions: a pod not already being deleted goes through the admit handlers first.
      if (!pod.metadata.deletionTimestamp) {
        const node = this.ctx.api.get<Node>('Node', undefined, pod.spec.nodeName);
        const verdict = admitUnderPressure(pod, pressureConditions(node));
        if (!verdict.admit) return rejectPod(this.ctx, pod, verdict.reason, verdict.message);
      }
      rt = this.admit(pod);
    }
    if (pod.metadata.deletionTimestamp && rt.stage !== 'terminating') this.terminate(rt, pod);
  }

  private admit(pod: Pod): PodRuntime {
    const node = pod.spec.nodeName!;
    const cache = this.cacheFor(node);
    const cached = pod.spec.containers.every((c) => cache.has(c.image));
    const rt: PodRuntime = {
      uid: pod.metadata.uid!,
      key: keyOf(pod),
      node,
      stage: 'creating',
      behavior: podBehavior(pod, cached),
      restarts: 0,
      backoff: BACKOFF_INITIAL_SECONDS,
      probeSuccesses: 0,
    };
    this.steps.runtimes.set(rt.uid, rt);
    if (pod.metadata.deletionTimestamp) return rt;
    const ts = this.ctx.clock.timestamp();
    // A host-network pod shares the node's network namespace, so its IP is the node's
    // (pkg/kubelet/kubelet_pods.go generateAPIPodStatus: PodIPs from the host IPs).
    const ip = pod.spec.hostNetwork ? this.nodes.nodeIP(node) : this.podIP(node);
    this.steps.write(rt, (p) => {
      p.status = {
        ...(p.status ?? {}),
        phase: 'Pending',
        hostIP: this.nodes.nodeIP(node),
        podIP: ip,
        startTime: ts,
      };
      setCondition(p, 'PodReadyToStartContainers', 'True', ts);
      setCondition(p, 'Initialized', 'True', ts);
      setContainerStates(p, { waiting: { reason: 'ContainerCreating' } }, false);
      setReadiness(p, false, ts);
    });
    this.pull(rt);
    return rt;
  }

  private pull(rt: PodRuntime): void {
    const pod = this.steps.pod(rt);
    if (!pod) return;
    const invalid = invalidImageState(pod, (type, reason, message) => this.event(pod, type, reason, message));
    if (invalid) return this.steps.write(rt, (p) => setContainerStates(p, invalid, false));
    const cache = this.cacheFor(rt.node);
    const pulling = pod.spec.containers.filter((c) => pullsImage(c, cache.has(c.image)));
    for (const c of pulling) this.event(pod, 'Normal', 'Pulling', `Pulling image "${c.image}"`);
    this.steps.after(rt, rt.behavior.startupSeconds, () => {
      const p = this.steps.pod(rt);
      if (!p) return;
      const failed = failedPulls(p, rt.behavior.behavior === 'image-pull-error');
      if (failed.length > 0) return this.pullFailed(rt, p, failed);
      for (const c of p.spec.containers) {
        if (pulling.includes(c)) {
          const secs = rt.behavior.startupSeconds.toFixed(3).replace(/\.?0+$/, '');
          this.event(
            p,
            'Normal',
            'Pulled',
            `Successfully pulled image "${c.image}" in ${secs}s (${secs}s including waiting). Image size: 52428800 bytes.`,
          );
        } else {
          this.event(p, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
        }
        cache.add(c.image);
      }
      this.start(rt, p);
    });
  }

  private pullFailed(rt: PodRuntime, pod: Pod, failed: PullFailure[]): void {
    for (const f of failed) {
      this.event(pod, 'Warning', 'Failed', `Failed to pull image "${f.image}": ${f.error}`);
      this.event(pod, 'Warning', 'Failed', 'Error: ErrImagePull');
    }
    this.steps.write(rt, (p) =>
      setContainerStates(p, { waiting: { reason: 'ErrImagePull', message: failed[0]!.error } }, false),
    );
    rt.stage = 'pullBackoff';
    const delay = rt.backoff;
    rt.backoff = nextBackoff(rt.backoff);
    // The next sync after a failed pull reports the back-off; then the pull is retried when it ends.
    this.steps.after(rt, 1, () => {
      const p = this.steps.pod(rt);
      if (!p) return;
      for (const f of failed) {
        this.event(p, 'Normal', 'BackOff', `Back-off pulling image "${f.image}"`);
        this.event(p, 'Warning', 'Failed', 'Error: ImagePullBackOff');
      }
      this.steps.write(rt, (q) =>
        setContainerStates(
          q,
          { waiting: { reason: 'ImagePullBackOff', message: pullBackOffMessage(failed[0]!) } },
          false,
        ),
      );
      this.steps.after(rt, Math.max(0, delay - 1), () => this.pull(rt));
    });
  }

  private start(rt: PodRuntime, pod: Pod): void {
    const ts = this.ctx.clock.timestamp();
    for (const c of pod.spec.containers) {
      this.event(pod, 'Normal', 'Created', `Created container: ${c.name}`);
      this.event(pod, 'Normal', 'Started', `Started container ${c.name}`);
    }
    rt.stage = 'running';
    rt.probeSuccesses = 0;
    for (const c of pod.spec.containers) {
      if (rt.restarts > 0) this.logs.restart(rt.uid, c.name);
      for (const line of startupLines(c, ts)) this.logs.append(rt.uid, c.name, this.ctx.clock.now(), line);
    }
    const probe = probeTiming(pod.spec.containers.find((c) => c.readinessProbe)?.readinessProbe);
    // Without a readiness probe a healthy container is ready as it starts: one status write, not two.
    const readyNow = !probe && rt.behavior.behavior === 'healthy';
    this.steps.write(rt, (p) => {
      p.status!.phase = 'Running';
      setContainerStates(p, { running: { startedAt: ts } }, false, { restartCount: rt.restarts });
      if (readyNow) setReadiness(p, true, ts);
    });
    // A batch container exits on its own after run-seconds, whatever its probes are doing.
    const runFor = batchBehavior(pod).runSeconds;
    if (runFor !== undefined && rt.behavior.behavior !== 'crash-loop')
      rt.exitTimer = this.ctx.queue.schedule(this.ctx.clock.now() + runFor, `kubelet:exit:${rt.key}`, () =>
        this.steps.guard(rt, () => {
          this.ctx.queue.cancel(rt.timer);
          this.crash(rt);
        }),
      );
    if (readyNow) return;
    if (rt.behavior.behavior === 'crash-loop') {
      this.steps.after(rt, CRASH_AFTER_SECONDS, () => this.crash(rt));
      return;
    }
    if (rt.behavior.behavior === 'never-ready') {
      const timing = probe ?? {
        initialDelaySeconds: 0,
        periodSeconds: 10,
        successThreshold: 1,
        failureThreshold: 3,
      };
      this.steps.after(rt, timing.initialDelaySeconds, () => this.failProbe(rt, timing.periodSeconds));
      return;
    }
    if (!probe) return;
    // The first probe runs after initialDelaySeconds, then every periodSeconds until successThreshold passes.
    const readyAfter = probe.initialDelaySeconds + (probe.successThreshold - 1) * probe.periodSeconds;
    this.steps.after(rt, readyAfter, () =>
      this.steps.write(rt, (p) => setReadiness(p, true, this.ctx.clock.timestamp())),
    );
  }

  private failProbe(rt: PodRuntime, period: number): void {
    const pod = this.steps.pod(rt);
    if (!pod || rt.stage !== 'running') return;
    const container = pod.spec.containers[0]!;
    this.event(pod, 'Warning', 'Unhealthy', probeFailureMessage(container, pod.status?.podIP ?? ''));
    this.logs.append(
      rt.uid,
      container.name,
      this.ctx.clock.now(),
      probeLogLine(container, this.ctx.clock.timestamp()),
    );
    rt.timer = this.ctx.queue.schedule(
      this.ctx.clock.now() + period,
      `kubelet:probe:${rt.key}`,
      () => this.steps.guard(rt, () => this.failProbe(rt, period)),
      true,
    );
  }

  /** crash is a container exit: a crash-loop's (code 1 by default) or a batch task's end (code 0 by default). */
  private crash(rt: PodRuntime, code?: number): void {
    const pod = this.steps.pod(rt);
    if (!pod) return;
    const ts = this.ctx.clock.timestamp();
    const startedAt = pod.status?.containerStatuses?.[0]?.state.running?.startedAt;
    const batch = batchBehavior(pod);
    const ranToEnd = code === undefined && rt.behavior.behavior !== 'crash-loop';
    const exitCode = code ?? batch.exitCode ?? (ranToEnd ? 0 : 1);
    const lastState = terminatedState(exitCode, startedAt, ts);
    for (const c of pod.spec.containers) {
      const lines = ranToEnd ? completionLines(c.name, c.image, exitCode, ts) : crashLines(c, ts);
      for (const line of lines) this.logs.append(rt.uid, c.name, this.ctx.clock.now(), line);
    }
    const next = afterExit(pod.spec.restartPolicy, exitCode);
    if (next !== 'restart') {
      rt.stage = 'exited';
      this.steps.cancelTimers(rt);
      return this.steps.write(rt, (p) => finishPod(p, next, lastState, ts));
    }
    rt.restarts += 1;
    rt.stage = 'crashed';
    const delay = rt.backoff;
    rt.backoff = nextBackoff(rt.backoff);
    for (const c of pod.spec.containers) {
      this.event(
        pod,
        'Warning',
        'BackOff',
        `Back-off restarting failed container ${c.name} in pod ${podRef(pod)}`,
      );
    }
    this.steps.write(rt, (p) => {
      setContainerStates(
        p,
        {
          waiting: {
            reason: 'CrashLoopBackOff',
            message: crashLoopMessage(delay, p),
          },
        },
        false,
        { restartCount: rt.restarts, lastState, started: false },
      );
      setReadiness(p, false, ts);
    });
    this.steps.after(rt, delay, () => {
      const p = this.steps.pod(rt);
      if (!p) return;
      for (const c of p.spec.containers)
        this.event(p, 'Normal', 'Pulled', `Container image "${c.image}" already present on machine`);
      this.start(rt, p);
    });
  }

  private terminate(rt: PodRuntime, pod: Pod): void {
    this.steps.cancelTimers(rt);
    rt.stage = 'terminating';
    const ts = this.ctx.clock.timestamp();
    for (const c of pod.spec.containers) this.event(pod, 'Normal', 'Killing', `Stopping container ${c.name}`);
    this.steps.write(rt, (p) => setReadiness(p, false, ts));
    const grace = pod.metadata.deletionGracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    const hook = Math.max(0, ...pod.spec.containers.map(preStopSeconds));
    const stopIn = Math.min(grace, hook + SHUTDOWN_SECONDS);
    this.steps.after(rt, stopIn, () => {
      const p = this.steps.pod(rt);
      if (p) this.ctx.api.removeNow(p);
    });
  }

  private resumeNode(nodeName: string): void {
    this.steps.resumeHeld(nodeName);
    for (const pod of this.ctx.api.store.podsOnNode(nodeName)) {
      const rt = this.steps.runtimes.get(pod.metadata.uid ?? '');
      // The node lifecycle controller marked pods not ready while the node was unreachable; the
      // kubelet reports the truth again once it is back.
      if (rt?.stage === 'running' && rt.behavior.behavior === 'healthy') {
        this.steps.write(rt, (p) => setReadiness(p, true, this.ctx.clock.timestamp()));
      }
      this.enqueue(keyOf(pod));
    }
  }

  private event(pod: Pod, type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.ctx.recorder.event(pod, type, reason, message, KUBELET);
  }

  private cacheFor(node: string): Set<string> {
    let cache = this.imageCache.get(node);
    if (!cache) {
      cache = new Set();
      this.imageCache.set(node, cache);
    }
    return cache;
  }

  private podIP(node: string): string {
    const n = (this.podIPs.get(node) ?? 1) + 1;
    this.podIPs.set(node, n);
    const base = this.nodes.nodeIndex(node);
    return `10.244.${base}.${n % 254}`;
  }
}
