import { describe, expect, it } from 'vitest';
import { kubectl, newCluster } from '../helpers';

describe('kubectl version', () => {
  it('prints client and server versions and marks them simulated', () => {
    expect(kubectl(newCluster({ nodes: 0 }), 'version')).toEqual({
      stdout:
        'Client Version: v1.34.1\nKustomize Version: v5.7.1\nServer Version: v1.34.1\n' +
        '(simulated: this kubectl and cluster are a small Kubernetes written in TypeScript, running in this page)\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('leaves the server out with --client and prints JSON with -o json', () => {
    const sim = newCluster({ nodes: 0 });
    expect(kubectl(sim, 'version --client').stdout).not.toContain('Server Version');
    expect(JSON.parse(kubectl(sim, 'version -o json').stdout).serverVersion.gitVersion).toBe('v1.34.1');
  });
});
