import { describe, expect, it } from 'vitest';
import type { Container, DaemonSet, PodSpec } from '../../../../src/engine/api/types';
import { applyDefaults } from '../../../../src/engine/apiserver/defaults';
import { formatFieldError, validateObject } from '../../../../src/engine/validation';
import { newDaemonSet } from '../../../fixtures/builders';

const T = 'spec.template.spec';

// A DaemonSet whose template spec and first container a case may change.
function dsWith(change: (spec: PodSpec, c: Container) => void): DaemonSet {
  const ds = newDaemonSet('agent');
  const c = ds.spec.template.spec.containers[0];
  if (!c) throw new Error('builder gave no container');
  change(ds.spec.template.spec, c);
  return ds;
}

function validate(ds: DaemonSet): string[] {
  return validateObject(applyDefaults(ds)).map(formatFieldError);
}

interface Case {
  name: string;
  ds: DaemonSet;
  errors: string[];
}

describe('pod template validation · containers', () => {
  const cases: Case[] = [
    {
      name: 'requires an image',
      ds: dsWith((_, c) => {
        c.image = '';
      }),
      errors: [`${T}.containers[0].image: Required value`],
    },
    {
      name: 'requires a container name',
      ds: dsWith((_, c) => {
        c.name = '';
      }),
      errors: [`${T}.containers[0].name: Required value`],
    },
    {
      name: 'rejects two containers with the same name',
      ds: dsWith((spec, c) => {
        spec.containers.push({ ...c });
      }),
      errors: [`${T}.containers[1].name: Duplicate value: "agent"`],
    },
    {
      name: 'rejects an unknown imagePullPolicy',
      ds: dsWith((_, c) => {
        c.imagePullPolicy = 'Sometimes' as Container['imagePullPolicy'];
      }),
      errors: [
        `${T}.containers[0].imagePullPolicy: Unsupported value: "Sometimes": supported values: "Always", "IfNotPresent", "Never"`,
      ],
    },
    {
      name: 'rejects a volumeMount that names no volume',
      ds: dsWith((_, c) => {
        c.volumeMounts = [{ name: 'varlog', mountPath: '/var/log' }];
      }),
      errors: [`${T}.containers[0].volumeMounts[0].name: Not found: "varlog"`],
    },
    {
      name: 'accepts a hostPath volume mounted by name',
      ds: dsWith((spec, c) => {
        spec.volumes = [{ name: 'varlog', hostPath: { path: '/var/log' } }];
        c.volumeMounts = [{ name: 'varlog', mountPath: '/var/log' }];
      }),
      errors: [],
    },
    {
      name: 'rejects the same hostPort twice in one pod',
      ds: dsWith((spec, c) => {
        c.ports = [{ containerPort: 9100, hostPort: 9100 }];
        spec.containers.push({
          name: 'sidecar',
          image: 'busybox',
          ports: [{ containerPort: 9100, hostPort: 9100 }],
        });
      }),
      errors: [`${T}.containers[1].ports[0].hostPort: Duplicate value: "TCP//9100"`],
    },
    {
      name: 'requires hostPort to equal containerPort under hostNetwork',
      ds: dsWith((spec, c) => {
        spec.hostNetwork = true;
        c.ports = [{ containerPort: 9100, hostPort: 9101 }];
      }),
      errors: [
        `${T}.containers[0].ports[0].hostPort: Invalid value: 9101: must match \`containerPort\` when \`hostNetwork\` is true`,
      ],
    },
    {
      name: 'lets a template leave hostPort unset under hostNetwork',
      ds: dsWith((spec, c) => {
        spec.hostNetwork = true;
        c.ports = [{ containerPort: 9100 }];
      }),
      errors: [],
    },
    {
      name: 'rejects a port number out of range',
      ds: dsWith((_, c) => {
        c.ports = [{ containerPort: 70000 }];
      }),
      errors: [
        `${T}.containers[0].ports[0].containerPort: Invalid value: 70000: must be between 1 and 65535, inclusive`,
      ],
    },
    {
      name: 'requires liveness successThreshold to be 1',
      ds: dsWith((_, c) => {
        c.livenessProbe = { tcpSocket: { port: 80 }, successThreshold: 2 };
      }),
      errors: [`${T}.containers[0].livenessProbe.successThreshold: Invalid value: 2: must be 1`],
    },
    {
      name: 'requires a probe to name a handler',
      ds: dsWith((_, c) => {
        c.readinessProbe = { periodSeconds: 5 };
      }),
      errors: [`${T}.containers[0].readinessProbe: Required value: must specify a handler type`],
    },
    {
      name: 'rejects a preStop sleep longer than the grace period',
      ds: dsWith((spec, c) => {
        spec.terminationGracePeriodSeconds = 10;
        c.lifecycle = { preStop: { sleep: { seconds: 20 } } };
      }),
      errors: [
        `${T}.containers[0].lifecycle.preStop.sleep: Invalid value: 20: must be non-negative and less than terminationGracePeriodSeconds (10)`,
      ],
    },
  ];
  it.each(cases)('$name', ({ ds, errors }) => {
    expect(validate(ds)).toEqual(errors);
  });
});

describe('pod template validation · resources (validateResourceRequirements)', () => {
  const res = (requests?: Record<string, string>, limits?: Record<string, string>) =>
    dsWith((_, c) => {
      c.resources = { ...(requests ? { requests } : {}), ...(limits ? { limits } : {}) };
    });
  const R = `${T}.containers[0].resources`;
  const cases: Case[] = [
    {
      name: 'accepts requests below limits for cpu and memory',
      ds: res({ cpu: '50m', memory: '100Mi' }, { cpu: '100m', memory: '200Mi' }),
      errors: [],
    },
    {
      name: 'rejects requests above limits',
      ds: res({ cpu: '2' }, { cpu: '1' }),
      errors: [`${R}.requests: Invalid value: "2": must be less than or equal to cpu limit of 1`],
    },
    {
      name: 'extended resources need requests equal to limits',
      ds: res({ 'nvidia.com/gpu': '1' }, { 'nvidia.com/gpu': '2' }),
      errors: [`${R}.requests: Invalid value: "1": must be equal to nvidia.com/gpu limit of 2`],
    },
    {
      name: 'extended resources need a limit whenever they are requested',
      ds: res({ 'nvidia.com/gpu': '1' }),
      errors: [`${R}.limits: Required value: Limit must be set for non overcommitable resources`],
    },
    {
      name: 'accepts an extended resource with only a limit',
      ds: res(undefined, { 'nvidia.com/gpu': '1' }),
      errors: [],
    },
    {
      name: 'extended resources must be whole numbers',
      ds: res({ 'nvidia.com/gpu': '500m' }, { 'nvidia.com/gpu': '500m' }),
      errors: [
        `${R}.limits[nvidia.com/gpu]: Invalid value: 500m: must be an integer`,
        `${R}.requests[nvidia.com/gpu]: Invalid value: 500m: must be an integer`,
      ],
    },
    {
      name: 'rejects a negative quantity',
      ds: res({ memory: '-1Gi' }),
      errors: [`${R}.requests[memory]: Invalid value: "-1Gi": must be greater than or equal to 0`],
    },
    {
      name: 'rejects a resource name that is not a container resource',
      ds: res({ gpu: '1' }),
      errors: [
        `${R}.requests[gpu]: Invalid value: "gpu": must be a standard resource type or fully qualified`,
      ],
    },
    {
      name: 'rejects a quantity that does not parse',
      ds: res({ cpu: 'lots' }),
      errors: [
        `${R}.requests[cpu]: Invalid value: "lots": quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      ],
    },
  ];
  it.each(cases)('$name', ({ ds, errors }) => {
    expect(validate(ds)).toEqual(errors);
  });
});

describe('pod template validation · tolerations and node affinity', () => {
  const P = `${T}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms`;
  const affinity = (...matchExpressions: { key: string; operator: string; values?: string[] }[]) =>
    dsWith((spec) => {
      spec.affinity = {
        nodeAffinity: {
          requiredDuringSchedulingIgnoredDuringExecution: {
            nodeSelectorTerms: [{ matchExpressions: matchExpressions as never }],
          },
        },
      };
    });
  const tolerations = (...t: Record<string, unknown>[]) =>
    dsWith((spec) => {
      spec.tolerations = t as never;
    });
  const cases: Case[] = [
    {
      name: 'accepts a toleration that matches every taint',
      ds: tolerations({ operator: 'Exists' }),
      errors: [],
    },
    {
      name: 'an empty toleration key needs operator Exists',
      ds: tolerations({ operator: 'Equal', value: 'x' }),
      errors: [
        `${T}.tolerations[0].operator: Invalid value: "Equal": operator must be Exists when \`key\` is empty, which means "match all values and all keys"`,
      ],
    },
    {
      name: 'operator Exists takes no value',
      ds: tolerations({ key: 'dedicated', operator: 'Exists', value: 'gpu' }),
      errors: [
        `${T}.tolerations[0].operator: Invalid value: "gpu": value must be empty when \`operator\` is 'Exists'`,
      ],
    },
    {
      name: 'tolerationSeconds needs effect NoExecute',
      ds: tolerations({ key: 'a', operator: 'Exists', effect: 'NoSchedule', tolerationSeconds: 30 }),
      errors: [
        `${T}.tolerations[0].effect: Invalid value: "NoSchedule": effect must be 'NoExecute' when \`tolerationSeconds\` is set`,
      ],
    },
    {
      name: 'rejects an unknown effect',
      ds: tolerations({ key: 'a', operator: 'Exists', effect: 'NoRun' }),
      errors: [
        `${T}.tolerations[0].effect: Unsupported value: "NoRun": supported values: "NoSchedule", "PreferNoSchedule", "NoExecute"`,
      ],
    },
    {
      name: 'rejects an unknown toleration operator',
      ds: tolerations({ key: 'a', operator: 'In' }),
      errors: [`${T}.tolerations[0].operator: Unsupported value: "In": supported values: "Equal", "Exists"`],
    },
    {
      name: 'accepts In with values',
      ds: affinity({ key: 'accelerator', operator: 'In', values: ['gpu'] }),
      errors: [],
    },
    {
      name: 'node affinity In needs values',
      ds: affinity({ key: 'accelerator', operator: 'In' }),
      errors: [
        `${P}[0].matchExpressions[0].values: Required value: must be specified when \`operator\` is 'In' or 'NotIn'`,
      ],
    },
    {
      name: 'node affinity Exists takes no values',
      ds: affinity({ key: 'accelerator', operator: 'Exists', values: ['gpu'] }),
      errors: [
        `${P}[0].matchExpressions[0].values: Forbidden: may not be specified when \`operator\` is 'Exists' or 'DoesNotExist'`,
      ],
    },
    {
      name: 'node affinity Gt takes exactly one value',
      ds: affinity({ key: 'cores', operator: 'Gt', values: ['4', '8'] }),
      errors: [
        `${P}[0].matchExpressions[0].values: Required value: must be specified single value when \`operator\` is 'Lt' or 'Gt'`,
      ],
    },
    {
      name: 'rejects an unknown node affinity operator',
      ds: affinity({ key: 'a', operator: 'Equals', values: ['b'] }),
      errors: [
        `${P}[0].matchExpressions[0].operator: Invalid value: "Equals": not a valid selector operator`,
      ],
    },
    {
      name: 'requires at least one node selector term',
      ds: dsWith((spec) => {
        spec.affinity = {
          nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [] } },
        };
      }),
      errors: [
        `${T}.affinity.nodeAffinity.requiredDuringSchedulingIgnoredDuringExecution.nodeSelectorTerms: Required value: must have at least one node selector term`,
      ],
    },
    {
      name: 'rejects a preferred term weight outside 1-100',
      ds: dsWith((spec) => {
        spec.affinity = {
          nodeAffinity: {
            preferredDuringSchedulingIgnoredDuringExecution: [
              { weight: 0, preference: { matchExpressions: [{ key: 'a', operator: 'Exists' }] } },
            ],
          },
        };
      }),
      errors: [
        `${T}.affinity.nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution[0].weight: Invalid value: 0: must be in the range 1-100`,
      ],
    },
    {
      name: 'rejects a nodeSelector label value that is not a label value',
      ds: dsWith((spec) => {
        spec.nodeSelector = { disk: 'fast ssd' };
      }),
      errors: [
        `${T}.nodeSelector: Invalid value: "fast ssd": a valid label must be an empty string or consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyValue',  or 'my_value',  or '12345', regex used for validation is '(([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9])?')`,
      ],
    },
  ];
  it.each(cases)('$name', ({ ds, errors }) => {
    expect(validate(ds)).toEqual(errors);
  });
});
