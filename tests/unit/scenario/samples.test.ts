import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runHeadless } from '../../../src/scenario/headless';
import type { RunReport } from '../../../src/scenario/report';

const fixture = (name: string) => readFileSync(join(__dirname, '../../fixtures/scenarios', name), 'utf8');

function run(name: string): RunReport {
  const result = runHeadless(fixture(name));
  if (!result.ok) throw new Error(result.errors.join('\n'));
  return result.report;
}

const podNodes = (r: RunReport, ds: string) =>
  r.pods
    .filter((p) => p.owner?.endsWith(`/${ds}`) && !p.terminating)
    .map((p) => p.node)
    .sort();

describe('sample scenarios run headless to the outcome their comments state', () => {
  it('01: a logging agent runs on every node, the control plane included', () => {
    const r = run('01-logging-agent-everywhere.yaml');
    expect(podNodes(r, 'fluentd-logging')).toEqual(['control-plane-1', 'worker-1', 'worker-2', 'worker-3']);
    expect(r.pods.every((p) => p.ready && p.phase === 'Running')).toBe(true);
    expect(r.daemonSets[0]!.status).toMatchObject({
      desiredNumberScheduled: 4,
      numberReady: 4,
      numberMisscheduled: 0,
    });
  });

  it('02: a rolling update ends with every pod on the new image, never two nodes without an available pod', () => {
    const r = run('02-rolling-update.yaml');
    expect(r.pods).toHaveLength(4);
    expect(r.pods.every((p) => p.images[0] === 'fluent/fluentd:v1.15-1' && p.ready)).toBe(true);
    expect(r.daemonSets[0]).toMatchObject({ currentRevision: 2 });
    const rolloutStart = r.steps.find((s) => s.step.startsWith('kubectl: set image'))!.t;
    // Replay the trace: which pods are available on which node, and the worst moment.
    const available = new Map<string, string>();
    let worst = 0;
    r.trace.forEach((e, i) => {
      if (e.event === 'available') available.set(e.pod, e.node!);
      if (['unready', 'terminating', 'deleted', 'evicted'].includes(e.event)) available.delete(e.pod);
      // Judge each instant once all of its entries are in.
      const next = r.trace[i + 1];
      if (e.t < rolloutStart || (next && next.t === e.t)) return;
      const covered = new Set(available.values());
      worst = Math.max(worst, r.nodes.filter((n) => !covered.has(n.name)).length);
    });
    expect(worst).toBe(1);
    expect(r.steps.at(-1)!.output).toMatch(/REVISION\s+CHANGE-CAUSE\n1\s+<none>\n2\s+<none>/);
  });

  it('03: only GPU nodes get the GPU monitor; a new GPU node gets one, a relabelled node loses it', () => {
    const r = run('03-gpu-nodes-only.yaml');
    expect(podNodes(r, 'gpu-monitor')).toEqual(['gpu-2', 'gpu-3']);
    const createdOn = r.trace.filter((e) => e.event === 'scheduled').map((e) => e.node);
    expect(createdOn).not.toContain('cpu-1');
    expect(createdOn).toEqual(expect.arrayContaining(['gpu-1', 'gpu-2', 'gpu-3']));
    const deleted = r.trace.filter((e) => e.event === 'deleted').map((e) => e.node);
    expect(deleted).toEqual(['gpu-1']);
    expect(r.steps.every((s) => s.ok)).toBe(true);
  });

  it('04: cordon keeps the pod, NoSchedule keeps it, NoExecute evicts it, a NoSchedule-tainted new node gets none', () => {
    const r = run('04-taints-and-cordon.yaml');
    expect(podNodes(r, 'node-exporter')).toEqual(['node-a', 'node-b']);
    expect(r.trace.filter((e) => e.event === 'evicted').map((e) => e.node)).toEqual(['node-c']);
    expect(r.trace.some((e) => e.node === 'node-d')).toBe(false);
    expect(r.daemonSets[0]!.status).toMatchObject({
      desiredNumberScheduled: 1,
      currentNumberScheduled: 1,
      numberMisscheduled: 1,
    });
  });
});

describe('sim cluster grow', () => {
  it('adds nodes across zones and pools in one step, each getting its daemon pod', () => {
    const text = `${fixture('01-logging-agent-everywhere.yaml')}\n---\napiVersion: playground/v1\nkind: Scenario\nmetadata: {name: grow}\nspec:\n  steps:\n    - sim: cluster grow 60 --zones 3\n    - wait: 30s\n`;
    const result = runHeadless(text);
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const r = result.report;
    expect(r.nodes).toHaveLength(64);
    const zones = new Set(r.nodes.map((n) => n.labels['topology.kubernetes.io/zone']).filter(Boolean));
    expect([...zones].sort()).toEqual(['zone-a', 'zone-b', 'zone-c']);
    const pools = new Set(r.nodes.map((n) => n.labels['pool']).filter(Boolean));
    expect([...pools].sort()).toEqual(['general', 'gpu', 'highmem']);
    expect(r.daemonSets[0]!.status).toMatchObject({ desiredNumberScheduled: 64, numberReady: 64 });
  });
});
