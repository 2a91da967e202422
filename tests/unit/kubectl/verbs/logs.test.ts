import { describe, expect, it } from 'vitest';
import { fluentdYaml, kubectl, newCluster, podNames } from '../helpers';

describe('kubectl logs', () => {
  it('says plainly that simulated containers have no log lines yet', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 10 });
    const [pod = ''] = podNames(sim, 'kube-system');
    const r = kubectl(sim, `logs ${pod} -n kube-system`);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe(
      `The playground simulates containers rather than running them, so pod/${pod} has no log lines yet.\n` +
        `Use 'kubectl describe pod ${pod}' and 'kubectl get events' to follow what its containers do.\n`,
    );
  });

  it.each([
    {
      name: 'a missing pod',
      line: 'logs nope',
      want: 'Error from server (NotFound): pods "nope" not found\n',
    },
    {
      name: 'no pod at all',
      line: 'logs',
      want: "error: expected 'logs [-f] [-p] (POD | TYPE/NAME) [-c CONTAINER]'.\nPOD or TYPE/NAME is a required argument for the logs command\nSee 'kubectl logs -h' for help and examples\n",
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(newCluster({ nodes: 0 }), line).stderr).toBe(want);
  });
});
