// Pod validation, after ValidatePodCreate, validatePodMetadataAndSpec and ValidatePodUpdate in
// pkg/apis/core/validation/validation.go.
import type { Container, Pod, PodSpec, Toleration } from '../api/types';
import { nameIsDNSSubdomain } from './content';
import type { FieldError } from './fieldErrors';
import { childPath, forbidden, indexPath, invalid, required } from './fieldErrors';
import { deepEqual, validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';
import { validatePodSpec } from './podSpec';

// The fields a Pod update may touch, listed as upstream lists them in its Forbidden message.
const UPDATABLE_POD_SPEC_FIELDS = [
  '`spec.containers[*].image`',
  '`spec.initContainers[*].image`',
  '`spec.activeDeadlineSeconds`',
  '`spec.tolerations` (only additions to existing tolerations)',
  '`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
];

function validateImagesForPod(containers: readonly Container[] | undefined, path: string): FieldError[] {
  return (containers ?? []).flatMap((c, i) =>
    c.image !== undefined && c.image !== c.image.trim()
      ? [
          invalid(
            childPath(indexPath(path, i), 'image'),
            c.image,
            'must not have leading or trailing whitespace',
          ),
        ]
      : [],
  );
}

/** validatePod validates a Pod on create: metadata, spec (as a Pod), image whitespace. */
export function validatePod(pod: Pod): FieldError[] {
  const spec = pod.spec;
  return [
    ...validateObjectMeta(pod.metadata, true, nameIsDNSSubdomain),
    ...validatePodSpec(spec, 'spec', { resourceIsPod: true }),
    ...validateImagesForPod(spec?.containers, 'spec.containers'),
    ...validateImagesForPod(spec?.initContainers, 'spec.initContainers'),
  ];
}

// Existing tolerations may only gain new siblings or change their tolerationSeconds.
function validateOnlyAddedTolerations(
  next: readonly Toleration[],
  old: readonly Toleration[],
  path: string,
): FieldError[] {
  for (const o of old) {
    const kept = next.some((n) => deepEqual({ ...o, tolerationSeconds: n.tolerationSeconds }, n));
    if (!kept)
      return [forbidden(path, 'existing toleration can not be modified except its tolerationSeconds')];
  }
  return [];
}

function withoutMutableFields(spec: PodSpec, old: PodSpec): PodSpec {
  const munged = JSON.parse(JSON.stringify(spec)) as PodSpec;
  munged.containers = (munged.containers ?? []).map((c, i) => ({
    ...c,
    image: old.containers?.[i]?.image ?? c.image,
  }));
  if (munged.initContainers) {
    munged.initContainers = munged.initContainers.map((c, i) => ({
      ...c,
      image: old.initContainers?.[i]?.image ?? c.image,
    }));
  }
  const m = munged as PodSpec & { activeDeadlineSeconds?: number };
  const o = old as PodSpec & { activeDeadlineSeconds?: number };
  if (o.activeDeadlineSeconds === undefined) delete m.activeDeadlineSeconds;
  else m.activeDeadlineSeconds = o.activeDeadlineSeconds;
  if (old.tolerations === undefined) delete munged.tolerations;
  else munged.tolerations = old.tolerations;
  const oldGrace = old.terminationGracePeriodSeconds;
  if (oldGrace !== undefined && oldGrace < 0 && munged.terminationGracePeriodSeconds === 1) {
    munged.terminationGracePeriodSeconds = oldGrace;
  }
  return munged;
}

/**
 * validatePodUpdate validates a Pod replacing `old`: a pod's spec is fixed once created, except
 * images, activeDeadlineSeconds, added tolerations and a negative grace period raised to 1.
 */
export function validatePodUpdate(pod: Pod, old: Pod): FieldError[] {
  const errs = [...validateObjectMetaUpdate(pod.metadata, old.metadata), ...validatePod(pod)];
  const spec = pod.spec ?? ({ containers: [] } as PodSpec);
  const oldSpec = old.spec ?? ({ containers: [] } as PodSpec);
  if ((spec.containers ?? []).length !== (oldSpec.containers ?? []).length) {
    return [...errs, forbidden('spec.containers', 'pod updates may not add or remove containers')];
  }
  (spec.containers ?? []).forEach((c, i) => {
    if (!c.image) errs.push(required(`spec.containers[${i}].image`));
  });
  errs.push(
    ...validateOnlyAddedTolerations(spec.tolerations ?? [], oldSpec.tolerations ?? [], 'spec.tolerations'),
  );
  if (!deepEqual(withoutMutableFields(spec, oldSpec), oldSpec)) {
    errs.push(
      forbidden(
        'spec',
        `pod updates may not change fields other than ${UPDATABLE_POD_SPEC_FIELDS.join(',')}`,
      ),
    );
  }
  return errs;
}
