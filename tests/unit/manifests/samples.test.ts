import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatManifestError, loadManifests } from '../../../src/manifests';
import { parseScenarioDoc } from '../../../src/scenario/scenarioDoc';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/scenarios', name), 'utf8');

describe('the sample scenarios load as a real API server would accept them', () => {
  const cases = [
    {
      file: '01-logging-agent-everywhere.yaml',
      kinds: ['Node', 'Node', 'Node', 'Node', 'DaemonSet'],
      steps: 0,
    },
    { file: '02-rolling-update.yaml', kinds: ['Node', 'Node', 'Node', 'Node', 'DaemonSet'], steps: 4 },
    { file: '03-gpu-nodes-only.yaml', kinds: ['Node', 'Node', 'Node', 'DaemonSet'], steps: 5 },
    { file: '04-taints-and-cordon.yaml', kinds: ['Node', 'Node', 'Node', 'DaemonSet'], steps: 6 },
  ];
  it.each(cases)('$file loads with zero errors', ({ file, kinds, steps }) => {
    const r = loadManifests(fixture(file));
    expect(r.errors.map(formatManifestError)).toEqual([]);
    expect(r.objects.map((o) => o.object.kind)).toEqual(kinds);
    const parsed = r.scenario ? parseScenarioDoc(r.scenario) : undefined;
    expect(parsed?.errors ?? []).toEqual([]);
    expect(parsed?.scenario.steps.length ?? 0).toBe(steps);
  });
});
