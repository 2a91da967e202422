import { describe, expect, it } from 'vitest';
import type { Deployment, KubeObject, PriorityClass } from '../../../../src/engine/api/types';
import { applyDefaults } from '../../../../src/engine/apiserver/defaults';
import { formatFieldError, validateObject } from '../../../../src/engine/validation';
import { newDaemonSet, newNode, newPod } from '../../../fixtures/builders';

function validate(obj: KubeObject, old?: KubeObject): string[] {
  return validateObject(applyDefaults(obj), old && applyDefaults(old)).map(formatFieldError);
}

function newDeployment(name: string, change: (d: Deployment) => void = () => {}): Deployment {
  const ds = newDaemonSet(name);
  const d: Deployment = {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name, namespace: 'default' },
    spec: { replicas: 2, selector: ds.spec.selector, template: ds.spec.template },
  };
  change(d);
  return d;
}

function priorityClass(
  name: string,
  value: number,
  change: (pc: PriorityClass) => void = () => {},
): PriorityClass {
  const pc: PriorityClass = {
    apiVersion: 'scheduling.k8s.io/v1',
    kind: 'PriorityClass',
    metadata: { name },
    value,
  };
  change(pc);
  return pc;
}

interface Case {
  name: string;
  obj: () => KubeObject;
  old?: () => KubeObject;
  errors: string[];
}

describe('Node validation (ValidateNode, ValidateNodeUpdate)', () => {
  const cases: Case[] = [
    {
      name: 'accepts a node with taints and resources',
      obj: () => newNode('n1', { taints: [{ key: 'dedicated', value: 'gpu', effect: 'NoSchedule' }] }),
      errors: [],
    },
    {
      // Upstream passes the metadata path to validateNodeTaints, so taints are reported under metadata.
      name: 'reports a bad taint effect under metadata.taints, as upstream does',
      obj: () => newNode('n1', { taints: [{ key: 'a', effect: 'NoSchedul' as 'NoSchedule' }] }),
      errors: [
        'metadata.taints[0].effect: Unsupported value: "NoSchedul": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"',
      ],
    },
    {
      name: 'rejects two taints with the same key and effect',
      obj: () =>
        newNode('n1', {
          taints: [
            { key: 'a', value: 'x', effect: 'NoSchedule' },
            { key: 'a', value: 'y', effect: 'NoSchedule' },
          ],
        }),
      errors: [
        'metadata.taints[1]: Duplicate value: {"key":"a","value":"y","effect":"NoSchedule"}: taints must be unique by key and effect pair',
      ],
    },
    {
      name: 'rejects a negative capacity',
      obj: () => newNode('n1', { capacity: { cpu: '-1' } }),
      errors: ['status.capacity.cpu: Invalid value: "-1": must be greater than or equal to 0'],
    },
    {
      name: 'a node is cluster-scoped: a namespace is dropped before validation',
      obj: () => {
        const n = newNode('n1');
        n.metadata.namespace = 'default';
        return n;
      },
      errors: [],
    },
    {
      name: 'providerID may not change once set',
      old: () => {
        const n = newNode('n1');
        n.spec.providerID = 'kind://a';
        return n;
      },
      obj: () => {
        const n = newNode('n1');
        n.spec.providerID = 'kind://b';
        return n;
      },
      errors: ['spec.providerID: Forbidden: node updates may not change providerID except from "" to valid'],
    },
    {
      name: 'cordon and taint are ordinary node updates',
      old: () => newNode('n1'),
      obj: () => newNode('n1', { unschedulable: true, taints: [{ key: 'k', effect: 'NoExecute' }] }),
      errors: [],
    },
  ];
  it.each(cases)('$name', ({ obj, old, errors }) => {
    expect(validate(obj(), old?.())).toEqual(errors);
  });
});

describe('Pod validation (ValidatePodCreate, ValidatePodUpdate)', () => {
  const cases: Case[] = [
    { name: 'accepts a bare pod', obj: () => newPod('p'), errors: [] },
    {
      name: 'a pod may use restartPolicy OnFailure (only controllers require Always)',
      obj: () => {
        const p = newPod('p');
        p.spec.restartPolicy = 'OnFailure';
        return p;
      },
      errors: [],
    },
    {
      name: 'rejects an image with surrounding whitespace',
      obj: () => {
        const p = newPod('p');
        const c = p.spec.containers[0];
        if (c) c.image = ' nginx';
        return p;
      },
      errors: [
        'spec.containers[0].image: Invalid value: " nginx": must not have leading or trailing whitespace',
      ],
    },
    {
      name: 'an update may change a container image',
      old: () => newPod('p'),
      obj: () => {
        const p = newPod('p');
        const c = p.spec.containers[0];
        if (c) c.image = 'nginx:1.27';
        return p;
      },
      errors: [],
    },
    {
      name: 'an update may not change other spec fields',
      old: () => newPod('p'),
      obj: () => {
        const p = newPod('p');
        p.spec.nodeSelector = { disk: 'ssd' };
        return p;
      },
      errors: [
        'spec: Forbidden: pod updates may not change fields other than `spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,`spec.tolerations` (only additions to existing tolerations),`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)',
      ],
    },
  ];
  it.each(cases)('$name', ({ obj, old, errors }) => {
    expect(validate(obj(), old?.())).toEqual(errors);
  });
});

describe('Deployment validation (ValidateDeploymentSpec)', () => {
  const cases: Case[] = [
    { name: 'accepts a deployment with the defaults', obj: () => newDeployment('web'), errors: [] },
    {
      name: 'maxSurge and maxUnavailable may not both be zero',
      obj: () =>
        newDeployment('web', (d) => {
          d.spec.strategy = { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: 0, maxSurge: 0 } };
        }),
      errors: [
        'spec.strategy.rollingUpdate.maxUnavailable: Invalid value: 0: may not be 0 when `maxSurge` is 0',
      ],
    },
    {
      name: 'requires a selector',
      obj: () =>
        newDeployment('web', (d) => {
          delete (d.spec as { selector?: unknown }).selector;
        }),
      errors: ['spec.selector: Required value'],
    },
    {
      name: 'rejects negative replicas',
      obj: () =>
        newDeployment('web', (d) => {
          d.spec.replicas = -1;
        }),
      errors: ['spec.replicas: Invalid value: -1: must be greater than or equal to 0'],
    },
    {
      name: 'Recreate may not carry rollingUpdate',
      obj: () =>
        newDeployment('web', (d) => {
          d.spec.strategy = { type: 'Recreate', rollingUpdate: { maxSurge: 1 } };
        }),
      errors: [
        "spec.strategy.rollingUpdate: Forbidden: may not be specified when strategy `type` is 'Recreate'",
      ],
    },
    {
      name: 'selector is immutable on update',
      old: () => newDeployment('web'),
      obj: () =>
        newDeployment('web', (d) => {
          d.spec.selector = { matchLabels: { app: 'web2' } };
          d.spec.template.metadata = { labels: { app: 'web2' } };
        }),
      errors: ['spec.selector: Invalid value: {"matchLabels":{"app":"web2"}}: field is immutable'],
    },
  ];
  it.each(cases)('$name', ({ obj, old, errors }) => {
    expect(validate(obj(), old?.())).toEqual(errors);
  });
});

describe('PriorityClass validation (pkg/apis/scheduling/validation)', () => {
  const cases: Case[] = [
    { name: 'accepts a user priority class', obj: () => priorityClass('high', 1000), errors: [] },
    {
      name: 'accepts the built-in system-node-critical as it is',
      obj: () => priorityClass('system-node-critical', 2000001000),
      errors: [],
    },
    {
      name: 'reserves the system- prefix',
      obj: () => priorityClass('system-mine', 5),
      errors: [
        "metadata.name: Forbidden: priority class names with 'system-' prefix are reserved for system use only. error: system-mine is not a known system priority class",
      ],
    },
    {
      name: 'caps user priorities at one billion',
      obj: () => priorityClass('huge', 1_000_000_001),
      errors: ['value: Forbidden: maximum allowed value of a user defined priority is 1000000000'],
    },
    {
      name: 'value may not change in an update',
      old: () => priorityClass('high', 1000),
      obj: () => priorityClass('high', 2000),
      errors: ['value: Forbidden: may not be changed in an update.'],
    },
  ];
  it.each(cases)('$name', ({ obj, old, errors }) => {
    expect(validate(obj(), old?.())).toEqual(errors);
  });
});
