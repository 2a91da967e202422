import { describe, expect, it } from 'vitest';
import type { DaemonSet, DaemonSetStatus, Pod } from '../../../src/engine/api/types';
import { rolloutProgress, strategyText } from '../../../src/app/panels/rolloutProgress';
import { newDaemonSet, newPod } from '../../fixtures/builders';

function ds(status: Partial<DaemonSetStatus>, strategy?: DaemonSet['spec']['updateStrategy']): DaemonSet {
  const d = newDaemonSet('fluentd', strategy ? { updateStrategy: strategy } : {});
  d.status = {
    currentNumberScheduled: 0,
    numberMisscheduled: 0,
    desiredNumberScheduled: 10,
    numberReady: 0,
    ...status,
  };
  return d;
}

function podOf(d: DaemonSet, name: string, edit: (p: Pod) => void = () => {}): Pod {
  const p = newPod(name, { nodeName: 'n1' });
  p.metadata.ownerReferences = [
    {
      apiVersion: 'apps/v1',
      kind: 'DaemonSet',
      name: d.metadata.name,
      uid: d.metadata.uid ?? '',
      controller: true,
    },
  ];
  edit(p);
  return p;
}

describe('rolloutProgress', () => {
  it('says how many of the desired nodes are updated and available', () => {
    const p = rolloutProgress(ds({ updatedNumberScheduled: 3, numberAvailable: 9 }), []);
    expect(p).toMatchObject({ phase: 'progressing', text: '3 of 10 nodes updated · 9 available' });
  });

  it('is complete when every node is updated and available', () => {
    expect(rolloutProgress(ds({ updatedNumberScheduled: 10, numberAvailable: 10 }), []).phase).toBe(
      'complete',
    );
  });

  it('calls a rollout with crash-looping pods stuck, naming the state', () => {
    const d = ds({ updatedNumberScheduled: 1, numberAvailable: 9 });
    const crashing = podOf(d, 'fluentd-x', (p) => {
      p.status = {
        phase: 'Running',
        containerStatuses: [
          {
            name: 'main',
            image: 'x',
            ready: false,
            restartCount: 3,
            state: { waiting: { reason: 'CrashLoopBackOff' } },
          },
        ],
      };
    });
    expect(rolloutProgress(d, [crashing])).toMatchObject({
      phase: 'stuck',
      note: 'stuck: 1 new pod CrashLoopBackOff, maxUnavailable reached; undo in History',
    });
  });

  it('says OnDelete waits for deletes', () => {
    const p = rolloutProgress(
      ds({ updatedNumberScheduled: 0, numberAvailable: 10 }, { type: 'OnDelete' }),
      [],
    );
    expect(p.phase).toBe('waiting-for-delete');
    expect(p.strategy).toBe('OnDelete');
  });

  it('says a pod is Pending rather than rolling out when the scheduler cannot place it', () => {
    const d = ds({ updatedNumberScheduled: 10, numberAvailable: 9 });
    const pending = podOf(d, 'fluentd-p', (p) => {
      delete p.spec.nodeName;
      p.status = { phase: 'Pending' };
    });
    expect(rolloutProgress(d, [pending]).phase).toBe('unschedulable');
  });
});

describe('strategyText', () => {
  it('fills in the apps/v1 defaults', () => {
    const d = newDaemonSet('x');
    delete d.spec.updateStrategy;
    expect(strategyText(d)).toBe('RollingUpdate · maxUnavailable 1 · maxSurge 0');
  });
});
