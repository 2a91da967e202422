// The API object shapes the engine stores, as the Kubernetes JSON has them.
// Only the fields the playground models are typed; everything else a user writes is kept
// (objects are plain JSON) so `kubectl get -o yaml` shows it back. Each API group's shapes live in
// a file of their own beside this one; this file is the one path the rest of the engine imports.
import type { ControllerRevision, DaemonSet, Deployment, ReplicaSet, StatefulSet } from './appsTypes';
import type { CronJob, Job } from './batchTypes';
import type { ConfigMap, Event, Namespace, PriorityClass } from './clusterTypes';
import type { Node } from './nodeTypes';
import type { Pod } from './podTypes';

export type * from './metaTypes';
export type * from './schedulingTypes';
export type * from './podTypes';
export type * from './nodeTypes';
export type * from './appsTypes';
export type * from './batchTypes';
export type * from './clusterTypes';

export type KubeObject =
  | Node
  | Pod
  | DaemonSet
  | Deployment
  | ReplicaSet
  | ControllerRevision
  | PriorityClass
  | Event
  | Job
  | StatefulSet
  | CronJob
  | Namespace
  | ConfigMap;

export type Kind = KubeObject['kind'];

export const CLUSTER_SCOPED_KINDS: ReadonlySet<string> = new Set(['Node', 'PriorityClass', 'Namespace']);
