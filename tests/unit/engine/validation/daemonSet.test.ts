import { describe, expect, it } from 'vitest';
import type { DaemonSet, IntOrString } from '../../../../src/engine/api/types';
import { applyDefaults } from '../../../../src/engine/apiserver/defaults';
import { formatFieldError, validateObject } from '../../../../src/engine/validation';
import { newDaemonSet } from '../../../fixtures/builders';

// validate defaults then validates, as the API server does on a create (or an update from `old`).
function validate(ds: DaemonSet, old?: DaemonSet): string[] {
  return validateObject(applyDefaults(ds), old && applyDefaults(old)).map(formatFieldError);
}

function withStrategy(rollingUpdate: { maxUnavailable?: IntOrString; maxSurge?: IntOrString }): DaemonSet {
  return newDaemonSet('ds', { updateStrategy: { type: 'RollingUpdate', rollingUpdate } });
}

describe('DaemonSet validation · pod template', () => {
  const cases: { name: string; ds: () => DaemonSet; errors: string[] }[] = [
    { name: 'accepts a plain DaemonSet', ds: () => newDaemonSet('fluentd'), errors: [] },
    {
      // pkg/apis/apps/validation: ValidateDaemonSetSpec, "RestartPolicy has already been first-order validated".
      name: 'rejects a DaemonSet whose restartPolicy is OnFailure, as the API server does',
      ds: () => {
        const ds = newDaemonSet('fluentd');
        ds.spec.template.spec.restartPolicy = 'OnFailure';
        return ds;
      },
      errors: [
        'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
      ],
    },
    {
      name: 'rejects restartPolicy Never the same way',
      ds: () => {
        const ds = newDaemonSet('fluentd');
        ds.spec.template.spec.restartPolicy = 'Never';
        return ds;
      },
      errors: ['spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"'],
    },
    {
      name: 'defaults a missing restartPolicy to Always, which is accepted',
      ds: () => {
        const ds = newDaemonSet('fluentd');
        delete ds.spec.template.spec.restartPolicy;
        return ds;
      },
      errors: [],
    },
    {
      name: 'rejects a selector that does not match the template labels',
      ds: () => {
        const ds = newDaemonSet('fluentd');
        ds.spec.template.metadata = { labels: { app: 'b' } };
        return ds;
      },
      errors: [
        'spec.template.metadata.labels: Invalid value: {"app":"b"}: `selector` does not match template `labels`',
      ],
    },
    {
      name: 'rejects an empty selector, which would select every pod',
      ds: () => {
        const ds = newDaemonSet('fluentd');
        ds.spec.selector = {};
        return ds;
      },
      errors: ['spec.selector: Invalid value: {}: empty selector is invalid for daemonset'],
    },
    {
      name: 'accepts a matchExpressions selector that selects the template',
      ds: () => {
        const ds = newDaemonSet('fluentd');
        ds.spec.selector = { matchExpressions: [{ key: 'app', operator: 'In', values: ['fluentd', 'x'] }] };
        return ds;
      },
      errors: [],
    },
    {
      name: 'rejects a template without containers',
      ds: () => {
        const ds = newDaemonSet('fluentd');
        ds.spec.template.spec.containers = [];
        return ds;
      },
      errors: ['spec.template.spec.containers: Required value'],
    },
    {
      name: 'rejects activeDeadlineSeconds, which would kill a daemon',
      ds: () => {
        const ds = newDaemonSet('fluentd');
        (ds.spec.template.spec as { activeDeadlineSeconds?: number }).activeDeadlineSeconds = 60;
        return ds;
      },
      errors: [
        'spec.template.spec.activeDeadlineSeconds: Forbidden: activeDeadlineSeconds in DaemonSet is not Supported',
      ],
    },
    {
      name: 'rejects a negative minReadySeconds',
      ds: () => newDaemonSet('fluentd', { minReadySeconds: -1 }),
      errors: ['spec.minReadySeconds: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'rejects a name that is not a DNS subdomain',
      ds: () => newDaemonSet('Fluentd'),
      errors: [
        `metadata.name: Invalid value: "Fluentd": a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character (e.g. 'example.com', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*')`,
        `spec.template.spec.containers[0].name: Invalid value: "Fluentd": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')`,
      ],
    },
  ];
  it.each(cases)('$name', ({ ds, errors }) => {
    expect(validate(ds())).toEqual(errors);
  });
});

describe('DaemonSet validation · update strategy (ValidateRollingUpdateDaemonSet)', () => {
  const cases: { name: string; ds: () => DaemonSet; errors: string[] }[] = [
    {
      name: 'defaults to RollingUpdate with maxUnavailable 1 and maxSurge 0',
      ds: () => withStrategy({}),
      errors: [],
    },
    {
      name: 'maxSurge and maxUnavailable may not both be zero',
      ds: () => withStrategy({ maxUnavailable: 0, maxSurge: 0 }),
      errors: [
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
      ],
    },
    {
      name: 'treats 0% like 0 when both are zero',
      ds: () => withStrategy({ maxUnavailable: '0%', maxSurge: 0 }),
      errors: [
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
      ],
    },
    {
      // A surge-only rollout must also say maxUnavailable: 0, because maxUnavailable defaults to 1.
      name: 'rejects maxSurge alone, since maxUnavailable then defaults to 1',
      ds: () => withStrategy({ maxSurge: 1 }),
      errors: [
        'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
      ],
    },
    {
      name: 'accepts maxSurge with maxUnavailable 0 (DaemonSets surge since 1.22)',
      ds: () => withStrategy({ maxSurge: '25%', maxUnavailable: 0 }),
      errors: [],
    },
    {
      name: 'rejects a percentage above 100%',
      ds: () => withStrategy({ maxUnavailable: '110%' }),
      errors: [
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: 110%: must not be greater than 100%',
      ],
    },
    {
      // -1 also counts as "non-zero" in the exactly-one check, so upstream reports both.
      name: 'rejects a negative maxUnavailable',
      ds: () => withStrategy({ maxUnavailable: -1, maxSurge: 1 }),
      errors: [
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: -1: must be greater than or equal to 0',
        'spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: 1: may not be set when maxUnavailable is non-zero',
      ],
    },
    {
      name: 'rejects a string that is not a percentage',
      ds: () => withStrategy({ maxUnavailable: 'one' }),
      errors: [
        "spec.updateStrategy.rollingUpdate.maxUnavailable: Invalid value: one: a valid percent string must be a numeric string followed by an ending '%' (e.g. '1%',  or '93%', regex used for validation is '[0-9]+%')",
        'spec.updateStrategy.rollingUpdate.maxUnavailable: Required value: cannot be 0 when maxSurge is 0',
      ],
    },
    {
      name: 'accepts OnDelete without rollingUpdate',
      ds: () => newDaemonSet('ds', { updateStrategy: { type: 'OnDelete' } }),
      errors: [],
    },
    {
      name: 'rejects an unknown strategy type',
      ds: () => newDaemonSet('ds', { updateStrategy: { type: 'Recreate' as 'OnDelete' } }),
      errors: [
        'spec.updateStrategy: Unsupported value: {"type":"Recreate"}: supported values: "RollingUpdate", "OnDelete"',
      ],
    },
  ];
  it.each(cases)('$name', ({ ds, errors }) => {
    expect(validate(ds())).toEqual(errors);
  });
});

describe('DaemonSet validation · update (ValidateDaemonSetUpdate and apps/v1 strategy)', () => {
  it('selector is immutable on update', () => {
    const old = newDaemonSet('fluentd');
    const next = newDaemonSet('fluentd', { labels: { app: 'other' } });
    expect(validate(next, old)).toEqual([
      'spec.selector: Invalid value: {"matchLabels":{"app":"other"}}: field is immutable',
    ]);
  });

  it('allows changing the template image and the update strategy', () => {
    const old = newDaemonSet('fluentd');
    const next = newDaemonSet('fluentd', {
      image: 'fluent/fluentd:v1.15',
      updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 1 } },
    });
    expect(validate(next, old)).toEqual([]);
  });

  it('the name may not change', () => {
    const old = newDaemonSet('fluentd');
    const next = newDaemonSet('fluentd');
    next.metadata.name = 'fluentd-2';
    expect(validate(next, old)).toEqual(['metadata.name: Invalid value: "fluentd-2": field is immutable']);
  });
});
