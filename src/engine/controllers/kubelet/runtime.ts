// What the simulated kubelet keeps per pod: where its containers are in their life, their
// behaviour, the pending timer and the back-off state.
import type { PodBehavior } from './behavior';

export type Stage = 'creating' | 'running' | 'crashed' | 'pullBackoff' | 'exited' | 'terminating';

export interface PodRuntime {
  uid: string;
  key: string;
  node: string;
  stage: Stage;
  behavior: PodBehavior;
  timer?: number;
  /** When a batch container exits on its own (`playground/run-seconds`). */
  exitTimer?: number;
  restarts: number;
  backoff: number;
  probeSuccesses: number;
  /** An action that came due while the node's kubelet was down; it runs on recovery. */
  resume?: () => void;
}
