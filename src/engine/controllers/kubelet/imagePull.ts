// Which of a pod's image pulls fail, and what the kubelet says about them. A pull fails when the
// pod's behaviour annotation says so (`playground/behavior: image-pull-error`, for any image) or
// when the playground's registry has the repository but not the tag (src/engine/images).
import type { ContainerState, Pod } from '../../api/types';
import { parseImageReference } from '../../images/reference';
import { pullNotFoundError, resolveImage } from '../../images/registry';

/** PullFailure is one container whose image the runtime could not pull, with the runtime's error. */
export interface PullFailure {
  container: string;
  image: string;
  error: string;
}

/** failedPulls lists the containers whose pull fails. */
export function failedPulls(pod: Pod, simulatedFailure: boolean): PullFailure[] {
  return pod.spec.containers
    .filter((c) => simulatedFailure || resolveImage(c.image).kind === 'notFound')
    .map((c) => ({ container: c.name, image: c.image, error: pullNotFoundError(c.image) }));
}

/**
 * pullBackOffMessage is the waiting message of a container in ImagePullBackOff: since 1.32 the
 * kubelet appends the last pull's error to it (pkg/kubelet/images/image_manager.go pullImage,
 * prevPullErrMsg), so `kubectl describe` keeps saying why after the events have expired.
 */
export function pullBackOffMessage(failure: PullFailure): string {
  return `Back-off pulling image "${failure.image}": ErrImagePull: ${failure.error}`;
}

type Report = (type: 'Normal' | 'Warning', reason: string, message: string) => void;

/**
 * invalidImageState checks that every image of the pod parses before anything is pulled, as
 * EnsureImageExists does with applyDefaultImageTag: a name that does not parse (`Nginx`, a
 * trailing space, a short digest) is reported with InspectFailed and `Error: InvalidImageName`,
 * and the container waits as InvalidImageName for good. It returns that waiting state, or
 * undefined when every image parses.
 */
export function invalidImageState(pod: Pod, report: Report): ContainerState | undefined {
  let state: ContainerState | undefined;
  for (const c of pod.spec.containers) {
    const parsed = parseImageReference(c.image);
    if (parsed.ok) continue;
    const message = `Failed to apply default image tag "${c.image}": couldn't parse image name "${c.image}": ${parsed.error}`;
    report('Warning', 'InspectFailed', message);
    report('Warning', 'Failed', 'Error: InvalidImageName');
    state ??= { waiting: { reason: 'InvalidImageName', message } };
  }
  return state;
}
