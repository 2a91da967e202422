// What the API server stores is the object encoded as JSON, and encoding/json leaves out every
// field tagged `omitempty` that holds its zero value: false, 0, "", an empty slice or map. So a
// patch to `spec.unschedulable: false` reads back with no `unschedulable` at all. The tables
// below are the omitempty fields of the Go types (staging/src/k8s.io/api/core/v1/types.go,
// apps/v1/types.go, scheduling/v1/types.go, apimachinery pkg/apis/meta/v1/types.go) that the
// playground's objects carry. Pointer fields (`*int32 revisionHistoryLimit`, `*bool
// automountServiceAccountToken`) are left alone: omitempty drops only a nil pointer, and a set
// zero is a value. Status is written by the engine's own controllers and is not pruned here.
import type { KubeObject } from '../api/types';

/** GoStruct lists a struct's omitempty value fields and the fields holding structs (or lists of them). */
interface GoStruct {
  omitEmpty: readonly string[];
  nested?: Readonly<Record<string, GoStruct>>;
}

const labelSelector: GoStruct = {
  omitEmpty: ['matchLabels', 'matchExpressions'],
  nested: { matchExpressions: { omitEmpty: ['values'] } },
};

const objectMeta: GoStruct = {
  omitEmpty: [
    'name',
    'generateName',
    'namespace',
    'selfLink',
    'uid',
    'resourceVersion',
    'generation',
    'labels',
    'annotations',
    'ownerReferences',
    'finalizers',
    'managedFields',
  ],
};

const nodeSelectorTerm: GoStruct = {
  omitEmpty: ['matchExpressions', 'matchFields'],
  nested: { matchExpressions: { omitEmpty: ['values'] }, matchFields: { omitEmpty: ['values'] } },
};

const affinity: GoStruct = {
  omitEmpty: [],
  nested: {
    nodeAffinity: {
      omitEmpty: ['preferredDuringSchedulingIgnoredDuringExecution'],
      nested: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          omitEmpty: [],
          nested: { nodeSelectorTerms: nodeSelectorTerm },
        },
        preferredDuringSchedulingIgnoredDuringExecution: {
          omitEmpty: [],
          nested: { preference: nodeSelectorTerm },
        },
      },
    },
  },
};

const probe: GoStruct = {
  omitEmpty: [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ],
  nested: {
    httpGet: { omitEmpty: ['path', 'host', 'scheme', 'httpHeaders'] },
    tcpSocket: { omitEmpty: ['host'] },
    exec: { omitEmpty: ['command'] },
    grpc: { omitEmpty: [] },
  },
};

const container: GoStruct = {
  omitEmpty: [
    'image',
    'command',
    'args',
    'workingDir',
    'ports',
    'envFrom',
    'env',
    'resizePolicy',
    'volumeMounts',
    'volumeDevices',
    'terminationMessagePath',
    'terminationMessagePolicy',
    'imagePullPolicy',
    'stdin',
    'stdinOnce',
    'tty',
  ],
  nested: {
    ports: { omitEmpty: ['name', 'hostPort', 'protocol', 'hostIP'] },
    env: { omitEmpty: ['value'] },
    resources: { omitEmpty: ['limits', 'requests', 'claims'] },
    volumeMounts: { omitEmpty: ['readOnly', 'subPath', 'subPathExpr'] },
    livenessProbe: probe,
    readinessProbe: probe,
    startupProbe: probe,
  },
};

const podSpec: GoStruct = {
  omitEmpty: [
    'volumes',
    'initContainers',
    'ephemeralContainers',
    'restartPolicy',
    'dnsPolicy',
    'nodeSelector',
    'serviceAccountName',
    'serviceAccount',
    'nodeName',
    'hostNetwork',
    'hostPID',
    'hostIPC',
    'imagePullSecrets',
    'hostname',
    'subdomain',
    'schedulerName',
    'tolerations',
    'hostAliases',
    'priorityClassName',
    'readinessGates',
    'overhead',
    'topologySpreadConstraints',
    'schedulingGates',
    'resourceClaims',
  ],
  nested: {
    initContainers: container,
    containers: container,
    affinity,
    tolerations: { omitEmpty: ['key', 'operator', 'value', 'effect'] },
  },
};

const podTemplate: GoStruct = { omitEmpty: [], nested: { metadata: objectMeta, spec: podSpec } };

const KINDS: Readonly<Record<string, GoStruct>> = {
  Node: {
    omitEmpty: [],
    nested: {
      metadata: objectMeta,
      spec: {
        omitEmpty: ['podCIDR', 'podCIDRs', 'providerID', 'unschedulable', 'taints', 'externalID'],
        nested: { taints: { omitEmpty: ['value'] } },
      },
    },
  },
  Pod: { omitEmpty: [], nested: { metadata: objectMeta, spec: podSpec } },
  DaemonSet: {
    omitEmpty: [],
    nested: {
      metadata: objectMeta,
      spec: {
        omitEmpty: ['minReadySeconds'],
        nested: { selector: labelSelector, template: podTemplate, updateStrategy: { omitEmpty: ['type'] } },
      },
    },
  },
  Deployment: {
    omitEmpty: [],
    nested: {
      metadata: objectMeta,
      spec: {
        omitEmpty: ['minReadySeconds', 'paused'],
        nested: { selector: labelSelector, template: podTemplate, strategy: { omitEmpty: ['type'] } },
      },
    },
  },
  StatefulSet: {
    omitEmpty: [],
    nested: {
      metadata: objectMeta,
      spec: {
        omitEmpty: ['serviceName', 'podManagementPolicy', 'minReadySeconds', 'volumeClaimTemplates'],
        nested: { selector: labelSelector, template: podTemplate, updateStrategy: { omitEmpty: ['type'] } },
      },
    },
  },
  PriorityClass: { omitEmpty: ['globalDefault', 'description'], nested: { metadata: objectMeta } },
};

/** isZero is encoding/json's isEmptyValue for the JSON values an object holds. */
function isZero(v: unknown): boolean {
  if (v === false || v === 0 || v === '') return true;
  if (Array.isArray(v)) return v.length === 0;
  if (typeof v === 'object' && v !== null) return Object.keys(v).length === 0;
  return false;
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

// Copy-on-write: an unchanged part is returned as it is, so objects handed over by the engine
// keep sharing what they share, and nothing a caller holds is changed.
function prune(value: Record<string, unknown>, type: GoStruct): Record<string, unknown> {
  let out: Record<string, unknown> | undefined;
  const set = (key: string, next: unknown): void => {
    out ??= { ...value };
    if (next === undefined) delete out[key];
    else out[key] = next;
  };
  for (const key of type.omitEmpty) if (key in value && isZero(value[key])) set(key, undefined);
  for (const [key, inner] of Object.entries(type.nested ?? {})) {
    const child = (out ?? value)[key];
    if (isRecord(child)) {
      const next = prune(child, inner);
      if (next !== child) set(key, next);
    } else if (Array.isArray(child)) {
      let changed = false;
      const items = child.map((item: unknown) => {
        if (!isRecord(item)) return item;
        const next = prune(item, inner);
        changed ||= next !== item;
        return next;
      });
      if (changed) set(key, items);
    }
  }
  return out ?? value;
}

/**
 * omitEmpty returns the object as the API server would store and serve it: without the
 * zero-valued omitempty fields of its spec and metadata. The input is not changed; when nothing
 * is dropped the same object comes back.
 */
export function omitEmpty<T extends KubeObject>(obj: T): T {
  const type = KINDS[obj.kind];
  return type ? (prune(obj as unknown as Record<string, unknown>, type) as unknown as T) : obj;
}
