// What each workload controller does with the same cluster, one line per situation, for the
// comparison view. A new kind joins the view by one row here; the view
// shows a column for every kind of this table that the cluster holds, in this order.

/** KindBehaviour is one controller's answer to each situation, in a line each. */
export interface KindBehaviour {
  kind: string;
  /** How many pods, and where. */
  pods: string;
  nodeFails: string;
  cordon: string;
  drain: string;
  taint: string;
  newImage: string;
}

/** SITUATIONS labels the rows of a column, in the order they are shown. */
export const SITUATIONS: readonly { key: Exclude<keyof KindBehaviour, 'kind'>; label: string }[] = [
  { key: 'pods', label: 'Pods' },
  { key: 'nodeFails', label: 'Node fails' },
  { key: 'cordon', label: 'Cordon' },
  { key: 'drain', label: 'Drain' },
  { key: 'taint', label: 'Taint' },
  { key: 'newImage', label: 'New image' },
];

// Each line follows the controller that acts: pkg/controller/daemon (and its default
// tolerations), pkg/controller/deployment and replicaset, pkg/controller/statefulset
// (stateful_set_control.go updateStatefulSet: a missing ordinal is created only when no pod of
// that name exists, so one stuck Terminating on an unreachable node blocks its replacement),
// pkg/controller/job, pkg/controller/cronjob (cronjob_controllerv2.go syncCronJob: a Job from the
// jobTemplate per schedule time); the taint eviction controller's 300 s default tolerations for
// not-ready/unreachable; kubectl drain's filters.
export const KIND_BEHAVIOUR: readonly KindBehaviour[] = [
  {
    kind: 'DaemonSet',
    pods: 'one on every eligible node; no replica count, the cluster sets its size',
    nodeFails: 'its pod stays bound there (it tolerates the unreachable taint); none starts elsewhere',
    cordon: 'keeps its pod, and still places one on a cordoned node',
    drain: 'refused without --ignore-daemonsets; then its pod is left running',
    taint: 'NoSchedule keeps the pod; an untolerated NoExecute evicts it, not replaced on that node',
    newImage: 'rolls node by node (maxUnavailable 1), or waits for each pod to be deleted (OnDelete)',
  },
  {
    kind: 'Deployment',
    pods: 'the replicas you ask for, wherever they fit; two may share a node',
    nodeFails: 'after 300 s its pods there are evicted and replaced on other nodes',
    cordon: 'running pods stay; new ones go to other nodes',
    drain: 'its pods are evicted and replaced on other nodes',
    taint: 'NoSchedule keeps running pods; NoExecute evicts them, replaced elsewhere',
    newImage: 'a new ReplicaSet grows as the old one shrinks (maxSurge 25%, maxUnavailable 25%)',
  },
  {
    kind: 'StatefulSet',
    pods: 'the replicas you ask for, named by ordinal (db-0, db-1, …), created in order, each once the one before is Ready',
    nodeFails:
      'after 300 s its pod there is deleted but stays Terminating, and is not recreated until the node returns or is deleted: at most one pod per name',
    cordon: 'running pods stay; a recreated pod goes to another node',
    drain: 'its pod is evicted; once gone, a pod with the same name starts on another node',
    taint:
      'NoExecute evicts the pod; it comes back with the same name elsewhere once gone. NoSchedule keeps it',
    newImage:
      'rolls one pod at a time from the highest ordinal down (partition keeps the lower ones), or OnDelete',
  },
  {
    kind: 'Job',
    pods: 'runs pods until its completions succeed, anywhere unless pinned; a finished pod stays',
    nodeFails: 'after 300 s a running pod is evicted, counted as failed, and retried elsewhere',
    cordon: 'a running pod finishes; a retry goes to another node',
    drain: 'a running pod is evicted and retried elsewhere, within backoffLimit',
    taint: 'NoExecute evicts a running pod (a failure, retried); NoSchedule only steers new pods',
    newImage: 'none: a Job’s pod template cannot change; delete the Job and create it again',
  },
  {
    kind: 'CronJob',
    pods: 'none between runs; each schedule time creates a Job, whose pod runs on any one node',
    nodeFails:
      'only a running Job’s pod is hit: evicted after 300 s and retried by its Job; later runs go elsewhere',
    cordon: 'nothing runs to keep; the next run’s pod goes to another node',
    drain: 'a running Job’s pod is evicted and retried by the Job; suspend: true pauses new runs',
    taint: 'NoExecute evicts a running Job’s pod (retried); NoSchedule only steers the next runs',
    newImage: 'changes the jobTemplate: the next run uses it, a running Job keeps its image',
  },
];
