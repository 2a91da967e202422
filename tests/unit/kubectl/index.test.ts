import { describe, expect, it } from 'vitest';
import { runKubectl } from '../../../src/kubectl/index';
import { fluentdYaml, newCluster } from './helpers';

describe('runKubectl', () => {
  const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 5 });

  it.each([
    '',
    '   ',
    'get',
    'get -o',
    "get 'unterminated",
    'describe',
    'label',
    'taint',
    'rollout status',
    'set image',
    'patch ds fluentd -p {',
    'delete',
    'apply -f - -f -',
    'get pods -o jsonpath={range}',
    'get pods -l "a in ("',
    'get --sort-by={.x[',
    '-- get pods',
  ])('never throws for user input: %j', (line) => {
    const r = runKubectl(sim, line);
    expect([0, 1]).toContain(r.exitCode);
    expect(r.stderr).not.toMatch(/TypeError|undefined is not/);
  });

  it('reads standard input only for -f -', () => {
    expect(runKubectl(sim, 'apply -f manifest.yaml').stderr).toBe(
      'error: the path "manifest.yaml" does not exist (the playground reads manifests from the editor: use -f -)\n',
    );
  });
});
