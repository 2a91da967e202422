import { describe, expect, it } from 'vitest';
import { fluentdYaml, kubectl, newCluster, podNames } from '../helpers';

describe('kubectl exec', () => {
  it('explains that there is no process to run a command in', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 10 });
    const [pod = ''] = podNames(sim, 'kube-system');
    expect(kubectl(sim, `exec -it ${pod} -n kube-system -- sh`)).toEqual({
      stdout: '',
      stderr: `error: cannot exec into ${pod}: the playground simulates containers and runs no processes, so there is nothing to execute a command in\n`,
      exitCode: 1,
    });
  });

  it('checks the pod exists first', () => {
    expect(kubectl(newCluster({ nodes: 0 }), 'exec nope -- ls').stderr).toBe(
      'Error from server (NotFound): pods "nope" not found\n',
    );
  });
});
