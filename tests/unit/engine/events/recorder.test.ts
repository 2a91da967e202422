import { describe, expect, it } from 'vitest';
import type { Event, Pod } from '../../../../src/engine/api/types';
import { Simulation } from '../../../../src/engine/simulation';
import { newPod } from '../../../fixtures/builders';

function podWithUid(name: string): Pod {
  const pod = newPod(name);
  pod.metadata.uid = `uid-${name}`;
  return pod;
}

const events = (sim: Simulation) => sim.api.list<Event>('Event');

describe('event recorder · what client-go’s recorder and the event correlator write', () => {
  it('raises count and lastTimestamp for an identical event on the same object, keeping firstTimestamp', () => {
    const sim = new Simulation({ seed: 1 });
    const pod = podWithUid('web');
    sim.recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', 'kubelet');
    sim.runUntil(30);
    sim.recorder.event(pod, 'Warning', 'BackOff', 'Back-off restarting failed container', 'kubelet');
    const [ev, ...rest] = events(sim);
    expect(rest).toEqual([]);
    expect(ev).toMatchObject({
      count: 2,
      firstTimestamp: '2025-01-01T00:00:00Z',
      lastTimestamp: '2025-01-01T00:00:30Z',
      involvedObject: { kind: 'Pod', namespace: 'default', name: 'web', uid: 'uid-web' },
      source: { component: 'kubelet' },
    });
    // Both occurrences stay in the log the runner prints.
    expect(sim.recorder.log).toHaveLength(2);
  });

  it.each([
    { name: 'another reason', second: ['Normal', 'Pulled', 'same text'] as const },
    { name: 'another type', second: ['Warning', 'Pulling', 'same text'] as const },
    { name: 'another message', second: ['Normal', 'Pulling', 'other text'] as const },
  ])('keeps a separate Event for $name', ({ second }) => {
    const sim = new Simulation({ seed: 1 });
    const pod = podWithUid('web');
    sim.recorder.event(pod, 'Normal', 'Pulling', 'same text', 'kubelet');
    sim.recorder.event(pod, second[0], second[1], second[2], 'kubelet');
    expect(events(sim).map((e) => e.count)).toEqual([1, 1]);
  });

  it('serves an Event by its name, and a new version after it is counted again', () => {
    const sim = new Simulation({ seed: 1 });
    const pod = podWithUid('web');
    sim.recorder.event(pod, 'Normal', 'Started', 'Started container web', 'kubelet');
    const [first] = events(sim);
    expect(sim.api.get<Event>('Event', 'default', first!.metadata.name)).toBe(first);
    sim.recorder.event(pod, 'Normal', 'Started', 'Started container web', 'kubelet');
    const again = sim.api.get<Event>('Event', 'default', first!.metadata.name);
    expect(again?.count).toBe(2);
    expect(Number(again?.metadata.resourceVersion)).toBeGreaterThan(Number(first?.metadata.resourceVersion));
    // Whoever read the first version keeps it unchanged.
    expect(first?.count).toBe(1);
  });

  it('counts per message on an object with thousands of distinct events (a DaemonSet’s SuccessfulCreate)', () => {
    const sim = new Simulation({ seed: 1 });
    const ds = podWithUid('owner');
    for (let i = 0; i < 3000; i++)
      sim.recorder.event(ds, 'Normal', 'SuccessfulCreate', `Created pod: p-${i}`, 'x');
    sim.recorder.event(ds, 'Normal', 'SuccessfulCreate', 'Created pod: p-42', 'x');
    const list = events(sim);
    expect(list).toHaveLength(3000);
    expect(list.find((e) => e.message === 'Created pod: p-42')?.count).toBe(2);
  });

  it('expires the oldest Events past 20,000 (the API server’s event TTL, as a cap), never the log', () => {
    const sim = new Simulation({ seed: 1 });
    for (let i = 0; i < 20_010; i++) {
      sim.recorder.event(podWithUid(`p-${i}`), 'Normal', 'Scheduled', `assigned p-${i}`, 'default-scheduler');
    }
    const list = events(sim);
    expect(list).toHaveLength(20_000);
    expect(list[0]?.involvedObject.name).toBe('p-10');
    expect(sim.recorder.log).toHaveLength(20_010);
    // An expired event's object starts afresh.
    sim.recorder.event(podWithUid('p-0'), 'Normal', 'Scheduled', 'assigned p-0', 'default-scheduler');
    expect(events(sim).at(-1)).toMatchObject({ count: 1, involvedObject: { name: 'p-0' } });
  });
});
