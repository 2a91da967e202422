// The metadata every stored object carries (meta/v1 ObjectMeta, TypeMeta) and the small shapes
// objects use to point at each other (owner and object references, label selectors, IntOrString).
// Only the fields the playground models are typed; the rest of what a user writes is kept as JSON.

export type Labels = Record<string, string>;

export interface OwnerReference {
  apiVersion: string;
  kind: string;
  name: string;
  uid: string;
  controller?: boolean;
  blockOwnerDeletion?: boolean;
}

export interface ObjectMeta {
  name: string;
  namespace?: string;
  uid?: string;
  resourceVersion?: string;
  generation?: number;
  creationTimestamp?: string;
  deletionTimestamp?: string;
  deletionGracePeriodSeconds?: number;
  labels?: Labels;
  annotations?: Record<string, string>;
  ownerReferences?: OwnerReference[];
  finalizers?: string[];
  generateName?: string;
}

export interface TypeMeta {
  apiVersion: string;
  kind: string;
}

export interface LabelSelectorRequirement {
  key: string;
  operator: 'In' | 'NotIn' | 'Exists' | 'DoesNotExist';
  values?: string[];
}

export interface LabelSelector {
  matchLabels?: Labels;
  matchExpressions?: LabelSelectorRequirement[];
}

/** IntOrString as the API has it: `1` or `"10%"`. */
export type IntOrString = number | string;

/** ObjectReference is core/v1 ObjectReference, as a CronJob lists its running Jobs in status.active. */
export interface ObjectReference {
  kind?: string;
  namespace?: string;
  name?: string;
  uid?: string;
  apiVersion?: string;
  resourceVersion?: string;
}
