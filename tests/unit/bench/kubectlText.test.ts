import { describe, expect, it } from 'vitest';
import { lastDaemonSetRow } from '../../bench/browser/kubectlText';
import { benchLink, benchScenario, DS_NAME } from '../../bench/browser/scenario';
import { runHeadless } from '../../../src/scenario/headless';
import { decodeRun } from '../../../src/share/urlCodec';

const TABLE = `$ kubectl get ds agent -n kube-system
NAME    DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE
agent   1000      1000      870     400          870         <none>          14s`;

describe('reading kubectl get ds in the console', () => {
  it('reads the DaemonSet row', () => {
    expect(lastDaemonSetRow(TABLE, 'agent')).toEqual({
      desired: 1000,
      current: 1000,
      ready: 870,
      upToDate: 400,
      available: 870,
    });
  });

  it('takes the last row when the console holds several answers', () => {
    const later = TABLE.replace('870     400          870', '1000    1000         1000');
    expect(lastDaemonSetRow(`${TABLE}\n${later}`, 'agent')).toMatchObject({ ready: 1000, upToDate: 1000 });
  });

  it('matches the whole name only, and answers undefined without a row', () => {
    expect(lastDaemonSetRow(TABLE.replace(/^agent/m, 'agent-2'), 'agent')).toBeUndefined();
    expect(lastDaemonSetRow('Error from server (NotFound): daemonsets.apps "agent" not found', 'agent')).toBe(
      undefined,
    );
  });
});

describe('the bench scenario', () => {
  it('grows the cluster and brings the DaemonSet up on every node, headless', () => {
    const result = runHeadless(benchScenario(30), { until: '10s' });
    if (!result.ok) throw new Error(result.errors.join('\n'));
    const ds = result.report.daemonSets.find((d) => d.name === DS_NAME)!;
    expect(result.report.nodes).toHaveLength(30);
    expect(ds.status).toMatchObject({ desiredNumberScheduled: 30, numberReady: 30, numberAvailable: 30 });
  });

  it('travels as a share link that opens paused at the given time and speed', () => {
    const decoded = decodeRun(benchLink(30, 10, 5));
    expect(decoded).toEqual({ ok: true, run: { text: benchScenario(30), log: [], time: 10, speed: 5 } });
  });
});
