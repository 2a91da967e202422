// Images whose own process runs once and exits, so a pod that runs them ends without a
// `playground/run-seconds` annotation. kube-bench is one: its image's entrypoint.sh ends in
// `exec kube-bench "$@"` (aquasecurity/kube-bench, entrypoint.sh), and kube-bench runs the
// benchmark's checks, prints the summary and exits — which is why its project ships a Job
// (job.yaml) and why a DaemonSet of it, whose pods must restart Always, loops forever.
import type { Container } from '../api/types';
import { parseImageReference, repositoryOf } from './reference';

interface OneShotImage {
  repositories: readonly string[];
  /** Programs of the image that run once: the entrypoint and the tool itself. */
  programs: readonly string[];
  /** Simulated seconds from start to exit, as long as the gallery's Jobs of it run. */
  seconds: number;
}

const ONE_SHOT: readonly OneShotImage[] = [
  {
    repositories: ['docker.io/aquasec/kube-bench'],
    programs: ['kube-bench', 'entrypoint.sh'],
    seconds: 20,
  },
];

/**
 * oneShotSeconds is how long a container of a run-once image runs before it exits on its own:
 * with the image's default command, or a command that starts the tool itself. A shell wrapper
 * (`sh -c "kube-bench; sleep infinity"`) is someone else's program, so it runs until stopped.
 */
export function oneShotSeconds(container: Container): number | undefined {
  const parsed = parseImageReference(container.image);
  if (!parsed.ok) return undefined;
  const repository = repositoryOf(parsed.ref);
  const image = ONE_SHOT.find((i) => i.repositories.includes(repository));
  if (!image) return undefined;
  const program = container.command?.[0];
  if (program !== undefined && !image.programs.includes(program.split('/').pop() ?? '')) return undefined;
  return image.seconds;
}
