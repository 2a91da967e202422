// Picking the describer for an object, as describe.DescriberFor does by kind.
import type { Simulation } from '../../engine/simulation';
import type { AnyObject } from '../util/resources';
import { describeCronJob } from './cronJob';
import { describeJob } from './job';
import { describeNode } from './node';
import { describeConfigMap, describeGeneric, describeNamespace, describePriorityClass } from './other';
import { describePod } from './pod';
import { describeStatefulSet } from './statefulSet';
import { describeDaemonSet, describeDeployment, describeReplicaSet } from './workloads';

/** describeObject prints `kubectl describe` output for one object. */
export function describeObject(sim: Simulation, obj: AnyObject): string {
  switch (obj.kind) {
    case 'Pod':
      return describePod(sim, obj);
    case 'Node':
      return describeNode(sim, obj);
    case 'DaemonSet':
      return describeDaemonSet(sim, obj);
    case 'Deployment':
      return describeDeployment(sim, obj);
    case 'ReplicaSet':
      return describeReplicaSet(sim, obj);
    case 'Job':
      return describeJob(sim, obj);
    case 'StatefulSet':
      return describeStatefulSet(sim, obj);
    case 'CronJob':
      return describeCronJob(sim, obj);
    case 'PriorityClass':
      return describePriorityClass(sim, obj);
    case 'Namespace':
      return describeNamespace(obj);
    case 'ConfigMap':
      return describeConfigMap(sim, obj);
    default:
      return describeGeneric(sim, obj);
  }
}
