// The worker-side facts about the inspected pod (the kubelet's retry time, the last log lines),
// fetched when the pod changes and every few simulated seconds while it is shown.
import { useEffect, useState } from 'react';
import type { Pod } from '../../engine/api/types';
import type { PodDetails } from '../../worker/protocol';
import { useAppStore } from '../store';
import { useBridge } from '../store/services';

// Log lines appear without a status write (a failing probe logs every period), so refresh on a
// beat too; five simulated seconds keeps the worker idle at 20× and the logs fresh at 1×.
const REFRESH_SECONDS = 5;

/** usePodDetails returns the latest details of `pod`, or null until the worker has answered. */
export function usePodDetails(pod: Pod): PodDetails | null {
  const { fetchPodDetails } = useBridge();
  const [details, setDetails] = useState<PodDetails | null>(null);
  const beat = useAppStore((s) => Math.floor(s.clock.time / REFRESH_SECONDS));
  const namespace = pod.metadata.namespace ?? 'default';
  const name = pod.metadata.name;
  const version = pod.metadata.resourceVersion;
  useEffect(() => {
    let live = true;
    void fetchPodDetails(namespace, name).then((d) => {
      if (live) setDetails(d);
    });
    return () => {
      live = false;
    };
  }, [fetchPodDetails, namespace, name, version, beat]);
  // An answer about an earlier pod of the same name (a replacement) is not this pod's.
  return details && details.uid === pod.metadata.uid ? details : null;
}
