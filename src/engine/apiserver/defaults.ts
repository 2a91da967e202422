// Defaulting, as the API server applies it when it decodes an object: pkg/apis/apps/v1/defaults.go
// (SetDefaults_DaemonSet, SetDefaults_Deployment), pkg/apis/core/v1/defaults.go (SetDefaults_PodSpec,
// SetDefaults_Pod, SetDefaults_Container, SetDefaults_Probe, SetDefaults_HTTPGetAction,
// SetDefaults_Volume, SetDefaults_NodeStatus) and pkg/apis/scheduling/v1/defaults.go. Pure data in,
// new data out: the input is never changed.
import type {
  Container,
  DaemonSet,
  Deployment,
  KubeObject,
  Node,
  Pod,
  PodSpec,
  PodTemplateSpec,
  PriorityClass,
  Probe,
} from '../api/types';
import { CLUSTER_SCOPED_KINDS } from '../api/types';

type Loose = Record<string, unknown>;

// JSON data only (the objects come from YAML or from the store), so a JSON round trip is a deep copy.
function clone<T>(v: T): T {
  return JSON.parse(JSON.stringify(v)) as T;
}

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

/** defaultPodSpec applies SetDefaults_PodSpec and the container, probe and volume defaults to a spec. */
function defaultPodSpec(spec: PodSpec): void {
  const loose = spec as PodSpec & Loose;
  spec.dnsPolicy ||= 'ClusterFirst';
  spec.restartPolicy ||= 'Always';
  if (loose.securityContext === undefined || loose.securityContext === null) loose.securityContext = {};
  spec.terminationGracePeriodSeconds ??= 30;
  spec.schedulerName ||= 'default-scheduler';
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
// stores no requests (the pods it creates get them).
function defaultPod(pod: Pod): void {
  const spec = pod.spec as (PodSpec & Loose) | undefined;
  if (!spec) return;
  defaultPodSpec(spec);
  for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
    const limits = c.resources?.limits;
    if (!limits || !c.resources) continue;
    const requests = (c.resources.requests ??= {});
    for (const [k, v] of Object.entries(limits)) if (!(k in requests)) requests[k] = v;
  }
  spec.enableServiceLinks ??= true;
  // With host networking the container's port is the node's port.
  if (spec.hostNetwork) {
    for (const c of [...(spec.containers ?? []), ...(spec.initContainers ?? [])]) {
      for (const port of c.ports ?? []) if (!port.hostPort) port.hostPort = port.containerPort;
    }
  }
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
export function applyDefaults<T extends KubeObject>(obj: T): T {
  const out = clone(obj);
  if (CLUSTER_SCOPED_KINDS.has(out.kind) && out.metadata) delete out.metadata.namespace;
  switch (out.kind) {
    case 'DaemonSet':
      defaultDaemonSet(out);
      break;
    case 'Deployment':
      defaultDeployment(out);
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
    case 'ReplicaSet':
      out.spec.replicas ??= 1;
      defaultTemplate(out.spec.template);
      break;
    default:
      break;
  }
  return out;
}
