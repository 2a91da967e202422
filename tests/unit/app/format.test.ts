import { describe, expect, it } from 'vitest';
import { formatAge, formatClock, formatDuration } from '../../../src/app/model/format';
import { filterEvents, reasonsOf } from '../../../src/app/panels/eventFilter';
import type { FeedEvent } from '../../../src/worker/protocol';

describe('clock and ages', () => {
  it.each([
    [0, 't = 0s'],
    [59.9, 't = 59s'],
    [92, 't = 1m32s'],
    [3725, 't = 1h02m05s'],
  ])('shows %f s as %s', (s, text) => {
    expect(formatClock(s)).toBe(text);
  });

  it('never shows a negative duration', () => {
    expect(formatDuration(-3)).toBe('0s');
  });

  it.each([
    [12, '12s'],
    [303, '5m3s'],
    [2520, '42m'],
    [11100, '3h5m'],
    [187200, '2d4h'],
  ])('prints an age of %i s as %s, like kubectl', (s, text) => {
    expect(formatAge(s)).toBe(text);
  });
});

describe('events feed filter', () => {
  const ev = (t: number, type: 'Normal' | 'Warning', reason: string, object: string): FeedEvent => ({
    t,
    type,
    reason,
    object,
    message: '',
    source: 'x',
  });
  const events = [
    ev(1, 'Normal', 'SuccessfulCreate', 'DaemonSet/kube-system/fluentd'),
    ev(2, 'Normal', 'Scheduled', 'Pod/kube-system/fluentd-abc'),
    ev(3, 'Warning', 'NodeNotReady', 'Node/node-2'),
  ];

  it('filters by type, reason and object text, newest first', () => {
    expect(filterEvents(events, { type: 'all', reason: '', object: '' }).map((e) => e.t)).toEqual([3, 2, 1]);
    expect(filterEvents(events, { type: 'Warning', reason: '', object: '' }).map((e) => e.t)).toEqual([3]);
    expect(filterEvents(events, { type: 'all', reason: 'Scheduled', object: '' }).map((e) => e.t)).toEqual([
      2,
    ]);
    expect(filterEvents(events, { type: 'all', reason: '', object: 'FLUENTD' }).map((e) => e.t)).toEqual([
      2, 1,
    ]);
  });

  it('stops at the limit', () => {
    expect(filterEvents(events, { type: 'all', reason: '', object: '' }, 2)).toHaveLength(2);
  });

  it('lists distinct reasons, sorted', () => {
    expect(reasonsOf(events)).toEqual(['NodeNotReady', 'Scheduled', 'SuccessfulCreate']);
  });
});
