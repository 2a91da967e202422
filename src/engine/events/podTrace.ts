import type { Pod } from '../api/types';
import { isPodReady } from '../api/podUtil';
import type { ObjectStore } from '../apiserver/objectStore';
import type { EventQueue } from '../clock/eventQueue';
import type { VirtualClock } from '../clock/clock';
import type { Tracer } from './tracer';

function running(pod: Pod | undefined): boolean {
  return !!pod?.status?.containerStatuses?.some((c) => c.state.running);
}

function minReadySecondsOf(store: ObjectStore, pod: Pod): number {
  const ref = pod.metadata.ownerReferences?.find((r) => r.controller);
  const owner = ref ? store.getByUid(ref.uid) : undefined;
  if (owner?.kind === 'DaemonSet' || owner?.kind === 'ReplicaSet') return owner.spec.minReadySeconds ?? 0;
  return 0;
}

/**
 * tracePodLifecycles derives the pod trace from the watch stream, so every controller's writes
 * are traced the same way: created, scheduled, started, ready/unready, available (ready for the
 * owner's minReadySeconds), succeeded, failed, terminating, deleted. Evictions and scheduling failures are
 * recorded by the controllers that decide them.
 */
export function tracePodLifecycles(
  store: ObjectStore,
  queue: EventQueue,
  clock: VirtualClock,
  tracer: Tracer,
): void {
  store.watch('Pod', (e) => {
    const pod = e.object as Pod;
    const old = e.old as Pod | undefined;
    if (e.type === 'ADDED') {
      tracer.record(pod, 'created');
      if (pod.spec.nodeName) tracer.record(pod, 'scheduled');
      return;
    }
    if (e.type === 'DELETED') {
      tracer.record(pod, 'deleted');
      return;
    }
    if (!old) return;
    if (!old.spec.nodeName && pod.spec.nodeName) tracer.record(pod, 'scheduled');
    if (!running(old) && running(pod)) tracer.record(pod, 'started');
    const wasReady = isPodReady(old);
    const isReady = isPodReady(pod);
    if (!wasReady && isReady) {
      tracer.record(pod, 'ready');
      const minReady = minReadySecondsOf(store, pod);
      if (minReady <= 0) tracer.record(pod, 'available');
      else {
        const readySince = clock.now();
        queue.schedule(readySince + minReady, `trace-available:${pod.metadata.uid}`, () => {
          const now = store.getByUid(pod.metadata.uid ?? '') as Pod | undefined;
          const cond = now?.status?.conditions?.find((c) => c.type === 'Ready');
          if (
            now &&
            isPodReady(now) &&
            cond?.lastTransitionTime ===
              pod.status?.conditions?.find((c) => c.type === 'Ready')?.lastTransitionTime
          ) {
            tracer.record(now, 'available');
          }
        });
      }
    } else if (wasReady && !isReady) tracer.record(pod, 'unready');
    if (old.status?.phase !== 'Succeeded' && pod.status?.phase === 'Succeeded')
      tracer.record(pod, 'succeeded');
    if (old.status?.phase !== 'Failed' && pod.status?.phase === 'Failed') tracer.record(pod, 'failed');
    if (!old.metadata.deletionTimestamp && pod.metadata.deletionTimestamp) tracer.record(pod, 'terminating');
  });
}
