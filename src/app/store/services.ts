// The page's composition root for what lives outside React beside the store: the cluster mirror,
// its paced view and the engine bridge, made once here over the page's store (index.ts).
// Components take them from context, so a test can provide a fresh set (createAppServices).
import { createContext, useContext } from 'react';
import type { ClusterMirror, ClusterSource } from './clusterMirror';
import { createClusterMirror } from './clusterMirror';
import type { AppStore } from './createAppStore';
import type { Bridge, BridgeDeps } from './engineBridge';
import { createBridge } from './engineBridge';
import { appStore } from './index';
import { createPacedCluster } from './pacedCluster';
import type { Timers } from './pacedCluster';

export interface AppServices {
  mirror: ClusterMirror;
  /** The mirror at a reader's pace: snapshots, at most four a second on a big cluster. */
  paced: ClusterSource;
  bridge: Bridge;
}

/** createAppServices wires a fresh mirror, paced view and bridge to `store`. */
export function createAppServices(
  store: AppStore,
  opts: Omit<BridgeDeps, 'store' | 'mirror'> & { timers?: Timers } = {},
): AppServices {
  const mirror = createClusterMirror();
  const { timers, ...bridgeDeps } = opts;
  return {
    mirror,
    paced: createPacedCluster(mirror, timers),
    bridge: createBridge({ store, mirror, ...bridgeDeps }),
  };
}

/** appServices is the page's one set; modules outside React (link opening, seeking) use it directly. */
export const appServices = createAppServices(appStore);

/** AppServicesContext provides the services to components: the page's unless a test provides its own. */
export const AppServicesContext = createContext<AppServices>(appServices);

export function useAppServices(): AppServices {
  return useContext(AppServicesContext);
}

/** useBridge is the bridge the component's actions go through. */
export function useBridge(): Bridge {
  return useContext(AppServicesContext).bridge;
}
