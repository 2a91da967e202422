import type { KubeObject, PriorityClass } from './api/types';
import { ApiServer } from './apiserver/apiServer';
import { VirtualClock } from './clock/clock';
import { EventQueue } from './clock/eventQueue';
import { Rng } from './clock/rng';
import type { Controller, ControllerContext } from './controllers/controller';
import { DaemonSetController } from './controllers/daemonset/controller';
import { DeploymentController } from './controllers/deployment/deployment';
import { ReplicaSetController } from './controllers/deployment/replicaSet';
import { JobController } from './controllers/job/jobController';
import { StatefulSetController } from './controllers/statefulset/statefulSetController';
import { CronJobController } from './controllers/cronjob/cronJobController';
import { Kubelet } from './controllers/kubelet/kubelet';
import { TtlAfterFinishedController } from './controllers/ttlafterfinished/ttlAfterFinished';
import { EvictionManager } from './controllers/kubelet/evictionManager';
import { NodeLifecycleController } from './controllers/nodelifecycle/nodeLifecycle';
import { PodGarbageCollector } from './controllers/podgc/podGc';
import { GarbageCollector } from './controllers/garbagecollector/garbageCollector';
import { NamespaceController } from './controllers/namespace/namespaceController';
import { Scheduler } from './controllers/scheduler/scheduler';
import { TaintEvictionController } from './controllers/tainteviction/taintEviction';
import { EventRecorder } from './events/recorder';
import { Tracer } from './events/tracer';
import { tracePodLifecycles } from './events/podTrace';

// The classes every cluster has (pkg/apis/scheduling: SystemCriticalPriority = 2000000000).
function createBuiltInPriorityClasses(api: ApiServer): void {
  const builtIn: [string, number, string][] = [
    [
      'system-node-critical',
      2000001000,
      'Used for system critical pods that must not be moved from their current node.',
    ],
    [
      'system-cluster-critical',
      2000000000,
      'Used for system critical pods that must run in the cluster, but can be moved to another node if necessary.',
    ],
  ];
  for (const [name, value, description] of builtIn) {
    api.create<PriorityClass>({
      apiVersion: 'scheduling.k8s.io/v1',
      kind: 'PriorityClass',
      metadata: { name },
      value,
      description,
      preemptionPolicy: 'PreemptLowerPriority',
    });
  }
}

export interface SimulationOptions {
  seed?: number;
}

/** ChangeSet is what changed since the last takeChanges: objects by uid, for keyed animation. */
export interface ChangeSet {
  time: number;
  upserted: KubeObject[];
  removed: { uid: string; kind: string; namespace?: string; name: string }[];
}

// A guard against controllers that keep waking each other at one instant (a bug, not a cluster state).
const MAX_SYNCS_PER_INSTANT = 2_000_000;

/**
 * Simulation is the engine's facade: a small Kubernetes (API server + controllers) on a virtual
 * clock. Everything that changes the cluster goes through `api` (from the kubectl layer) or the
 * `nodes` actions (what the machines do), then controllers reconcile at the same virtual instant.
 */
export class Simulation {
  readonly seed: number;
  readonly clock = new VirtualClock();
  readonly queue = new EventQueue();
  readonly rng: Rng;
  readonly api: ApiServer;
  readonly recorder: EventRecorder;
  readonly tracer: Tracer;
  readonly daemonSets: DaemonSetController;
  readonly deployments: DeploymentController;
  readonly replicaSets: ReplicaSetController;
  readonly jobs: JobController;
  readonly statefulSets: StatefulSetController;
  readonly cronJobs: CronJobController;
  readonly ttlAfterFinished: TtlAfterFinishedController;
  readonly scheduler: Scheduler;
  readonly kubelet: Kubelet;
  readonly evictionManager: EvictionManager;
  readonly nodeLifecycle: NodeLifecycleController;
  readonly taintEviction: TaintEvictionController;
  readonly podGc: PodGarbageCollector;
  readonly garbageCollector: GarbageCollector;
  readonly namespaces: NamespaceController;
  private readonly controllers: Controller[];
  private pendingUpserts = new Map<string, KubeObject>();
  private pendingRemovals = new Map<string, ChangeSet['removed'][number]>();

  constructor(opts: SimulationOptions = {}) {
    this.seed = opts.seed ?? 1;
    this.rng = new Rng(this.seed);
    this.api = new ApiServer(this.clock, this.rng);
    this.recorder = new EventRecorder(this.api);
    this.tracer = new Tracer(this.clock);
    tracePodLifecycles(this.api.store, this.queue, this.clock, this.tracer);
    const ctx: ControllerContext = {
      api: this.api,
      clock: this.clock,
      queue: this.queue,
      rng: this.rng,
      recorder: this.recorder,
      tracer: this.tracer,
    };
    // Order matters only among syncs due at the same instant: the taint manager reacts to a node
    // update before the DaemonSet controller's resync, then work flows controller → scheduler → kubelet.
    this.daemonSets = new DaemonSetController(ctx);
    this.deployments = new DeploymentController(ctx);
    this.replicaSets = new ReplicaSetController(ctx);
    this.jobs = new JobController(ctx);
    this.statefulSets = new StatefulSetController(ctx);
    this.cronJobs = new CronJobController(ctx);
    this.ttlAfterFinished = new TtlAfterFinishedController(ctx);
    this.scheduler = new Scheduler(ctx);
    this.nodeLifecycle = new NodeLifecycleController(ctx);
    this.taintEviction = new TaintEvictionController(ctx);
    this.podGc = new PodGarbageCollector(ctx);
    this.garbageCollector = new GarbageCollector(ctx);
    this.namespaces = new NamespaceController(ctx);
    this.kubelet = new Kubelet(ctx, this.nodeLifecycle);
    this.evictionManager = new EvictionManager(
      ctx,
      (p) => this.kubelet.stopPod(p),
      (n) => this.nodeLifecycle.isKubeletUp(n),
    );
    this.controllers = [
      this.taintEviction,
      this.daemonSets,
      this.deployments,
      this.replicaSets,
      this.jobs,
      this.statefulSets,
      this.cronJobs,
      this.ttlAfterFinished,
      this.scheduler,
      this.nodeLifecycle,
      this.podGc,
      this.garbageCollector,
      this.namespaces,
      this.kubelet,
      this.evictionManager,
    ];
    createBuiltInPriorityClasses(this.api);
    this.api.store.watch('*', (e) => {
      const uid = e.object.metadata.uid;
      if (!uid || e.object.kind === 'Event') return;
      if (e.type === 'DELETED') {
        this.pendingUpserts.delete(uid);
        this.pendingRemovals.set(uid, {
          uid,
          kind: e.object.kind,
          ...(e.object.metadata.namespace ? { namespace: e.object.metadata.namespace } : {}),
          name: e.object.metadata.name,
        });
      } else {
        this.pendingUpserts.set(uid, e.object);
      }
    });
  }

  now(): number {
    return this.clock.now();
  }

  /** settle runs every controller until none has work left at the current instant. */
  settle(): void {
    let syncs = 0;
    for (;;) {
      let progressed = false;
      for (const c of this.controllers) {
        while (c.processOne()) {
          progressed = true;
          if (++syncs > MAX_SYNCS_PER_INSTANT)
            throw new Error(`controllers did not settle at t=${this.now()}`);
        }
      }
      if (!progressed) return;
    }
  }

  /** nextEventTime is when the next timer fires, if any. */
  nextEventTime(): number | undefined {
    return this.queue.peekTime();
  }

  /** step runs every timer due at the next instant, then settles; false when nothing is scheduled. */
  step(): boolean {
    this.settle();
    const t = this.queue.peekTime();
    if (t === undefined) return false;
    this.clock.advanceTo(t);
    while (this.queue.peekTime() === t) this.queue.pop()?.run();
    this.settle();
    return true;
  }

  /** runUntil processes every timer up to and including time t, then sets the clock to t. */
  runUntil(t: number): void {
    this.settle();
    for (;;) {
      const next = this.queue.peekTime();
      if (next === undefined || next > t) break;
      this.step();
    }
    this.clock.advanceTo(t);
    this.settle();
  }

  /** isQuiet: no controller work and no timers other than periodic ones. */
  isQuiet(): boolean {
    return !this.queue.hasBusyTimers();
  }

  /** runUntilQuiet runs until only periodic timers remain or `limit` is reached; returns whether it went quiet. */
  runUntilQuiet(limit: number): boolean {
    this.settle();
    while (!this.isQuiet()) {
      const next = this.queue.peekTime();
      if (next === undefined || next > limit) {
        this.clock.advanceTo(Math.max(this.now(), Math.min(limit, next ?? limit)));
        return false;
      }
      this.step();
    }
    return true;
  }

  /** takeChanges returns (and forgets) what changed since the last call. */
  takeChanges(): ChangeSet {
    const changes: ChangeSet = {
      time: this.now(),
      upserted: [...this.pendingUpserts.values()],
      removed: [...this.pendingRemovals.values()],
    };
    this.pendingUpserts = new Map();
    this.pendingRemovals = new Map();
    return changes;
  }

  /** snapshot lists every object except events (they are read through the recorder). */
  snapshot(): KubeObject[] {
    const kinds = [
      'Node',
      'DaemonSet',
      'Deployment',
      'ReplicaSet',
      'CronJob',
      'Job',
      'StatefulSet',
      'Pod',
      'ControllerRevision',
      'PriorityClass',
    ] as const;
    return kinds.flatMap((k) => this.api.list(k));
  }
}
