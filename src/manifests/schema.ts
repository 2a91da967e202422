// The Go types of the fields the playground reads, so that a wrongly typed field is refused the way
// the API server's JSON decoder refuses it (`json: cannot unmarshal string into Go struct field
// DeploymentSpec.spec.replicas of type int32`). Types follow staging/src/k8s.io/api/{core,apps,
// batch,scheduling}/v1/types.go; fields not listed here are kept as written and not type-checked.

/** FieldType is a scalar kind, or a struct, list or string-keyed map of field types. */
export type FieldType =
  | 'string'
  | 'int32'
  | 'int64'
  | 'bool'
  | 'quantity'
  | 'intOrString'
  | 'any'
  | StructType
  | { list: FieldType }
  | { map: FieldType };

/** StructType is a Go struct: its type name (`v1.PodSpec`) and its JSON fields. */
export interface StructType {
  struct: string;
  fields: Record<string, FieldType>;
}

const s = (struct: string, fields: Record<string, FieldType>): StructType => ({ struct, fields });
const list = (of: FieldType): FieldType => ({ list: of });
const map = (of: FieldType): FieldType => ({ map: of });
const strings = list('string');

const ownerReference = s('v1.OwnerReference', {
  apiVersion: 'string',
  kind: 'string',
  name: 'string',
  uid: 'string',
  controller: 'bool',
  blockOwnerDeletion: 'bool',
});

const objectMeta = s('v1.ObjectMeta', {
  name: 'string',
  generateName: 'string',
  namespace: 'string',
  uid: 'string',
  resourceVersion: 'string',
  generation: 'int64',
  creationTimestamp: 'string',
  deletionTimestamp: 'string',
  deletionGracePeriodSeconds: 'int64',
  labels: map('string'),
  annotations: map('string'),
  ownerReferences: list(ownerReference),
  finalizers: strings,
});

const labelSelector = s('v1.LabelSelector', {
  matchLabels: map('string'),
  matchExpressions: list(
    s('v1.LabelSelectorRequirement', { key: 'string', operator: 'string', values: strings }),
  ),
});

const nodeSelectorRequirement = s('v1.NodeSelectorRequirement', {
  key: 'string',
  operator: 'string',
  values: strings,
});
const nodeSelectorTerm = s('v1.NodeSelectorTerm', {
  matchExpressions: list(nodeSelectorRequirement),
  matchFields: list(nodeSelectorRequirement),
});

const affinity = s('v1.Affinity', {
  nodeAffinity: s('v1.NodeAffinity', {
    requiredDuringSchedulingIgnoredDuringExecution: s('v1.NodeSelector', {
      nodeSelectorTerms: list(nodeSelectorTerm),
    }),
    preferredDuringSchedulingIgnoredDuringExecution: list(
      s('v1.PreferredSchedulingTerm', { weight: 'int32', preference: nodeSelectorTerm }),
    ),
  }),
  podAffinity: 'any',
  podAntiAffinity: 'any',
});

const toleration = s('v1.Toleration', {
  key: 'string',
  operator: 'string',
  value: 'string',
  effect: 'string',
  tolerationSeconds: 'int64',
});

const httpGet = s('v1.HTTPGetAction', {
  path: 'string',
  port: 'intOrString',
  host: 'string',
  scheme: 'string',
});
const tcpSocket = s('v1.TCPSocketAction', { port: 'intOrString', host: 'string' });
const exec = s('v1.ExecAction', { command: strings });

const probe = s('v1.Probe', {
  exec,
  httpGet,
  tcpSocket,
  grpc: s('v1.GRPCAction', { port: 'int32', service: 'string' }),
  initialDelaySeconds: 'int32',
  timeoutSeconds: 'int32',
  periodSeconds: 'int32',
  successThreshold: 'int32',
  failureThreshold: 'int32',
  terminationGracePeriodSeconds: 'int64',
});

const lifecycleHandler = s('v1.LifecycleHandler', {
  exec,
  httpGet,
  tcpSocket,
  sleep: s('v1.SleepAction', { seconds: 'int64' }),
});

const container = s('v1.Container', {
  name: 'string',
  image: 'string',
  imagePullPolicy: 'string',
  command: strings,
  args: strings,
  workingDir: 'string',
  ports: list(
    s('v1.ContainerPort', {
      name: 'string',
      containerPort: 'int32',
      hostPort: 'int32',
      protocol: 'string',
      hostIP: 'string',
    }),
  ),
  env: list(s('v1.EnvVar', { name: 'string', value: 'string', valueFrom: 'any' })),
  resources: s('v1.ResourceRequirements', { limits: map('quantity'), requests: map('quantity') }),
  volumeMounts: list(
    s('v1.VolumeMount', { name: 'string', mountPath: 'string', readOnly: 'bool', subPath: 'string' }),
  ),
  livenessProbe: probe,
  readinessProbe: probe,
  startupProbe: probe,
  lifecycle: s('v1.Lifecycle', { postStart: lifecycleHandler, preStop: lifecycleHandler }),
  terminationMessagePath: 'string',
  terminationMessagePolicy: 'string',
  restartPolicy: 'string',
  stdin: 'bool',
  tty: 'bool',
});

const podSpec = s('v1.PodSpec', {
  volumes: list(
    s('v1.Volume', {
      name: 'string',
      hostPath: s('v1.HostPathVolumeSource', { path: 'string', type: 'string' }),
      persistentVolumeClaim: s('v1.PersistentVolumeClaimVolumeSource', {
        claimName: 'string',
        readOnly: 'bool',
      }),
    }),
  ),
  initContainers: list(container),
  containers: list(container),
  restartPolicy: 'string',
  terminationGracePeriodSeconds: 'int64',
  activeDeadlineSeconds: 'int64',
  dnsPolicy: 'string',
  nodeSelector: map('string'),
  serviceAccountName: 'string',
  serviceAccount: 'string',
  automountServiceAccountToken: 'bool',
  nodeName: 'string',
  hostNetwork: 'bool',
  hostPID: 'bool',
  hostIPC: 'bool',
  hostname: 'string',
  subdomain: 'string',
  affinity,
  schedulerName: 'string',
  tolerations: list(toleration),
  priorityClassName: 'string',
  priority: 'int32',
  preemptionPolicy: 'string',
  enableServiceLinks: 'bool',
  runtimeClassName: 'string',
});

const podTemplateSpec = s('v1.PodTemplateSpec', { metadata: objectMeta, spec: podSpec });

const typeMeta = { apiVersion: 'string', kind: 'string', metadata: objectMeta } as const;

const rollingUpdate = (name: string): StructType =>
  s(name, { maxUnavailable: 'intOrString', maxSurge: 'intOrString' });

const daemonSet = s('v1.DaemonSet', {
  ...typeMeta,
  spec: s('v1.DaemonSetSpec', {
    selector: labelSelector,
    template: podTemplateSpec,
    updateStrategy: s('v1.DaemonSetUpdateStrategy', {
      type: 'string',
      rollingUpdate: rollingUpdate('v1.RollingUpdateDaemonSet'),
    }),
    minReadySeconds: 'int32',
    revisionHistoryLimit: 'int32',
  }),
  status: 'any',
});

const deployment = s('v1.Deployment', {
  ...typeMeta,
  spec: s('v1.DeploymentSpec', {
    replicas: 'int32',
    selector: labelSelector,
    template: podTemplateSpec,
    strategy: s('v1.DeploymentStrategy', {
      type: 'string',
      rollingUpdate: rollingUpdate('v1.RollingUpdateDeployment'),
    }),
    minReadySeconds: 'int32',
    revisionHistoryLimit: 'int32',
    paused: 'bool',
    progressDeadlineSeconds: 'int32',
  }),
  status: 'any',
});

const jobSpec = s('v1.JobSpec', {
  parallelism: 'int32',
  completions: 'int32',
  activeDeadlineSeconds: 'int64',
  backoffLimit: 'int32',
  selector: labelSelector,
  manualSelector: 'bool',
  template: podTemplateSpec,
  ttlSecondsAfterFinished: 'int32',
  completionMode: 'string',
  suspend: 'bool',
  podReplacementPolicy: 'string',
});

const job = s('v1.Job', { ...typeMeta, spec: jobSpec, status: 'any' });

const cronJob = s('v1.CronJob', {
  ...typeMeta,
  spec: s('v1.CronJobSpec', {
    schedule: 'string',
    timeZone: 'string',
    startingDeadlineSeconds: 'int64',
    concurrencyPolicy: 'string',
    suspend: 'bool',
    jobTemplate: s('v1.JobTemplateSpec', { metadata: objectMeta, spec: jobSpec }),
    successfulJobsHistoryLimit: 'int32',
    failedJobsHistoryLimit: 'int32',
  }),
  status: 'any',
});

const statefulSet = s('v1.StatefulSet', {
  ...typeMeta,
  spec: s('v1.StatefulSetSpec', {
    replicas: 'int32',
    selector: labelSelector,
    template: podTemplateSpec,
    volumeClaimTemplates: list(
      s('v1.PersistentVolumeClaim', {
        ...typeMeta,
        spec: s('v1.PersistentVolumeClaimSpec', {
          accessModes: strings,
          resources: s('v1.VolumeResourceRequirements', {
            limits: map('quantity'),
            requests: map('quantity'),
          }),
          storageClassName: 'string',
          volumeMode: 'string',
          selector: labelSelector,
          volumeName: 'string',
        }),
        status: 'any',
      }),
    ),
    serviceName: 'string',
    podManagementPolicy: 'string',
    updateStrategy: s('v1.StatefulSetUpdateStrategy', {
      type: 'string',
      rollingUpdate: s('v1.RollingUpdateStatefulSetStrategy', {
        partition: 'int32',
        maxUnavailable: 'intOrString',
      }),
    }),
    revisionHistoryLimit: 'int32',
    minReadySeconds: 'int32',
    persistentVolumeClaimRetentionPolicy: s('v1.StatefulSetPersistentVolumeClaimRetentionPolicy', {
      whenDeleted: 'string',
      whenScaled: 'string',
    }),
    ordinals: s('v1.StatefulSetOrdinals', { start: 'int32' }),
  }),
  status: 'any',
});

const node = s('v1.Node', {
  ...typeMeta,
  spec: s('v1.NodeSpec', {
    podCIDR: 'string',
    podCIDRs: strings,
    providerID: 'string',
    unschedulable: 'bool',
    taints: list(s('v1.Taint', { key: 'string', value: 'string', effect: 'string', timeAdded: 'string' })),
  }),
  status: s('v1.NodeStatus', {
    capacity: map('quantity'),
    allocatable: map('quantity'),
    conditions: list(
      s('v1.NodeCondition', {
        type: 'string',
        status: 'string',
        reason: 'string',
        message: 'string',
        lastHeartbeatTime: 'string',
        lastTransitionTime: 'string',
      }),
    ),
    addresses: list(s('v1.NodeAddress', { type: 'string', address: 'string' })),
  }),
});

const pod = s('v1.Pod', { ...typeMeta, spec: podSpec, status: 'any' });

const priorityClass = s('v1.PriorityClass', {
  ...typeMeta,
  value: 'int32',
  globalDefault: 'bool',
  description: 'string',
  preemptionPolicy: 'string',
});

const namespace = s('v1.Namespace', {
  ...typeMeta,
  spec: s('v1.NamespaceSpec', { finalizers: list('string') }),
  status: 'any',
});

const configMap = s('v1.ConfigMap', {
  ...typeMeta,
  data: map('string'),
  binaryData: map('string'),
  immutable: 'bool',
});

/** SCHEMAS maps each kind the playground accepts to its Go type. */
export const SCHEMAS: Readonly<Record<string, StructType>> = {
  Node: node,
  Pod: pod,
  DaemonSet: daemonSet,
  Deployment: deployment,
  Job: job,
  StatefulSet: statefulSet,
  CronJob: cronJob,
  PriorityClass: priorityClass,
  Namespace: namespace,
  ConfigMap: configMap,
};

/** goTypeName prints a field type as Go's reflect does in unmarshal errors (`[]v1.Container`). */
export function goTypeName(t: FieldType): string {
  if (typeof t === 'string') {
    const names: Record<string, string> = {
      quantity: 'resource.Quantity',
      intOrString: 'intstr.IntOrString',
      any: 'interface {}',
    };
    return names[t] ?? t;
  }
  if ('struct' in t) return t.struct;
  if ('list' in t) return `[]${goTypeName(t.list)}`;
  return `map[string]${goTypeName(t.map)}`;
}
