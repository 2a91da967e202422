import { describe, expect, it } from 'vitest';
import { kubectl, newCluster } from '../helpers';

describe('kubectl top', () => {
  it('answers as kubectl does against a cluster without metrics-server', () => {
    const r = kubectl(newCluster({ nodes: 1 }), 'top nodes');
    expect(r.exitCode).toBe(1);
    expect(r.stderr.split('\n')[0]).toBe('error: Metrics API not available');
  });
});
