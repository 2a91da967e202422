// Well-known label, annotation and taint keys, and the reasons the engine reports, spelled exactly
// as Kubernetes spells them so that what people read in the playground is what a real cluster shows.
// Sources: staging/src/k8s.io/api/core/v1/well_known_taints.go, well_known_labels.go,
// staging/src/k8s.io/api/apps/v1/types.go, pkg/controller/daemon/daemon_controller.go,
// pkg/scheduler/framework/plugins/*.

// ---- Node taints (core/v1 well_known_taints.go) ----

/** TAINT_NODE_NOT_READY is added by the node lifecycle controller while the node's Ready condition is False. */
export const TAINT_NODE_NOT_READY = 'node.kubernetes.io/not-ready';
/** TAINT_NODE_UNREACHABLE is added while the node's Ready condition is Unknown (no heartbeats). */
export const TAINT_NODE_UNREACHABLE = 'node.kubernetes.io/unreachable';
/** TAINT_NODE_DISK_PRESSURE mirrors the DiskPressure condition (TaintNodesByCondition). */
export const TAINT_NODE_DISK_PRESSURE = 'node.kubernetes.io/disk-pressure';
/** TAINT_NODE_MEMORY_PRESSURE mirrors the MemoryPressure condition. */
export const TAINT_NODE_MEMORY_PRESSURE = 'node.kubernetes.io/memory-pressure';
/** TAINT_NODE_PID_PRESSURE mirrors the PIDPressure condition. */
export const TAINT_NODE_PID_PRESSURE = 'node.kubernetes.io/pid-pressure';
/** TAINT_NODE_UNSCHEDULABLE mirrors `spec.unschedulable` (a cordoned node). */
export const TAINT_NODE_UNSCHEDULABLE = 'node.kubernetes.io/unschedulable';
/** TAINT_NODE_NETWORK_UNAVAILABLE mirrors the NetworkUnavailable condition. */
export const TAINT_NODE_NETWORK_UNAVAILABLE = 'node.kubernetes.io/network-unavailable';

// ---- Labels ----

/** LABEL_HOSTNAME is set by the kubelet on every node (core/v1 well_known_labels.go). */
export const LABEL_HOSTNAME = 'kubernetes.io/hostname';
/** LABEL_NODE_ROLE_CONTROL_PLANE marks control-plane nodes (kubeadm; replaced `master` in 1.24). */
export const LABEL_NODE_ROLE_CONTROL_PLANE = 'node-role.kubernetes.io/control-plane';
/**
 * LABEL_CONTROLLER_REVISION_HASH is the label the DaemonSet controller puts on its pods and
 * ControllerRevisions to tell revisions apart (apps/v1 DefaultDaemonSetUniqueLabelKey).
 */
export const LABEL_CONTROLLER_REVISION_HASH = 'controller-revision-hash';
/**
 * LABEL_POD_TEMPLATE_GENERATION is the older per-pod generation label, still written for
 * backward compatibility (extensions/v1beta1 DaemonSetTemplateGenerationKey).
 */
export const LABEL_POD_TEMPLATE_GENERATION = 'pod-template-generation';

/**
 * LABEL_STATEFULSET_POD_NAME is the label a StatefulSet puts on each pod with the pod's own name,
 * so a Service can select one member (apps/v1 StatefulSetPodNameLabel).
 */
export const LABEL_STATEFULSET_POD_NAME = 'statefulset.kubernetes.io/pod-name';
/** LABEL_POD_INDEX is a StatefulSet pod's ordinal as a label (apps/v1 PodIndexLabel, GA in 1.32). */
export const LABEL_POD_INDEX = 'apps.kubernetes.io/pod-index';

// ---- Annotations ----

/**
 * ANNOTATION_DEPRECATED_TEMPLATE_GENERATION records the DaemonSet's template generation
 * (apps/v1 DeprecatedTemplateGeneration), read by util.GetTemplateGeneration.
 */
export const ANNOTATION_DEPRECATED_TEMPLATE_GENERATION = 'deprecated.daemonset.template.generation';
/** ANNOTATION_RESTARTED_AT is what `kubectl rollout restart` writes into the pod template. */
export const ANNOTATION_RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';
/**
 * ANNOTATION_PLAYGROUND_BEHAVIOR is a playground-only pod template annotation that tells the
 * simulated kubelet how the container behaves (for example crash, never ready). Not Kubernetes.
 */
export const ANNOTATION_PLAYGROUND_BEHAVIOR = 'playground/behavior';
/** ANNOTATION_PLAYGROUND_STARTUP_SECONDS is a playground-only annotation: simulated start-up time. */
export const ANNOTATION_PLAYGROUND_STARTUP_SECONDS = 'playground/startup-seconds';

// ---- DaemonSet controller event reasons (pkg/controller/daemon/daemon_controller.go) ----

/** REASON_SELECTING_ALL is the Warning event when a DaemonSet has an empty selector. */
export const REASON_SELECTING_ALL = 'SelectingAll';
/** REASON_FAILED_DAEMON_POD is the Warning event when a daemon pod's phase is Failed. */
export const REASON_FAILED_DAEMON_POD = 'FailedDaemonPod';
/** REASON_SUCCEEDED_DAEMON_POD is the event when a daemon pod's phase is Succeeded. */
export const REASON_SUCCEEDED_DAEMON_POD = 'SucceededDaemonPod';

// ---- Scheduler filter reasons (pkg/scheduler/framework/plugins/*) ----

/** SCHED_REASON_NODE_AFFINITY is the NodeAffinity plugin's reason (nodeSelector or required affinity). */
export const SCHED_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";
/** SCHED_REASON_NODE_NAME is the NodeName plugin's reason. */
export const SCHED_REASON_NODE_NAME = "node(s) didn't match the requested node name";
/** SCHED_REASON_UNSCHEDULABLE is the NodeUnschedulable plugin's reason (a cordoned node). */
export const SCHED_REASON_UNSCHEDULABLE = 'node(s) were unschedulable';
/** SCHED_REASON_NODE_PORTS is the NodePorts plugin's reason (a host port is already taken). */
export const SCHED_REASON_NODE_PORTS = "node(s) didn't have free ports for the requested pod ports";
/** SCHED_REASON_TOO_MANY_PODS is the NodeResourcesFit reason when the node's pod slots are full. */
export const SCHED_REASON_TOO_MANY_PODS = 'Too many pods';

/**
 * METADATA_NAME_FIELD is the only node field a nodeSelectorTerm's matchFields may use
 * (metav1.ObjectNameField); the DaemonSet controller pins each pod to its node with it.
 */
export const METADATA_NAME_FIELD = 'metadata.name';

// ---- Batch (playground image model and pkg/controller/job) ----

/** ANNOTATION_PLAYGROUND_RUN_SECONDS is a playground-only annotation: the container exits after running this long. */
export const ANNOTATION_PLAYGROUND_RUN_SECONDS = 'playground/run-seconds';
/** ANNOTATION_PLAYGROUND_EXIT_CODE is a playground-only annotation: the code the container exits with. */
export const ANNOTATION_PLAYGROUND_EXIT_CODE = 'playground/exit-code';
/** LABEL_JOB_NAME and LABEL_CONTROLLER_UID are what the Job API puts on its pods (batch/v1 types.go). */
export const LABEL_JOB_NAME = 'batch.kubernetes.io/job-name';
export const LABEL_CONTROLLER_UID = 'batch.kubernetes.io/controller-uid';
/** The unprefixed labels the API server still writes beside them for older selectors. */
export const LABEL_LEGACY_JOB_NAME = 'job-name';
export const LABEL_LEGACY_CONTROLLER_UID = 'controller-uid';
/**
 * ANNOTATION_CRONJOB_SCHEDULED_TIMESTAMP is batch/v1 CronJobScheduledTimestampAnnotation: on each
 * Job a CronJob creates, the time it was scheduled for, in the CronJob's time zone (RFC 3339).
 */
export const ANNOTATION_CRONJOB_SCHEDULED_TIMESTAMP = 'batch.kubernetes.io/cronjob-scheduled-timestamp';
/** ANNOTATION_CRONJOB_INSTANTIATE marks a Job made by `kubectl create job --from=cronjob/…` (value `manual`). */
export const ANNOTATION_CRONJOB_INSTANTIATE = 'cronjob.kubernetes.io/instantiate';

/** The label SetDefaults_Namespace puts on every namespace: its own name. */
export const LABEL_NAMESPACE_NAME = 'kubernetes.io/metadata.name';
