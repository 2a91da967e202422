// The core/v1 Node: its taints and schedulability (spec) and what its kubelet reports (status).
import type { ObjectMeta, TypeMeta } from './metaTypes';
import type { ResourceList } from './podTypes';
import type { Taint } from './schedulingTypes';

export interface NodeCondition {
  type: 'Ready' | 'MemoryPressure' | 'DiskPressure' | 'PIDPressure' | 'NetworkUnavailable' | string;
  status: 'True' | 'False' | 'Unknown';
  reason?: string;
  message?: string;
  lastHeartbeatTime?: string;
  lastTransitionTime?: string;
}

export interface NodeSpec {
  taints?: Taint[];
  unschedulable?: boolean;
  podCIDR?: string;
  providerID?: string;
}

export interface NodeStatus {
  capacity?: ResourceList;
  allocatable?: ResourceList;
  conditions?: NodeCondition[];
  addresses?: { type: string; address: string }[];
  nodeInfo?: Record<string, string>;
  images?: { names: string[]; sizeBytes?: number }[];
}

export interface Node extends TypeMeta {
  kind: 'Node';
  metadata: ObjectMeta;
  spec: NodeSpec;
  status: NodeStatus;
}
