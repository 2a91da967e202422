// The one way components read the cluster: a selector over the mirror (or its paced view) through
// useSyncExternalStore, re-rendering only when the selected slice changed.
import { useState, useSyncExternalStore } from 'react';
import type { KubeObject } from '../../engine/api/types';
import type { ClusterSelector, Equality } from './clusterSelection';
import { createSelection } from './clusterSelection';
import { useAppServices } from './services';

export interface UseClusterOptions<T> {
  /**
   * Read the paced view (pacedCluster.ts): snapshots that stay put, at most four a second on a
   * big cluster. For selectors that walk the whole record; cheap lookups read the live mirror.
   */
  paced?: boolean;
  isEqual?: Equality<T>;
}

/** useCluster is the slice `selector` picks from the page's cluster (or the one provided in context). */
export function useCluster<T>(selector: ClusterSelector<T>, options: UseClusterOptions<T> = {}): T {
  const { mirror, paced } = useAppServices();
  const source = options.paced ? paced : mirror;
  const [select] = useState(createSelection<T>);
  const get = () => select(source, selector, options.isEqual);
  return useSyncExternalStore(source.subscribe, get, get);
}

const wholeRecord = (c: { objects: Readonly<Record<string, KubeObject>> }) => c.objects;

/** useObjects is the paced snapshot of every object by uid, for panels that derive from all of them. */
export function useObjects(): Readonly<Record<string, KubeObject>> {
  return useCluster(wholeRecord, { paced: true });
}
