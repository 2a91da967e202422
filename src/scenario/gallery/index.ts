// The built-in scenario gallery: one entry per `<name>.yaml` beside this file. The texts are
// not imported here, so this module runs anywhere: the app reads them with Vite's `?raw`
// (src/app/gallery/galleryTextTable.ts) and the tests with node:fs. A unit test keeps every entry's
// name and title equal to its file's Scenario document.

/** GalleryEntry describes one built-in scenario for the picker. */
export interface GalleryEntry {
  /** The Scenario's metadata.name, and its file name without `.yaml`. */
  name: string;
  /** The Scenario's spec.title. */
  title: string;
  /** One line for the picker: what the scenario teaches. */
  summary: string;
  /** True for a workshop lesson (a Scenario with spec.lesson). */
  lesson: boolean;
}

const entry = (name: string, title: string, summary: string, lesson = false): GalleryEntry => ({
  name,
  title,
  summary,
  lesson,
});

/** GALLERY lists the built-in scenarios in teaching order: placement, nodes, updates, limits, lessons. */
export const GALLERY: readonly GalleryEntry[] = [
  entry(
    'logging-agent-everywhere',
    'A logging agent on every node, the control plane too',
    'One pod per node, a new node gets one at once, and a toleration for the control plane.',
  ),
  entry(
    'node-exporter-workers',
    'node-exporter on worker nodes only',
    'Tolerations allow, selectors choose: node affinity keeps a tolerate-all agent off the control plane.',
  ),
  entry(
    'gpu-monitor',
    'A GPU monitor on GPU nodes only',
    'Node affinity on a GPU label plus a toleration for the GPU taint; a relabelled node loses its pod.',
  ),
  entry(
    'taints-and-tolerations',
    'Taints vs tolerations: NoSchedule, NoExecute, tolerationSeconds',
    'NoSchedule keeps running pods, NoExecute evicts them, and tolerationSeconds makes a DaemonSet churn.',
  ),
  entry(
    'cordon-vs-drain',
    'Cordon vs drain',
    'Cordon keeps daemon pods; drain refuses without --ignore-daemonsets and then leaves them running.',
  ),
  entry(
    'node-failure',
    'Node failure: what stays and what leaves',
    'Unknown after 50 s, unreachable taints, Deployment pods evicted after 300 s, daemon pods stay.',
  ),
  entry(
    'daemon-pod-disk-pressure',
    'A daemon pod under disk pressure',
    'The kubelet rejects a non-critical daemon pod (Evicted); the controller retries with 1 s … 15 min back-off; system-node-critical runs.',
  ),
  entry(
    'rolling-update',
    'Rolling update: maxUnavailable',
    'A new image node by node; 30% of 5 nodes rounds up to 2 at a time.',
  ),
  entry(
    'max-surge',
    'Rolling update: maxSurge',
    'The new pod starts beside the old one, so no node is ever without its agent.',
  ),
  entry(
    'on-delete',
    'OnDelete: you decide when each node updates',
    'A new template reaches a node only when its pod is deleted; rollout status refuses.',
  ),
  entry(
    'stuck-rollout-undo',
    'A stuck rollout and rollout undo',
    'A crash-looping image stops the rollout after one node; rollout undo brings revision 1 back as 3.',
  ),
  entry(
    'typo-tag-rollout',
    "A typo'd tag stalls the rollout",
    'A tag the registry does not have: ErrImagePull, ImagePullBackOff on one node, the rest untouched; undo rescues it.',
  ),
  entry(
    'orphan-and-adopt',
    'Orphan and adopt: delete --cascade=orphan, then apply again',
    'The pods outlive their DaemonSet with no owner; applied again, it adopts them: same names, no restarts.',
  ),
  entry(
    'resources-and-priority',
    'Not enough room: a Pending daemon pod, then priority',
    "The scheduler's Insufficient cpu message, then system-node-critical preempts a lower-priority pod.",
  ),
  entry(
    'daemonset-vs-deployment',
    'DaemonSet vs Deployment',
    'One pod per node vs N pods anywhere, as nodes join and disappear.',
  ),
  entry(
    'kube-bench-rejected',
    'kube-bench as a DaemonSet: rejected by the API server',
    "The popular tutorial's restartPolicy: OnFailure is invalid: a one-off task per node is a Job.",
  ),
  entry(
    'kube-bench-job-per-node',
    'kube-bench done right: a Job per node',
    'Three Jobs pinned to their nodes run the check once and complete; a DaemonSet would restart it forever.',
  ),
  entry(
    'statefulset-node-failure',
    'A StatefulSet on a failing node',
    'The daemon pod is lost with its node, the Deployment pod is replaced after 300 s, the StatefulSet pod is not replaced until the node is deleted.',
  ),
  entry(
    'cleanup-cronjob-vs-daemonset',
    'A cleanup CronJob vs a cleanup DaemonSet',
    'Every 15 minutes one Job pod on one node runs and completes; the DaemonSet keeps a pod on every node all the time.',
  ),
  entry(
    'five-controllers',
    'Five controllers, one node failure, one image update',
    'DaemonSet, Deployment, StatefulSet, Job and CronJob side by side: who stays, who moves, who waits, and how each rolls.',
  ),
  entry(
    'cluster-at-scale',
    'A real-sized cluster: 5,000 nodes, three zones',
    'One step grows 5,000 nodes over zones and pools; group, zoom and filter them while 500 pods roll at a time.',
  ),
  entry(
    'lesson-first-daemonset',
    'Workshop: your first DaemonSet',
    'Three tasks: reach the control plane, leave node-3 without deleting the DaemonSet, roll out v1.17.',
    true,
  ),
  entry(
    'lesson-node-maintenance',
    'Workshop: node maintenance',
    'Cordon, drain with --ignore-daemonsets, uncordon: checked live as you type.',
    true,
  ),
  entry(
    'lesson-choosing-nodes',
    'Workshop: choosing nodes',
    'nodeSelector and node affinity, a relabelled node losing its pod, a canary node before everywhere.',
    true,
  ),
  entry(
    'lesson-taints-tolerations',
    'Workshop: taints and tolerations',
    'NoSchedule keeps running pods, NoExecute evicts them; tolerate a taint, for good, not for tolerationSeconds.',
    true,
  ),
  entry(
    'lesson-rolling-out',
    'Workshop: rolling out and rolling back',
    "A typo'd tag stalls the rollout, rollout undo, maxSurge with minReadySeconds, an OnDelete canary.",
    true,
  ),
  entry(
    'lesson-troubleshooting',
    'Workshop: troubleshooting DaemonSets',
    'A missing node, CrashLoopBackOff, ImagePullBackOff, Pending for CPU, Evicted under disk pressure: find and fix.',
    true,
  ),
  entry(
    'lesson-system-daemons',
    'Workshop: system daemons',
    'A network agent on every node (hostNetwork, tolerate all, system-node-critical), a hostPath log agent, disk pressure.',
    true,
  ),
  entry(
    'lesson-not-a-daemonset',
    'Workshop: when not to use a DaemonSet',
    'A web shop needs a replica count (a Deployment); kube-bench runs once per node (a Job each), and the API server rejects it as a DaemonSet.',
    true,
  ),
];

/** galleryEntry finds a built-in scenario by name. */
export function galleryEntry(name: string): GalleryEntry | undefined {
  return GALLERY.find((e) => e.name === name);
}
