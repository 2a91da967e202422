import { describe, expect, it } from 'vitest';
import { kubectl, newCluster } from '../helpers';

describe('kubectl cluster-info', () => {
  it('says where the control plane runs: in this page, simulated', () => {
    const r = kubectl(newCluster({ nodes: 0 }), 'cluster-info');
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toMatch(/^Kubernetes control plane is running at .*simulated/);
  });
});
