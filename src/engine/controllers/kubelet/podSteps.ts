// The plumbing under a simulated pod's life: the kubelet's runtimes by pod uid, and the steps of
// each pod's life on the virtual clock. A step that comes due while the node's kubelet is down
// is held until it recovers, and one whose pod is gone is dropped, so the kubelet's lifecycle code
// reads as the steps alone.
import type { Pod } from '../../api/types';
import type { ControllerContext } from '../controller';
import type { KubeletNodeHost } from './nodeHost';
import type { PodRuntime } from './runtime';

export class PodSteps {
  readonly runtimes = new Map<string, PodRuntime>();

  constructor(
    private readonly ctx: ControllerContext,
    private readonly nodes: KubeletNodeHost,
  ) {}

  /** after schedules a step of this pod's life; it is held while the node's kubelet is down. */
  after(rt: PodRuntime, seconds: number, run: () => void): void {
    rt.timer = this.ctx.queue.schedule(this.ctx.clock.now() + seconds, `kubelet:${rt.key}`, () =>
      this.guard(rt, run),
    );
  }

  cancelTimers(rt: PodRuntime): void {
    this.ctx.queue.cancel(rt.timer);
    this.ctx.queue.cancel(rt.exitTimer);
    delete rt.exitTimer;
  }

  guard(rt: PodRuntime, run: () => void): void {
    if (!this.runtimes.has(rt.uid)) return;
    if (!this.nodes.isKubeletUp(rt.node)) {
      rt.resume = run;
      return;
    }
    run();
  }

  /** resumeHeld runs the steps that came due on the node while its kubelet was down. */
  resumeHeld(nodeName: string): void {
    for (const rt of this.runtimes.values()) {
      if (rt.node !== nodeName || !rt.resume) continue;
      const resume = rt.resume;
      delete rt.resume;
      resume();
    }
  }

  /** pod is the runtime's pod as stored now; undefined once it is gone or replaced by a namesake. */
  pod(rt: PodRuntime): Pod | undefined {
    const [ns, name] = rt.key.split('/') as [string, string];
    const pod = this.ctx.api.get<Pod>('Pod', ns, name);
    return pod?.metadata.uid === rt.uid ? pod : undefined;
  }

  write(rt: PodRuntime, change: (p: Pod) => void): void {
    const pod = this.pod(rt);
    if (pod) this.ctx.api.mutateStatus(pod, change);
  }
}
