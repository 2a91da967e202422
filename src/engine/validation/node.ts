// Node validation, after ValidateNode, ValidateNodeResources and ValidateNodeUpdate in
// pkg/apis/core/validation/validation.go.
import type { Node } from '../api/types';
import { nameIsDNSSubdomain } from './content';
import type { FieldError } from './fieldErrors';
import { forbidden } from './fieldErrors';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { validateNodeResources } from './resources';
import { validateNodeTaints } from './scheduling';

/**
 * validateNode validates a Node on create: cluster-scoped metadata, taints (reported under
 * `metadata.taints`, exactly as upstream does) and the capacity/allocatable quantities.
 */
export function validateNode(node: Node): FieldError[] {
  return [
    ...validateObjectMeta(node.metadata, false, nameIsDNSSubdomain),
    ...validateNodeTaints(node.spec?.taints, 'metadata.taints', 'spec.taints'),
    ...validateNodeResources(node.status?.capacity, node.status?.allocatable),
  ];
}

/**
 * validateNodeUpdate validates a Node replacing `old`: podCIDR and providerID, once set, may not
 * change; taints, labels and unschedulable may (that is what taint and cordon do).
 */
export function validateNodeUpdate(node: Node, old: Node): FieldError[] {
  const errs = [
    ...validateObjectMetaUpdate(node.metadata, old.metadata),
    ...validateNodeResources(node.status?.capacity, node.status?.allocatable),
  ];
  const cidr = old.spec?.podCIDR;
  if (cidr && cidr !== node.spec?.podCIDR) {
    errs.push(forbidden('spec.podCIDRs', 'node updates may not change podCIDR except from "" to valid'));
  }
  const provider = old.spec?.providerID;
  if (provider && provider !== node.spec?.providerID) {
    errs.push(forbidden('spec.providerID', 'node updates may not change providerID except from "" to valid'));
  }
  errs.push(...validateNodeTaints(node.spec?.taints, 'metadata.taints', 'spec.taints'));
  return errs;
}
