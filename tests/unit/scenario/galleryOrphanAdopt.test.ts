// The orphan-and-adopt gallery scenario, run headless, does what its description promises:
// --cascade=orphan leaves the pods running with no owner, and the DaemonSet applied again adopts
// them (controller_ref_manager.go ClaimPods): same names and uids, zero restarts, all up to date.
import { describe, expect, it } from 'vitest';
import { runGallery } from './galleryFiles';

const step = (r: ReturnType<typeof runGallery>, prefix: string, nth = 0) => {
  const found = r.steps.filter((s) => s.step.startsWith(prefix))[nth];
  if (!found) throw new Error(`no step ${prefix}`);
  return found;
};

/** rows reads a custom-columns table into its data rows, split on runs of spaces. */
const rows = (output: string) =>
  output
    .trim()
    .split('\n')
    .slice(1)
    .map((line) => line.split(/\s+/));

describe('orphan-and-adopt', () => {
  it('keeps the pods running without an owner after delete --cascade=orphan', () => {
    const r = runGallery('orphan-and-adopt', '20s');
    expect(r.daemonSets).toEqual([]);
    expect(r.pods).toHaveLength(3);
    expect(r.pods.every((p) => p.owner === null && p.phase === 'Running' && p.ready && !p.terminating)).toBe(
      true,
    );
    expect(step(r, 'kubectl: delete ds').output).toBe('daemonset.apps "fluentd" deleted');
    expect(rows(step(r, 'kubectl: get pods', 1).output ?? '').map((c) => c.slice(1))).toEqual([
      ['<none>', '0'],
      ['<none>', '0'],
      ['<none>', '0'],
    ]);
    expect(r.trace.filter((e) => e.event === 'terminating' || e.event === 'deleted')).toEqual([]);
  });

  it('adopts them when the DaemonSet is applied again: same names and uids, no restart, all up to date', () => {
    const r = runGallery('orphan-and-adopt');
    const before = rows(step(r, 'kubectl: get pods', 0).output ?? '').map(([name, uid]) => [name, uid]);
    const after = rows(step(r, 'kubectl: get pods', 2).output ?? '');
    expect(after.map(([name, uid]) => [name, uid])).toEqual(before);
    expect(after.map((c) => c.slice(2))).toEqual([
      ['DaemonSet', '0'],
      ['DaemonSet', '0'],
      ['DaemonSet', '0'],
    ]);
    expect(r.daemonSets[0]?.status).toMatchObject({
      desiredNumberScheduled: 3,
      updatedNumberScheduled: 3,
      numberAvailable: 3,
    });
    // The controller created nothing after the first three pods, and deleted nothing.
    const creates = r.events.filter((e) => e.reason === 'SuccessfulCreate');
    expect(creates).toHaveLength(3);
    expect(r.events.filter((e) => e.reason === 'SuccessfulDelete' || e.reason === 'Killing')).toEqual([]);
  });
});
