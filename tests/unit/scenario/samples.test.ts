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
  r.pods.filter((p) => p.owner?.endsWith(`/${ds}`) && !p.terminating).map((p) => p.node).sort();

describe('sample scenarios run headless to the outcome their comments state', () => {
  it('01: a logging agent runs on every node, the control plane included', () => {
    const r = run('01-logging-agent-everywhere.yaml');
    expect(podNodes(r, 'fluentd-logging')).toEqual(['control-plane-1', 'worker-1', 'worker-2', 'worker-3']);
    expect(r.pods.every((p) => p.ready && p.phase === 'Running')).toBe(true);
    expect(r.daemonSets[0]!.status).toMatchObject({ desiredNumberScheduled: 4, numberReady: 4, numberMisscheduled: 0 });
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
    expect(r.daemonSets[0]!.status).toMatchObject({ desiredNumberScheduled: 1, currentNumberScheduled: 1, numberMisscheduled: 1 });
  });
});
