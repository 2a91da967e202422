import type { DaemonSet, Kind, KubeObject, Namespace, Pod, PriorityClass } from '../api/types';
import { CLUSTER_SCOPED_KINDS } from '../api/types';
import { qualifiedResource } from '../api/resources';
import {
  ANNOTATION_DEPRECATED_TEMPLATE_GENERATION,
  TAINT_NODE_NOT_READY,
  TAINT_NODE_UNREACHABLE,
} from '../api/wellKnown';
import type { VirtualClock } from '../clock/clock';
import type { Rng } from '../clock/rng';
import { randomSuffix, randomUid } from '../clock/rng';
import { omitEmpty } from './omitEmpty';
import { applyDefaults } from './defaults';
import { validateObject } from '../validation';
import { formatInvalid } from '../validation/fieldErrors';
import type { FieldError } from '../validation/fieldErrors';
import { ObjectStore } from './objectStore';
import { generateJobSelector } from './jobStrategy';
import { deepClone } from '../api/clone';
import { markDisruptionTarget, podStatusDraft } from '../api/podUtil';
import { admitCreate, deleteForbidden, terminating } from './namespaceLifecycle';

/** ApiError is a failed API call, with the status reason and the server's message. */
export interface ApiError {
  code: number;
  reason:
    'NotFound' | 'AlreadyExists' | 'Invalid' | 'Conflict' | 'BadRequest' | 'MethodNotAllowed' | 'Forbidden';
  message: string;
  fieldErrors?: FieldError[];
}

export type ApiResult<T> = { ok: true; object: T } | { ok: false; error: ApiError };

/** notFound builds the API server's NotFound error: `daemonsets.apps "x" not found`. */
export function notFound(kind: Kind, name: string): ApiError {
  return { code: 404, reason: 'NotFound', message: `${qualifiedResource(kind)} "${name}" not found` };
}

/** PropagationPolicy is DeleteOptions.propagationPolicy: what happens to the object's dependents. */
export type PropagationPolicy = 'Background' | 'Foreground' | 'Orphan';

// The finalizers the API server adds for the two non-default policies (metav1.FinalizerOrphanDependents,
// metav1.FinalizerDeleteDependents); the garbage collector removes them when it is done.
export const FINALIZER_ORPHAN = 'orphan';
export const FINALIZER_FOREGROUND = 'foregroundDeletion';

export interface DeleteOptions {
  /** Overrides the pod's terminationGracePeriodSeconds; 0 removes it at once (`--force --grace-period=0`). */
  gracePeriodSeconds?: number;
  /** Background (the apps/v1 default) when absent. */
  propagationPolicy?: PropagationPolicy;
}

// Kinds whose spec changes bump metadata.generation (the API server's registry strategies).
const GENERATION_KINDS: ReadonlySet<string> = new Set([
  'DaemonSet',
  'Deployment',
  'ReplicaSet',
  'Job',
  'StatefulSet',
  'CronJob',
]);

// The DefaultTolerationSeconds admission plugin's default: 300 s (--default-not-ready-toleration-seconds).
export const DEFAULT_TOLERATION_SECONDS = 300;

/**
 * addDefaultTolerationSeconds is the DefaultTolerationSeconds admission plugin: a pod that does
 * not already tolerate the not-ready or unreachable NoExecute taints gets a 300 s toleration for
 * each, so ordinary pods leave a failed node five minutes after it is tainted.
 */
function addDefaultTolerationSeconds(pod: Pod): void {
  // A new list rather than a push: the pod's list may be shared with its builder.
  const tolerations = [...(pod.spec.tolerations ?? [])];
  const before = tolerations.length;
  for (const key of [TAINT_NODE_NOT_READY, TAINT_NODE_UNREACHABLE]) {
    const has = tolerations.some(
      (t) =>
        (t.key === key || (!t.key && t.operator === 'Exists')) && (!t.effect || t.effect === 'NoExecute'),
    );
    if (!has)
      tolerations.push({
        key,
        operator: 'Exists',
        effect: 'NoExecute',
        tolerationSeconds: DEFAULT_TOLERATION_SECONDS,
      });
  }
  if (tolerations.length !== before || !pod.spec.tolerations) pod.spec.tolerations = tolerations;
}

// The registry strategy keeps spec.templateGeneration, which apps/v1 carries as this annotation.
function setTemplateGeneration(ds: DaemonSet, generation: number): void {
  ds.metadata.annotations = {
    ...(ds.metadata.annotations ?? {}),
    [ANNOTATION_DEPRECATED_TEMPLATE_GENERATION]: String(generation),
  };
}

function specOf(obj: KubeObject): unknown {
  return 'spec' in obj ? obj.spec : undefined;
}

/**
 * ApiServer is the one door every write goes through: it names, defaults, validates, versions
 * and stores objects, and implements graceful pod deletion and owner-reference garbage collection.
 */
export class ApiServer {
  readonly store = new ObjectStore();

  constructor(
    readonly clock: VirtualClock,
    private readonly rng: Rng,
  ) {}

  get<T extends KubeObject>(kind: T['kind'], namespace: string | undefined, name: string): T | undefined {
    return this.store.get<T>(kind, namespace, name);
  }

  list<T extends KubeObject>(kind: T['kind'], namespace?: string): T[] {
    return this.store.list<T>(kind, namespace);
  }

  /**
   * create stores a new object after defaulting and validation, as a POST does. A caller that
   * builds objects by the thousand and never changes them afterwards may hand them over
   * (`handedOver`): the stored pod then shares the parts defaulting leaves alone with the input.
   */
  create<T extends KubeObject>(input: T, options: { handedOver?: boolean } = {}): ApiResult<T> {
    // Events come only from the engine's own recorder: skip defaulting and validation on that hot path.
    const obj = (input.kind === 'Event' ? input : omitEmpty(applyDefaults(input, options))) as T;
    const meta = obj.metadata;
    if (CLUSTER_SCOPED_KINDS.has(obj.kind)) delete meta.namespace;
    else meta.namespace = meta.namespace || 'default';
    if (!meta.name && meta.generateName) {
      do meta.name = meta.generateName + randomSuffix(this.rng);
      while (this.store.get(obj.kind, meta.namespace, meta.name));
    }
    // The Job strategy needs the uid before validation, for the selector it generates.
    const jobUid = obj.kind === 'Job' ? randomUid(this.rng) : undefined;
    if (obj.kind === 'Job') generateJobSelector(obj, (meta.uid = jobUid!));
    const errors = obj.kind === 'Event' ? [] : validateObject(obj);
    if (errors.length > 0) return this.invalid(obj, errors);
    if (obj.kind === 'Pod') {
      addDefaultTolerationSeconds(obj);
      const denied = this.admitPriority(obj);
      if (denied) return { ok: false, error: denied };
    }
    const refused = admitCreate(this.store, obj);
    if (refused) return { ok: false, error: refused };
    if (this.store.get(obj.kind, meta.namespace, meta.name)) {
      return {
        ok: false,
        error: {
          code: 409,
          reason: 'AlreadyExists',
          message: `${qualifiedResource(obj.kind)} "${meta.name}" already exists`,
        },
      };
    }
    meta.uid = jobUid ?? randomUid(this.rng);
    meta.creationTimestamp = this.clock.timestamp();
    meta.resourceVersion = this.store.nextResourceVersion();
    if (GENERATION_KINDS.has(obj.kind)) meta.generation = 1;
    if (obj.kind === 'DaemonSet') setTemplateGeneration(obj, 1);
    delete meta.deletionTimestamp;
    this.store.put(obj);
    return { ok: true, object: obj };
  }

  /**
   * update replaces an object's spec and metadata (a PUT); status stays as stored unless
   * `withStatus` is set (the status subresource). Generation moves when the spec changes.
   */
  update<T extends KubeObject>(input: T, withStatus = false): ApiResult<T> {
    const old = this.store.get<T>(input.kind, input.metadata.namespace, input.metadata.name);
    if (!old) return { ok: false, error: notFound(input.kind, input.metadata.name) };
    const obj = (withStatus ? deepClone(input) : omitEmpty(applyDefaults(input))) as T;
    const meta = obj.metadata;
    meta.uid = old.metadata.uid;
    meta.creationTimestamp = old.metadata.creationTimestamp;
    meta.namespace = old.metadata.namespace;
    if (!meta.namespace) delete meta.namespace;
    // Only a delete sets deletionTimestamp; an update can neither set nor clear it.
    if (old.metadata.deletionTimestamp) meta.deletionTimestamp = old.metadata.deletionTimestamp;
    else delete meta.deletionTimestamp;
    if (!withStatus) {
      if ('status' in old) (obj as { status?: unknown }).status = deepClone(old.status);
      const errors = validateObject(obj, old);
      if (errors.length > 0) return this.invalid(obj, errors);
    }
    if (GENERATION_KINDS.has(obj.kind)) {
      const changed = JSON.stringify(specOf(obj)) !== JSON.stringify(specOf(old));
      meta.generation = (old.metadata.generation ?? 1) + (changed ? 1 : 0);
    }
    if (obj.kind === 'DaemonSet' && old.kind === 'DaemonSet') {
      const previous = Number(old.metadata.annotations?.[ANNOTATION_DEPRECATED_TEMPLATE_GENERATION] ?? 1);
      const templateChanged = JSON.stringify(obj.spec.template) !== JSON.stringify(old.spec.template);
      setTemplateGeneration(obj, previous + (templateChanged ? 1 : 0));
    }
    // A write that changes nothing is not written (the etcd3 store's GuaranteedUpdate compares
    // the encoded bytes): no new resourceVersion, no watch event, and the stored object comes back.
    meta.resourceVersion = old.metadata.resourceVersion;
    if (JSON.stringify(obj) === JSON.stringify(old)) return { ok: true, object: old };
    meta.resourceVersion = this.store.nextResourceVersion();
    this.store.put(obj);
    return { ok: true, object: obj };
  }

  /** mutate is the controllers' read-modify-write: clone, change, store (no validation: trusted writers). */
  mutate<T extends KubeObject>(obj: T, change: (draft: T) => void): T {
    const draft = deepClone(obj);
    change(draft);
    const current = this.store.get<T>(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (!current) return draft;
    if (GENERATION_KINDS.has(draft.kind)) {
      const changed = JSON.stringify(specOf(draft)) !== JSON.stringify(specOf(current));
      if (changed) draft.metadata.generation = (current.metadata.generation ?? 1) + 1;
    }
    draft.metadata.resourceVersion = this.store.nextResourceVersion();
    this.store.put(draft);
    return draft;
  }

  /**
   * mutateStatus is mutate for writers that change only status, metadata or an Event's counters:
   * the spec is shared with the stored version instead of copied, which keeps the kubelet's and
   * controllers' frequent status writes cheap at thousands of nodes. The change must not touch spec.
   */
  mutateStatus<T extends KubeObject>(obj: T, change: (draft: T) => void): T {
    const draft = { ...obj, metadata: { ...obj.metadata } } as T;
    if ('status' in obj && obj.status !== undefined)
      (draft as { status?: unknown }).status =
        obj.kind === 'Pod' && obj.status ? podStatusDraft(obj.status) : deepClone(obj.status);
    change(draft);
    if (!this.store.get(obj.kind, obj.metadata.namespace, obj.metadata.name)) return draft;
    draft.metadata.resourceVersion = this.store.nextResourceVersion();
    this.store.put(draft);
    return draft;
  }

  /**
   * delete removes an object. A pod bound to a node is only marked (deletionTimestamp) so its
   * kubelet can stop the containers within the grace period. Dependents are left to the garbage
   * collector: with Background (the default) the owner goes at once and the collector deletes
   * what it leaves ownerless; Foreground and Orphan mark the owner with their finalizer and the
   * collector removes it when its dependents are gone or released (registry/generic/registry/store.go
   * Delete, updateForGracefulDeletionAndFinalizers).
   */
  delete(
    kind: Kind,
    namespace: string | undefined,
    name: string,
    opts: DeleteOptions = {},
  ): ApiResult<KubeObject> {
    if (kind === 'Namespace') return this.deleteNamespace(name);
    const obj = this.store.get(kind, namespace, name);
    if (!obj) return { ok: false, error: notFound(kind, name) };
    const policy = opts.propagationPolicy ?? 'Background';
    // Pods have no dependents here; their deletion is the kubelet's graceful one.
    if (obj.kind === 'Pod') return this.deletePod(obj, opts);
    const finalizers = [...(obj.metadata.finalizers ?? [])].filter(
      (f) => f !== FINALIZER_ORPHAN && f !== FINALIZER_FOREGROUND,
    );
    if (policy === 'Orphan') finalizers.push(FINALIZER_ORPHAN);
    if (policy === 'Foreground') finalizers.push(FINALIZER_FOREGROUND);
    if (finalizers.length === 0) {
      this.removeNow(obj);
      return { ok: true, object: obj };
    }
    // A second delete of an object already being deleted may switch its policy, nothing more.
    const marked = this.mutateStatus(obj, (o) => {
      o.metadata.deletionTimestamp ??= this.clock.timestamp();
      o.metadata.deletionGracePeriodSeconds ??= 0;
      o.metadata.finalizers = finalizers;
    });
    return { ok: true, object: marked };
  }

  /**
   * removeFinalizer is the update a finalizer's owner makes when its work is done; an object being
   * deleted that is left without finalizers is removed (the registry's deleteWithoutFinalizers).
   */
  removeFinalizer(obj: KubeObject, finalizer: string): void {
    const left = (obj.metadata.finalizers ?? []).filter((f) => f !== finalizer);
    if (left.length === 0 && obj.metadata.deletionTimestamp) {
      this.removeNow(obj);
      return;
    }
    this.mutateStatus(obj, (o) => {
      if (left.length > 0) o.metadata.finalizers = left;
      else delete o.metadata.finalizers;
    });
  }

  /**
   * evict is the pods/eviction subresource (registry/core/pod/storage/eviction.go), which
   * `kubectl drain` calls: the pod gets the DisruptionTarget condition, then a graceful delete.
   * The playground has no PodDisruptionBudgets, so no eviction is refused with 429.
   */
  evict(namespace: string | undefined, name: string, opts: DeleteOptions = {}): ApiResult<KubeObject> {
    const pod = this.store.get<Pod>('Pod', namespace, name);
    if (!pod) return { ok: false, error: notFound('Pod', name) };
    const terminal = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
    const marked =
      terminal || pod.metadata.deletionTimestamp
        ? pod
        : this.mutateStatus(pod, (p) =>
            markDisruptionTarget(
              p,
              'EvictionByEvictionAPI',
              'Eviction API: evicting',
              this.clock.timestamp(),
            ),
          );
    return this.deletePod(marked, opts);
  }

  // A namespace is never removed by the delete itself: the namespace controller empties it first.
  private deleteNamespace(name: string): ApiResult<KubeObject> {
    const refused = deleteForbidden(name);
    if (refused) return { ok: false, error: refused };
    if (!this.store.namespaces().includes(name)) return { ok: false, error: notFound('Namespace', name) };
    const stored = this.store.get<Namespace>('Namespace', undefined, name);
    if (stored?.metadata.deletionTimestamp) return { ok: true, object: stored };
    const marked = terminating(stored, name, this.clock.timestamp(), this.clock.timestamp(0));
    if (!stored) marked.metadata.uid = randomUid(this.rng);
    marked.metadata.resourceVersion = this.store.nextResourceVersion();
    this.store.put(marked);
    return { ok: true, object: marked };
  }

  /** removeNow removes an object without grace; the garbage collector sees it go and collects its dependents. */
  removeNow(obj: KubeObject): void {
    this.store.remove(obj);
  }

  private deletePod(pod: Pod, opts: DeleteOptions): ApiResult<KubeObject> {
    const phase = pod.status?.phase;
    const terminal = phase === 'Succeeded' || phase === 'Failed';
    const grace = opts.gracePeriodSeconds ?? pod.spec.terminationGracePeriodSeconds ?? 30;
    if (!pod.spec.nodeName || terminal || grace <= 0) {
      this.removeNow(pod);
      return { ok: true, object: pod };
    }
    const now = this.clock.now();
    const existing = pod.metadata.deletionTimestamp;
    // A second delete may only shorten the grace period, never lengthen it (registry/core/pod/strategy.go).
    const currentGrace = pod.metadata.deletionGracePeriodSeconds;
    if (existing && currentGrace !== undefined && grace >= currentGrace) return { ok: true, object: pod };
    // Only metadata changes: the spec stays shared with the stored version.
    const marked = this.mutateStatus(pod, (p) => {
      p.metadata.deletionTimestamp = this.clock.timestamp(now + grace);
      p.metadata.deletionGracePeriodSeconds = grace;
    });
    return { ok: true, object: marked };
  }

  /**
   * admitPriority is the Priority admission plugin: it resolves priorityClassName (or the global
   * default class) into spec.priority and spec.preemptionPolicy, and refuses an unknown class.
   */
  private admitPriority(pod: Pod): ApiError | undefined {
    const classes = this.store.list<PriorityClass>('PriorityClass');
    const name = pod.spec.priorityClassName;
    const pc = name ? classes.find((c) => c.metadata.name === name) : classes.find((c) => c.globalDefault);
    if (name && !pc) {
      return {
        code: 403,
        reason: 'Forbidden',
        message: `pods "${pod.metadata.name}" is forbidden: no PriorityClass with name ${name} was found`,
      };
    }
    pod.spec.priority = pc?.value ?? 0;
    pod.spec.preemptionPolicy = pc?.preemptionPolicy ?? pod.spec.preemptionPolicy ?? 'PreemptLowerPriority';
    return undefined;
  }

  private invalid<T extends KubeObject>(obj: T, errors: FieldError[]): ApiResult<T> {
    return {
      ok: false,
      error: {
        code: 422,
        reason: 'Invalid',
        message: formatInvalid(obj.kind, obj.metadata.name, errors),
        fieldErrors: errors,
      },
    };
  }
}
