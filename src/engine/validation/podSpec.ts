// Pod specs and pod templates, shared by Pods, DaemonSets and Deployments, after ValidatePodSpec
// and ValidatePodTemplateSpec in pkg/apis/core/validation/validation.go. Owner-specific rules
// (a DaemonSet's restartPolicy must be Always) live with the owner.
import type { PodSpec, PodTemplateSpec } from '../api/types';
import { inclusiveRangeError, isDNS1123Label, nameIsDNSSubdomain } from './content';
import { validateContainers, validateInitContainers } from './containers';
import type { FieldError } from './fieldErrors';
import { childPath, duplicate, forbidden, indexPath, invalid, notSupported, required } from './fieldErrors';
import { validateAnnotations, validateLabels } from './objectMeta';
import { validateAffinity, validateTolerations } from './scheduling';
import { onceIfFrozen } from './frozenMemo';

type Loose = Record<string, unknown>;

/** PodSpecOptions is the part of PodValidationOptions the playground uses. */
export interface PodSpecOptions {
  /** The spec belongs to a Pod, not a template: hostPort must then equal containerPort under hostNetwork. */
  resourceIsPod: boolean;
}

const RESTART_POLICIES = ['Always', 'OnFailure', 'Never'];
const DNS_POLICIES = ['ClusterFirstWithHostNet', 'ClusterFirst', 'Default', 'None'];
const PREEMPTION_POLICIES = ['PreemptLowerPriority', 'Never'];
const VOLUME_SOURCES = [
  'hostPath',
  'emptyDir',
  'secret',
  'configMap',
  'persistentVolumeClaim',
  'projected',
  'downwardAPI',
  'nfs',
  'csi',
  'ephemeral',
  'image',
];
const MAX_INT32 = 2147483647;

/** validateVolumes checks names (DNS labels, unique) and that each volume has one source; returns the names. */
export function validateVolumes(
  volumes: unknown[] | undefined,
  path: string,
): { names: Set<string>; errors: FieldError[] } {
  const names = new Set<string>();
  const errors: FieldError[] = [];
  (volumes ?? []).forEach((raw, i) => {
    const v = (raw ?? {}) as Loose;
    const p = indexPath(path, i);
    const name = typeof v.name === 'string' ? v.name : '';
    if (!name) errors.push(required(childPath(p, 'name')));
    else errors.push(...isDNS1123Label(name).map((m) => invalid(childPath(p, 'name'), name, m)));
    if (name && names.has(name)) errors.push(duplicate(childPath(p, 'name'), name));
    else if (name) names.add(name);
    const sources = VOLUME_SOURCES.filter((s) => v[s] !== undefined && v[s] !== null);
    if (sources.length === 0) errors.push(required(p, 'must specify a volume type'));
    sources
      .slice(1)
      .forEach((s) => errors.push(forbidden(childPath(p, s), 'may not specify more than 1 volume type')));
    const hostPath = v.hostPath as Loose | undefined;
    if (sources[0] === 'hostPath' && !hostPath?.path) errors.push(required(childPath(p, 'hostPath', 'path')));
  });
  return { names, errors };
}

// With hostNetwork the container listens on the node: a Pod's hostPort must equal its
// containerPort; a template may leave it 0, since defaulting fills it in for the Pod.
function validatePodHostNetworkDeps(spec: PodSpec, path: string, opts: PodSpecOptions): FieldError[] {
  if (!spec.hostNetwork) return [];
  const errs: FieldError[] = [];
  (spec.containers ?? []).forEach((c, i) => {
    (c.ports ?? []).forEach((port, j) => {
      const hp = port.hostPort ?? 0;
      if ((opts.resourceIsPod || hp !== 0) && hp !== port.containerPort) {
        const p = childPath(
          indexPath(childPath(indexPath(childPath(path, 'containers'), i), 'ports'), j),
          'hostPort',
        );
        errs.push(invalid(p, hp, 'must match `containerPort` when `hostNetwork` is true'));
      }
    });
  });
  return errs;
}

function validateEnum(value: unknown, allowed: readonly string[], path: string): FieldError[] {
  if (value === undefined || value === '') return [required(path)];
  return allowed.includes(String(value)) ? [] : [notSupported(path, value, allowed)];
}

function validateName(value: string | undefined, path: string): FieldError[] {
  return value ? nameIsDNSSubdomain(value, false).map((m) => invalid(path, value, m)) : [];
}

/** validatePodSpec is ValidatePodSpec for the fields the playground models, in upstream's order. */
export function validatePodSpec(spec: PodSpec | undefined, path: string, opts: PodSpecOptions): FieldError[] {
  const s = (spec ?? {}) as PodSpec & Loose;
  const errs: FieldError[] = [];
  if (s.terminationGracePeriodSeconds === undefined)
    errs.push(required(childPath(path, 'terminationGracePeriodSeconds')));
  const volumes = validateVolumes(s.volumes, childPath(path, 'volumes'));
  errs.push(...volumes.errors);
  const ctx = { volumes: volumes.names, gracePeriod: s.terminationGracePeriodSeconds };
  const containersPath = childPath(path, 'containers');
  const containersContext = `${containersPath}|${String(ctx.gracePeriod)}|${[...ctx.volumes].join(',')}`;
  errs.push(
    ...onceIfFrozen(s.containers, containersContext, () =>
      validateContainers(s.containers, ctx, containersPath),
    ),
  );
  errs.push(
    ...validateInitContainers(s.initContainers, s.containers, ctx, childPath(path, 'initContainers')),
  );
  errs.push(...validatePodHostNetworkDeps(s, path, opts));
  errs.push(...validateEnum(s.restartPolicy, RESTART_POLICIES, childPath(path, 'restartPolicy')));
  errs.push(...validateEnum(s.dnsPolicy, DNS_POLICIES, childPath(path, 'dnsPolicy')));
  errs.push(...validateLabels(s.nodeSelector, childPath(path, 'nodeSelector')));
  errs.push(...validateAffinity(s.affinity, childPath(path, 'affinity')));
  errs.push(...validateName(s.serviceAccountName, childPath(path, 'serviceAccountName')));
  errs.push(...validateName(s.nodeName, childPath(path, 'nodeName')));
  const ads = s.activeDeadlineSeconds;
  if (typeof ads === 'number' && (ads < 1 || ads > MAX_INT32)) {
    errs.push(invalid(childPath(path, 'activeDeadlineSeconds'), ads, inclusiveRangeError(1, MAX_INT32)));
  }
  for (const f of ['hostname', 'subdomain'] as const) {
    const v = s[f];
    if (typeof v === 'string' && v)
      errs.push(...isDNS1123Label(v).map((m) => invalid(childPath(path, f), v, m)));
  }
  const tolerationsPath = childPath(path, 'tolerations');
  errs.push(
    ...onceIfFrozen(s.tolerations, tolerationsPath, () =>
      validateTolerations(s.tolerations, tolerationsPath),
    ),
  );
  errs.push(...validateName(s.priorityClassName, childPath(path, 'priorityClassName')));
  if (s.preemptionPolicy !== undefined) {
    errs.push(...validateEnum(s.preemptionPolicy, PREEMPTION_POLICIES, childPath(path, 'preemptionPolicy')));
  }
  return errs;
}

/** validatePodTemplateSpec is ValidatePodTemplateSpec: template labels, annotations and spec. */
export function validatePodTemplateSpec(template: PodTemplateSpec | undefined, path: string): FieldError[] {
  const meta = template?.metadata ?? {};
  const errs = [
    ...validateLabels(meta.labels, childPath(path, 'metadata', 'labels')),
    ...validateAnnotations(meta.annotations, childPath(path, 'metadata', 'annotations')),
    ...validatePodSpec(template?.spec, childPath(path, 'spec'), { resourceIsPod: false }),
  ];
  const ephemeral = (template?.spec as Loose | undefined)?.ephemeralContainers;
  if (Array.isArray(ephemeral) && ephemeral.length > 0) {
    errs.push(
      forbidden(
        childPath(path, 'spec', 'ephemeralContainers'),
        'ephemeral containers not allowed in pod template',
      ),
    );
  }
  return errs;
}

/**
 * validateTemplateForController adds what every workload controller requires of its template
 * (ValidateDaemonSetSpec, ValidatePodTemplateSpecForReplicaSet): restartPolicy Always, and no
 * activeDeadlineSeconds. `owner` names the kind in the Forbidden message.
 */
export function validateTemplateForController(
  template: PodTemplateSpec | undefined,
  path: string,
  owner: string,
): FieldError[] {
  const spec = (template?.spec ?? {}) as PodSpec & Loose;
  const errs: FieldError[] = [];
  if (spec.restartPolicy !== 'Always') {
    errs.push(notSupported(childPath(path, 'spec', 'restartPolicy'), spec.restartPolicy ?? '', ['Always']));
  }
  if (spec.activeDeadlineSeconds !== undefined) {
    errs.push(
      forbidden(
        childPath(path, 'spec', 'activeDeadlineSeconds'),
        `activeDeadlineSeconds in ${owner} is not Supported`,
      ),
    );
  }
  return errs;
}
