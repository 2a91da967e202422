// `kubectl apply|create --validate`: cmdutil.GetValidationDirective picks the fieldValidation the
// request carries (strict by default since kubectl 1.27), and the API server answers a strict
// request with an unknown field as BadRequest "… cannot be handled as a DaemonSet: strict
// decoding error: unknown field …" (apiserver handlers/create.go, runtime.NewStrictDecodingError).
import { describe, expect, it } from 'vitest';
import type { DaemonSet } from '../../../../src/engine/api/types';
import { fluentdYaml, kubectl, newCluster } from '../helpers';

const misspelt = fluentdYaml().replace(
  '        image: fluent/fluentd:v1.14-1\n',
  '        image: fluent/fluentd:v1.14-1\n        imagePulPolicy: Always\n      toleration: [{operator: Exists}]\n',
);
const strictError =
  'Error from server (BadRequest): error when creating "STDIN": DaemonSet in version "apps/v1" cannot be handled as a DaemonSet: ' +
  'strict decoding error: unknown field "spec.template.spec.containers[0].imagePulPolicy", unknown field "spec.template.spec.toleration"\n';
const warnings =
  'Warning: unknown field "spec.template.spec.containers[0].imagePulPolicy"\nWarning: unknown field "spec.template.spec.toleration"\n';

describe('kubectl --validate on a manifest with unknown fields', () => {
  it.each([
    { verb: 'apply', flag: '', stdout: '', stderr: strictError, exitCode: 1, stored: false },
    { verb: 'apply', flag: ' --validate', stdout: '', stderr: strictError, exitCode: 1, stored: false },
    { verb: 'apply', flag: ' --validate=true', stdout: '', stderr: strictError, exitCode: 1, stored: false },
    {
      verb: 'create',
      flag: ' --validate=strict',
      stdout: '',
      stderr: strictError,
      exitCode: 1,
      stored: false,
    },
    {
      verb: 'apply',
      flag: ' --validate=warn',
      stdout: 'daemonset.apps/fluentd created\n',
      stderr: warnings,
      exitCode: 0,
      stored: true,
    },
    {
      verb: 'create',
      flag: ' --validate=warn',
      stdout: 'daemonset.apps/fluentd created\n',
      stderr: warnings,
      exitCode: 0,
      stored: true,
    },
    {
      verb: 'apply',
      flag: ' --validate=ignore',
      stdout: 'daemonset.apps/fluentd created\n',
      stderr: '',
      exitCode: 0,
      stored: true,
    },
    {
      verb: 'create',
      flag: ' --validate=false',
      stdout: 'daemonset.apps/fluentd created\n',
      stderr: '',
      exitCode: 0,
      stored: true,
    },
  ])('$verb$flag', ({ verb, flag, stdout, stderr, exitCode, stored }) => {
    const sim = newCluster({ nodes: 1 });
    const r = kubectl(sim, `${verb} -f -${flag}`, misspelt);
    expect(r).toEqual({ stdout, stderr, exitCode });
    const ds = sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd');
    expect(ds !== undefined).toBe(stored);
    // The server drops what it does not know: nothing of the misspelt fields is stored.
    if (ds) expect(JSON.stringify(ds.spec)).not.toMatch(/imagePulPolicy|toleration"/);
  });

  it('a field set twice fails strict validation as duplicate field', () => {
    const sim = newCluster({ nodes: 1 });
    const twice = fluentdYaml().replace('  name: fluentd\n', '  name: fluentd\n  name: fluentd\n');
    expect(kubectl(sim, 'create -f -', twice)).toEqual({
      stdout: '',
      stderr:
        'Error from server (BadRequest): error when creating "STDIN": DaemonSet in version "apps/v1" cannot be handled as a DaemonSet: ' +
        'strict decoding error: duplicate field "metadata.name"\n',
      exitCode: 1,
    });
  });

  it('refuses a --validate value kubectl does not know', () => {
    const sim = newCluster({ nodes: 1 });
    expect(kubectl(sim, 'apply -f - --validate=lenient', fluentdYaml())).toEqual({
      stdout: '',
      stderr:
        'error: invalid - validate option "lenient"; must be one of: strict (or true), warn, ignore (or false)\n',
      exitCode: 1,
    });
  });

  it('delete -f - reads only names, so an unknown field does not stop it', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()] });
    const r = kubectl(sim, 'delete -f -', misspelt);
    expect(r.exitCode).toBe(0);
    expect(r.stdout).toBe('daemonset.apps "fluentd" deleted\n');
  });
});
