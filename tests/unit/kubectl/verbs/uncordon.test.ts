import type { Node } from '../../../../src/engine/api/types';
import { describe, expect, it } from 'vitest';
import { mustRun, newCluster, nodeYaml } from '../helpers';

describe('kubectl uncordon', () => {
  it('uncordons a cordoned node, and says already uncordoned after', () => {
    const sim = newCluster({ nodes: 0 });
    mustRun(sim, 'apply -f -', nodeYaml('node-1', { unschedulable: true }));
    expect(mustRun(sim, 'uncordon node-1').stdout).toBe('node/node-1 uncordoned\n');
    expect(sim.api.get<Node>('Node', undefined, 'node-1')?.spec).not.toHaveProperty('unschedulable');
    expect(mustRun(sim, 'uncordon node-1').stdout).toBe('node/node-1 already uncordoned\n');
  });
});
