import { describe, expect, it } from 'vitest';
import { kubectl, newCluster } from '../helpers';

describe('kubectl edit', () => {
  it('points to the YAML editor, since the console has no interactive editor', () => {
    const r = kubectl(newCluster({ nodes: 1 }), 'edit ds/fluentd');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      'error: kubectl edit needs an interactive editor, which the console does not have; open ds/fluentd in the YAML editor, change it and apply it (kubectl apply -f -)\n',
    );
  });
});
