import { describe, expect, it } from 'vitest';
import { formatManifestError, loadManifests } from '../../../src/manifests';
import { parseScenarioDoc } from '../../../src/scenario/scenarioDoc';

function parse(stepsYaml: string, extraSpec = '') {
  const text = `apiVersion: playground/v1
kind: Scenario
metadata:
  name: demo
spec:
  title: Demo
${extraSpec}  steps:
${stepsYaml}`;
  const loaded = loadManifests(text);
  if (!loaded.scenario) throw new Error(loaded.errors.map(formatManifestError).join('\n'));
  const parsed = parseScenarioDoc(loaded.scenario);
  return {
    steps: parsed.scenario.steps,
    scenario: parsed.scenario,
    errors: parsed.errors.map(formatManifestError),
  };
}

describe('Scenario steps (SCENARIO-FORMAT.md §2)', () => {
  const cases = [
    {
      name: 'a wait for a duration',
      yaml: '  - wait: 30s\n',
      steps: [{ kind: 'wait', seconds: 30, line: 8 }],
    },
    {
      name: 'a wait for a rollout, with its namespace',
      yaml: '  - wait: rollout daemonset/fluentd -n kube-system\n',
      steps: [{ kind: 'waitRollout', target: 'daemonset/fluentd', namespace: 'kube-system', line: 8 }],
    },
    {
      name: 'a wait until ready, with --namespace=',
      yaml: '  - wait: ready ds/node-exporter --namespace=monitoring\n',
      steps: [{ kind: 'waitReady', target: 'ds/node-exporter', namespace: 'monitoring', line: 8 }],
    },
    {
      name: 'a kubectl command',
      yaml: '  - kubectl: taint nodes node-2 dedicated=logging:NoSchedule\n',
      steps: [{ kind: 'kubectl', command: 'taint nodes node-2 dedicated=logging:NoSchedule', line: 8 }],
    },
    {
      name: 'kubectl apply -f - with its manifest beside it',
      yaml: '  - kubectl: apply -f -\n    manifest: |\n      apiVersion: v1\n      kind: Node\n      metadata: {name: n9}\n',
      steps: [
        {
          kind: 'kubectl',
          command: 'apply -f -',
          manifest: 'apiVersion: v1\nkind: Node\nmetadata: {name: n9}\n',
          line: 8,
        },
      ],
    },
    {
      name: 'a manifest written as inline YAML',
      yaml: '  - kubectl: apply -f -\n    manifest:\n      apiVersion: v1\n      kind: Node\n      metadata: {name: n9}\n',
      steps: [
        {
          kind: 'kubectl',
          command: 'apply -f -',
          manifest: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n9\n',
          line: 8,
        },
      ],
    },
    {
      name: 'a sim action',
      yaml: '  - sim: node fail node-3\n',
      steps: [{ kind: 'sim', action: 'node fail node-3', line: 8 }],
    },
  ];
  it.each(cases)('reads $name', ({ yaml, steps }) => {
    const r = parse(yaml);
    expect(r.errors).toEqual([]);
    expect(r.steps).toEqual(steps);
  });

  const errors = [
    {
      name: 'rejects an unknown step key with its position',
      yaml: '  - wiat: 30s\n',
      errors: [
        'document 1, line 8:5: spec.steps[0].wiat: unknown field "wiat": a step is exactly one of kubectl:, sim: or wait:',
      ],
    },
    {
      name: 'rejects a step that is two things at once',
      yaml: '  - sim: node add n4\n    wait: 10s\n',
      errors: [
        'document 1, line 9:5: spec.steps[0].wait: a step is exactly one of kubectl:, sim: or wait:, not both sim: and wait:',
      ],
    },
    {
      name: 'rejects a duration without a unit',
      yaml: '  - wait: 30\n',
      errors: ['document 1, line 8:11: spec.steps[0].wait: time: missing unit in duration "30"'],
    },
    {
      name: 'rejects a rollout wait without TYPE/NAME',
      yaml: '  - wait: rollout fluentd\n',
      errors: [
        'document 1, line 8:11: spec.steps[0].wait: wait: rollout needs TYPE/NAME, e.g. wait: rollout daemonset/fluentd -n kube-system',
      ],
    },
    {
      name: 'rejects apply -f - without a manifest',
      yaml: '  - kubectl: apply -f -\n',
      errors: [
        'document 1, line 8:14: spec.steps[0].kubectl: "apply -f -" reads a manifest: put it in manifest: beside kubectl:',
      ],
    },
    {
      name: 'rejects a manifest beside a command that does not read it',
      yaml: '  - kubectl: get pods\n    manifest: "x: y"\n',
      errors: [
        'document 1, line 9:15: spec.steps[0].manifest: manifest: is only read by a kubectl command with -f -',
      ],
    },
    {
      name: 'rejects a manifest beside sim:',
      yaml: '  - sim: node add n4\n    manifest: "x: y"\n',
      errors: ['document 1, line 9:15: spec.steps[0].manifest: manifest: goes beside kubectl: apply -f -'],
    },
    {
      name: 'rejects an empty kubectl command',
      yaml: '  - kubectl: ""\n',
      errors: ['document 1, line 8:14: spec.steps[0].kubectl: kubectl: must be a non-empty string'],
    },
  ];
  it.each(errors)('$name', ({ yaml, errors: expected }) => {
    expect(parse(yaml).errors).toEqual(expected);
  });

  it('keeps reading the steps after a bad one', () => {
    const r = parse('  - wait: 1d\n  - wait: 2m\n');
    expect(r.steps).toEqual([{ kind: 'wait', seconds: 120, line: 9 }]);
    expect(r.errors).toHaveLength(1);
  });
});

describe('Scenario document fields', () => {
  it('reads name, title, description and seed', () => {
    const r = parse('  - wait: 1s\n', '  description: |\n    Markdown.\n  seed: 42\n');
    expect(r.errors).toEqual([]);
    expect(r.scenario).toMatchObject({ name: 'demo', title: 'Demo', description: 'Markdown.\n', seed: 42 });
  });

  it('keeps fields the format does not name (a later lessons block) without complaint', () => {
    const r = parse('  - wait: 1s\n', '  lessons:\n  - title: Taints\n    tasks: [{check: x}]\n');
    expect(r.errors).toEqual([]);
    const loaded = loadManifests(
      `apiVersion: playground/v1\nkind: Scenario\nmetadata: {name: s}\nspec:\n  lessons: [{title: T}]\n`,
    );
    expect((loaded.scenario?.object.spec as { lessons?: unknown }).lessons).toEqual([{ title: 'T' }]);
  });

  it('rejects a seed that is not an integer', () => {
    expect(parse('  - wait: 1s\n', '  seed: "abc"\n').errors).toEqual([
      'document 1, line 7:9: spec.seed: Invalid value: "abc": must be an integer',
    ]);
  });

  it('falls back to the name when there is no title, and allows no steps', () => {
    const loaded = loadManifests(
      'apiVersion: playground/v1\nkind: Scenario\nmetadata: {name: quiet}\nspec: {}\n',
    );
    const r = loaded.scenario ? parseScenarioDoc(loaded.scenario) : undefined;
    expect(r?.errors).toEqual([]);
    expect(r?.scenario).toEqual({ name: 'quiet', title: 'quiet', description: '', steps: [] });
  });
});
