// Defaulting, as the API server applies it when it decodes an object: pkg/apis/apps/v1/defaults.go
// (SetDefaults_DaemonSet, SetDefaults_Deployment), pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec,
// SetDefaults_Pod, SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction,
// SetDefaults_Volume, SetDefaults_NodeStatus) and pkg/apis/scheduling/v1/defaults.go. Pure data in,
// new data out: the input is never changed.
import type {
  Container,
  CronJob,
  DaemonSet,
  Deployment,
  Job,
  KubeObject,
  Namespace,
  Node,
  Pod,
  PodSpec,
  PodTemplateSpec,
  PriorityClass,
  Probe,
  StatefulSet,
} from '../api/types';
import { CLUSTER_SCOPED_KINDS } from '../api/types';
import { deepClone } from '../api/clone';
import { LABEL_NAMESPACE_NAME } from '../api/wellKnown';
import { deepEqual } from '../validation/objectMeta';

type Loose = Record<string, unknown>;

/**
 * imageTag returns the tag of an image reference as parsers.ParseImageName sees it: "latest" when
 * there is neither tag nor digest, "" when there is only a digest.
 */
export function imageTag(image: string): string {
  const at = image.indexOf('@');
  const name = at >= 0 ? image.slice(0, at) : image;
  const lastComponent = name.slice(name.lastIndexOf('/') + 1);
  const colon = lastComponent.lastIndexOf(':');
  if (colon >= 0) return lastComponent.slice(colon + 1);
  return at >= 0 ? '' : 'latest';
}

function defaultProbe(p: Probe | undefined): void {
  if (!p) return;
  // SetDefaults_Probe treats 0 as unset, as Go's zero value is indistinguishable from it.
  p.timeoutSeconds ||= 1;
  p.periodSeconds ||= 10;
  p.successThreshold ||= 1;
  p.failureThreshold ||= 3;
  const http = p.httpGet as (Loose & { path?: string }) | undefined;
  if (http) {
    http.path ||= '/';
    http.scheme ||= 'HTTP';
  }
}

function defaultContainer(c: Container): void {
  const loose = c as Container & Loose;
  // Always for `:latest` (or no tag), so a moving tag is re-pulled; IfNotPresent for pinned tags.
  c.imagePullPolicy ||= imageTag(c.image ?? '') === 'latest' ? 'Always' : 'IfNotPresent';
  loose.terminationMessagePath ||= '/dev/termination-log';
  loose.terminationMessagePolicy ||= 'File';
  for (const port of c.ports ?? []) port.protocol ||= 'TCP';
  defaultProbe(c.livenessProbe);
  defaultProbe(c.readinessProbe);
  defaultProbe(c.startupProbe);
  const lifecycle = c.lifecycle as Record<string, Loose | undefined> | undefined;
  for (const hook of ['postStart', 'preStop']) {
    const http = lifecycle?.[hook]?.httpGet as Loose | undefined;
    if (http) {
      http.path ||= '/';
      http.scheme ||= 'HTTP';
    }
  }
}

// SetDefaults_Volume: a volume that names no source is an emptyDir.
function defaultVolumes(volumes: unknown[] | undefined): void {
  const sources = ['hostPath', 'emptyDir', 'secret', 'configMap', 'persistentVolumeClaim', 'projected'];
  const more = ['downwardAPI', 'nfs', 'csi', 'ephemeral', 'image'];
  for (const raw of volumes ?? []) {
    const v = raw as Loose | null;
    if (
      v &&
      typeof v === 'object' &&
      ![...sources, ...more].some((s) => v[s] !== undefined && v[s] !== null)
    ) {
      v.emptyDir = {};
    }
  }
}

// SetDefaults_PodSpec's own fields, without the containers and volumes.
function defaultPodSpecFields(spec: PodSpec): void {
  const loose = spec as PodSpec & Loose;
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  if (loose.securityContext === undefined || loose.securityContext === null) loose.securityContext = {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
}

/** defaultPodSpec applies SetDefaults_PodSpec and the container, probe and volume defaults to a spec. */
function defaultPodSpec(spec: PodSpec): void {
  defaultPodSpecFields(spec);
  for (const c of spec.containers ?? []) defaultContainer(c);
  for (const c of spec.initContainers ?? []) defaultContainer(c);
  defaultVolumes(spec.volumes);
}

function defaultTemplate(template: PodTemplateSpec | undefined): void {
  if (template?.spec) defaultPodSpec(template.spec);
}

function defaultDaemonSet(ds: DaemonSet): void {
  const spec = ds.spec;
  if (!spec) return;
  const strategy = (spec.updateStrategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    // One node at a time, and no surge: the old pod goes before the new one comes (apps/v1).
    ru.maxUnavailable ??= 1;
    ru.maxSurge ??= 0;
  }
  spec.revisionHistoryLimit ??= 10;
  defaultTemplate(spec.template);
}

// SetDefaults_Job (pkg/apis/batch/v1/defaults.go): one pod to completion unless told otherwise,
// six retries, NonIndexed, not suspended, a replacement only once a pod is terminal or gone.
function defaultJob(job: Job): void {
  const spec = job.spec;
  if (!spec) return;
  if (spec.completions === undefined && spec.parallelism === undefined) spec.completions = 1;
  spec.parallelism ??= 1;
  spec.backoffLimit ??= 6;
  spec.completionMode ??= 'NonIndexed';
  spec.suspend ??= false;
  spec.manualSelector ??= false;
  spec.podReplacementPolicy ??= 'TerminatingOrFailed';
  defaultTemplate(spec.template);
}

// SetDefaults_StatefulSet (pkg/apis/apps/v1/defaults.go): OrderedReady, one replica, ten revisions,
// Retain for both claim retention cases. An empty strategy becomes RollingUpdate with partition 0;
// an explicit `type: RollingUpdate` without rollingUpdate keeps it absent, as upstream does.
function defaultStatefulSet(sts: StatefulSet): void {
  const spec = sts.spec;
  if (!spec) return;
  spec.podManagementPolicy ||= 'OrderedReady';
  const strategy = (spec.updateStrategy ??= {});
  if (!strategy.type) {
    strategy.type = 'RollingUpdate';
    strategy.rollingUpdate ??= {};
  }
  if (strategy.type === 'RollingUpdate' && strategy.rollingUpdate) strategy.rollingUpdate.partition ??= 0;
  const retention = (spec.persistentVolumeClaimRetentionPolicy ??= {});
  retention.whenDeleted ||= 'Retain';
  retention.whenScaled ||= 'Retain';
  spec.replicas ??= 1;
  spec.revisionHistoryLimit ??= 10;
  // The claim templates are PersistentVolumeClaims: SetDefaults_PersistentVolumeClaimSpec.
  for (const claim of spec.volumeClaimTemplates ?? []) {
    claim.apiVersion ||= 'v1';
    claim.kind ||= 'PersistentVolumeClaim';
    if (claim.spec) claim.spec.volumeMode ||= 'Filesystem';
  }
  defaultTemplate(spec.template);
}

// SetDefaults_CronJob (pkg/apis/batch/v1/defaults.go): Allow, not suspended, three successful and
// one failed Job kept. The Job template gets only its pod template's defaults: SetDefaults_Job runs
// on a Job when the CronJob controller creates it, not on the template.
function defaultCronJob(cj: CronJob): void {
  const spec = cj.spec;
  if (!spec) return;
  spec.concurrencyPolicy ??= 'Allow';
  spec.suspend ??= false;
  spec.successfulJobsHistoryLimit ??= 3;
  spec.failedJobsHistoryLimit ??= 1;
  if (spec.jobTemplate?.spec?.template) defaultTemplate(spec.jobTemplate.spec.template);
}

function defaultDeployment(d: Deployment): void {
  const spec = d.spec as (Deployment['spec'] & { progressDeadlineSeconds?: number }) | undefined;
  if (!spec) return;
  spec.replicas ??= 1;
  const strategy = (spec.strategy ??= {});
  strategy.type ||= 'RollingUpdate';
  if (strategy.type === 'RollingUpdate') {
    const ru = (strategy.rollingUpdate ??= {});
    ru.maxUnavailable ??= '25%';
    ru.maxSurge ??= '25%';
  }
  spec.revisionHistoryLimit ??= 10;
  spec.progressDeadlineSeconds ??= 600;
  defaultTemplate(spec.template);
}

// SetDefaults_Pod: only on Pods, not templates, so a template with limits but no requests still
// stores no requests (the pods it creates get them). With host networking the container's port
// is the node's port.
function defaultPodContainers(containers: Container[] | undefined, hostNetwork: boolean): void {
  for (const c of containers ?? []) {
    const limits = c.resources?.limits;
    if (limits && c.resources) {
      const requests = (c.resources.requests ??= {});
      for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
    }
    if (hostNetwork) for (const port of c.ports ?? []) if (!port.hostPort) port.hostPort = port.containerPort;
  }
}

function defaultPod(pod: Pod): void {
  const spec = pod.spec as (PodSpec & Loose) | undefined;
  if (!spec) return;
  defaultPodSpec(spec);
  defaultPodContainers(spec.containers, spec.hostNetwork === true);
  defaultPodContainers(spec.initContainers, spec.hostNetwork === true);
  spec.enableServiceLinks ??= true;
}

// Whether a list already holds its defaults, by identity: a DaemonSet's thousands of pods hand
// over the same (frozen) containers, so each list is checked once, by defaulting a copy.
const alreadyDefaulted = [new WeakMap<object, boolean>(), new WeakMap<object, boolean>()];

function sharedIfDefaulted<T extends object>(list: T, hostNetwork: boolean, apply: (copy: T) => void): T {
  const seen = alreadyDefaulted[hostNetwork ? 1 : 0]!;
  let defaulted = seen.get(list);
  if (defaulted === undefined) {
    const copy = deepClone(list);
    apply(copy);
    defaulted = deepEqual(copy, list);
    seen.set(list, defaulted);
    if (!defaulted) return copy;
  }
  if (defaulted) return list;
  const copy = deepClone(list);
  apply(copy);
  return copy;
}

/**
 * defaultHandedOverPod is defaultPod for a pod whose builder hands it over and never changes it
 * again (the DaemonSet controller): the same defaults, but the containers and volumes are shared
 * with the input when they already hold them instead of being copied for every pod.
 */
function defaultHandedOverPod(pod: Pod): Pod {
  const spec: PodSpec & Loose = { ...pod.spec };
  const hostNetwork = spec.hostNetwork === true;
  defaultPodSpecFields(spec);
  const containerLists = (copy: Container[]) => {
    for (const c of copy) defaultContainer(c);
    defaultPodContainers(copy, hostNetwork);
  };
  spec.containers = sharedIfDefaulted(spec.containers, hostNetwork, containerLists);
  if (spec.initContainers)
    spec.initContainers = sharedIfDefaulted(spec.initContainers, hostNetwork, containerLists);
  if (spec.volumes) spec.volumes = sharedIfDefaulted(spec.volumes, hostNetwork, defaultVolumes);
  spec.enableServiceLinks ??= true;
  return {
    ...pod,
    metadata: { ...pod.metadata },
    spec,
    ...(pod.status ? { status: deepClone(pod.status) } : {}),
  };
}

/**
 * defaultNode applies SetDefaults_NodeStatus: allocatable defaults to capacity. The reverse
 * (capacity from allocatable) is not an API default; the playground's scheduler and kubelet fall
 * back to allocatable when a pasted node has no capacity, and never write it here.
 */
function defaultNode(node: Node): void {
  node.spec ??= {};
  node.status ??= {};
  if (node.status.allocatable === undefined && node.status.capacity !== undefined) {
    node.status.allocatable = { ...node.status.capacity };
  }
}

function defaultPriorityClass(pc: PriorityClass): void {
  pc.preemptionPolicy ??= 'PreemptLowerPriority';
}

// SetDefaults_Namespace labels every namespace with its name (kubernetes.io/metadata.name), and
// the registry starts it Active with the kubernetes finalizer (namespace/strategy.go PrepareForCreate).
function defaultNamespace(ns: Namespace): void {
  ns.metadata.labels = { ...(ns.metadata.labels ?? {}), [LABEL_NAMESPACE_NAME]: ns.metadata.name };
  ns.spec = { ...(ns.spec ?? {}), finalizers: ns.spec?.finalizers ?? ['kubernetes'] };
  ns.status = { phase: ns.status?.phase ?? 'Active' };
}

/**
 * applyDefaults returns a defaulted copy of an object, per kind, as the API server stores it:
 * DaemonSet (RollingUpdate, maxUnavailable 1, maxSurge 0, revisionHistoryLimit 10), Deployment
 * (1 replica, RollingUpdate 25%/25%, revisionHistoryLimit 10, progressDeadlineSeconds 600), pod
 * specs (restartPolicy Always, terminationGracePeriodSeconds 30, dnsPolicy ClusterFirst,
 * schedulerName default-scheduler, securityContext {}, pull policy from the tag, probe timings),
 * Pods (requests from limits), Nodes (allocatable from capacity), PriorityClasses
 * (PreemptLowerPriority). Cluster-scoped kinds lose any namespace, as the REST layer's
 * BeforeCreate clears it. minReadySeconds stays unset when unset.
 */
export function applyDefaults<T extends KubeObject>(obj: T, options: { handedOver?: boolean } = {}): T {
  if (options.handedOver && obj.kind === 'Pod') return defaultHandedOverPod(obj) as T;
  const out = deepClone(obj);
  if (CLUSTER_SCOPED_KINDS.has(out.kind) && out.metadata) delete out.metadata.namespace;
  switch (out.kind) {
    case 'DaemonSet':
      defaultDaemonSet(out);
      break;
    case 'Deployment':
      defaultDeployment(out);
      break;
    case 'Job':
      defaultJob(out);
      break;
    case 'StatefulSet':
      defaultStatefulSet(out);
      break;
    case 'CronJob':
      defaultCronJob(out);
      break;
    case 'Pod':
      defaultPod(out);
      break;
    case 'Node':
      defaultNode(out);
      break;
    case 'PriorityClass':
      defaultPriorityClass(out);
      break;
    case 'Namespace':
      defaultNamespace(out);
      break;
    case 'ReplicaSet':
      out.spec.replicas ??= 1;
      defaultTemplate(out.spec.template);
      break;
    default:
      break;
  }
  return out;
}
