// The kinds that serve the workloads rather than run pods: PriorityClass (scheduling.k8s.io/v1),
// and the core/v1 Event, Namespace and ConfigMap.
import type { ObjectMeta, TypeMeta } from './metaTypes';

export interface PriorityClass extends TypeMeta {
  kind: 'PriorityClass';
  metadata: ObjectMeta;
  value: number;
  globalDefault?: boolean;
  preemptionPolicy?: 'PreemptLowerPriority' | 'Never';
  description?: string;
}

export interface Event extends TypeMeta {
  kind: 'Event';
  metadata: ObjectMeta;
  involvedObject: { kind: string; namespace?: string; name: string; uid?: string; apiVersion?: string };
  reason: string;
  message: string;
  type: 'Normal' | 'Warning';
  count: number;
  firstTimestamp: string;
  lastTimestamp: string;
  source?: { component?: string; host?: string };
}

/** Namespace is a stored namespace; the store also knows namespaces only implied by their objects. */
export interface Namespace extends TypeMeta {
  kind: 'Namespace';
  metadata: ObjectMeta;
  spec?: { finalizers?: string[] };
  status?: { phase?: 'Active' | 'Terminating' };
}

/** ConfigMap holds configuration a pod reads through env or a volume. */
export interface ConfigMap extends TypeMeta {
  kind: 'ConfigMap';
  metadata: ObjectMeta;
  data?: Record<string, string>;
  binaryData?: Record<string, string>;
  immutable?: boolean;
}
