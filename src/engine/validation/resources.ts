// Resource names and quantities of containers and nodes, as pkg/apis/core/validation/validation.go
// (validateResourceRequirements, validateContainerResourceName, ValidateResourceQuantityValue)
// and pkg/apis/core/helper/helpers.go (IsNativeResource, IsExtendedResourceName,
// IsOvercommitAllowed) decide them.
import { canonicalQuantity, parseQuantity } from '../api/quantity';
import type { Quantity } from '../api/quantity';
import type { ResourceList, ResourceRequirements } from '../api/types';
import { isQualifiedName } from './content';
import type { FieldError } from './fieldErrors';
import { childPath, forbidden, invalid, keyPath, required, stringer } from './fieldErrors';
import { IS_NEGATIVE_ERROR_MSG } from './objectMeta';

/** QUANTITY_FORMAT_ERROR is resource.ErrFormatWrong, as the API server words a malformed quantity. */
export const QUANTITY_FORMAT_ERROR =
  "quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

const CONTAINER_RESOURCES = new Set(['cpu', 'memory', 'ephemeral-storage']);
// Standard names that are valid somewhere (quota, limit ranges) but not on a container.
const OTHER_STANDARD_RESOURCES = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
  'persistentvolumeclaims',
  'storage',
  'requests.cpu',
  'requests.memory',
  'requests.storage',
  'requests.ephemeral-storage',
  'limits.cpu',
  'limits.memory',
  'limits.ephemeral-storage',
]);
// Integer-only standard resources (helper.IsIntegerResourceName's standard set).
const INTEGER_RESOURCES = new Set([
  'pods',
  'services',
  'replicationcontrollers',
  'resourcequotas',
  'secrets',
  'configmaps',
]);

/** isHugePageResourceName: `hugepages-2Mi`, `hugepages-1Gi`. */
export function isHugePageResourceName(name: string): boolean {
  return name.startsWith('hugepages-');
}

/** isNativeResource: no domain, or a kubernetes.io domain. */
export function isNativeResource(name: string): boolean {
  return !name.includes('/') || name.includes('kubernetes.io/');
}

/** isExtendedResourceName: a fully qualified, non-native name such as `nvidia.com/gpu`. */
export function isExtendedResourceName(name: string): boolean {
  if (isNativeResource(name) || name.startsWith('requests.')) return false;
  return isQualifiedName(`requests.${name}`).length === 0;
}

/** isOvercommitAllowed: requests may be below limits only for native, non-hugepage resources. */
export function isOvercommitAllowed(name: string): boolean {
  return isNativeResource(name) && !isHugePageResourceName(name);
}

function isIntegerResourceName(name: string): boolean {
  return INTEGER_RESOURCES.has(name) || isExtendedResourceName(name);
}

/** validateContainerResourceName is validateContainerResourceName (via validateResourceName). */
export function validateContainerResourceName(name: string, path: string): FieldError[] {
  const errs = isQualifiedName(name).map((m) => invalid(path, name, m));
  if (errs.length > 0) return errs;
  if (!name.includes('/')) {
    if (CONTAINER_RESOURCES.has(name) || isHugePageResourceName(name)) return [];
    if (OTHER_STANDARD_RESOURCES.has(name))
      return [invalid(path, name, 'must be a standard resource for containers')];
    return [invalid(path, name, 'must be a standard resource type or fully qualified')];
  }
  if (!isNativeResource(name) && !isExtendedResourceName(name)) {
    return [invalid(path, name, "doesn't follow extended resource name standard")];
  }
  return [];
}

/** readQuantity parses a ResourceList value (text or a YAML number); undefined if malformed. */
export function readQuantity(value: unknown): Quantity | undefined {
  if (typeof value !== 'string' && typeof value !== 'number') return undefined;
  const q = parseQuantity(value);
  return q.ok ? q : undefined;
}

function canonical(value: unknown): string {
  return canonicalQuantity(String(value));
}

/**
 * validateResourceQuantityValue is ValidateResourceQuantityValue: not negative, and whole for
 * integer resources (extended resources, pods). A malformed quantity, which the API server
 * already refuses while decoding, is reported here too so no caller can store one.
 */
export function validateResourceQuantityValue(name: string, value: unknown, path: string): FieldError[] {
  const q = readQuantity(value);
  if (!q) return [invalid(path, String(value), QUANTITY_FORMAT_ERROR)];
  const errs: FieldError[] = [];
  if (q.value < 0) errs.push(invalid(path, canonical(value), IS_NEGATIVE_ERROR_MSG));
  if (isIntegerResourceName(name) && q.milliValue % 1000 !== 0) {
    errs.push(invalid(path, stringer(canonical(value)), 'must be an integer'));
  }
  return errs;
}

function entries(list: ResourceList | undefined): [string, unknown][] {
  return Object.entries((list ?? {}) as Record<string, unknown>);
}

/**
 * validateResourceRequirements checks a container's resources: names, quantities, requests at
 * most limits, and, for resources that cannot be overcommitted (extended resources such as
 * `nvidia.com/gpu`, hugepages), requests equal to limits and a limit whenever there is a request.
 */
export function validateResourceRequirements(
  res: ResourceRequirements | undefined,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const limPath = childPath(path, 'limits');
  const reqPath = childPath(path, 'requests');
  let cpuOrMemory = false;
  let hugePages = false;
  const limits = (res?.limits ?? {}) as Record<string, unknown>;
  for (const [name, value] of entries(res?.limits)) {
    const p = keyPath(limPath, name);
    errs.push(...validateContainerResourceName(name, p), ...validateResourceQuantityValue(name, value, p));
    if (isHugePageResourceName(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  for (const [name, value] of entries(res?.requests)) {
    const p = keyPath(reqPath, name);
    errs.push(...validateContainerResourceName(name, p), ...validateResourceQuantityValue(name, value, p));
    const request = readQuantity(value);
    if (Object.prototype.hasOwnProperty.call(limits, name)) {
      const limitValue = limits[name];
      const limit = readQuantity(limitValue);
      if (request && limit) {
        // The whole requests map is the path here, as upstream reports it.
        if (request.milliValue !== limit.milliValue && !isOvercommitAllowed(name)) {
          errs.push(
            invalid(reqPath, canonical(value), `must be equal to ${name} limit of ${canonical(limitValue)}`),
          );
        } else if (request.milliValue > limit.milliValue) {
          errs.push(
            invalid(
              reqPath,
              canonical(value),
              `must be less than or equal to ${name} limit of ${canonical(limitValue)}`,
            ),
          );
        }
      }
    } else if (!isOvercommitAllowed(name)) {
      errs.push(required(limPath, 'Limit must be set for non overcommitable resources'));
    }
    if (isHugePageResourceName(name)) hugePages = true;
    if (name === 'cpu' || name === 'memory') cpuOrMemory = true;
  }
  if (!cpuOrMemory && hugePages) errs.push(forbidden(path, 'HugePages require cpu or memory'));
  return errs;
}

/** validateNodeResources checks status.capacity and status.allocatable quantities (ValidateNodeResources). */
export function validateNodeResources(
  capacity: ResourceList | undefined,
  allocatable: ResourceList | undefined,
): FieldError[] {
  const errs: FieldError[] = [];
  for (const [field, list] of [
    ['capacity', capacity],
    ['allocatable', allocatable],
  ] as const) {
    for (const [name, value] of entries(list)) {
      // Upstream joins the resource name as a path segment (`status.capacity.cpu`); the locator
      // uses a key so that names with dots (`nvidia.com/gpu`) still find their line.
      const errors = validateResourceQuantityValue(name, value, `status.${field}.${name}`);
      errs.push(...errors.map((e) => ({ ...e, locator: keyPath(`status.${field}`, name) })));
    }
  }
  return errs;
}
