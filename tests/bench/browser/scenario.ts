// The cluster the frame benchmarks animate: `sim: cluster grow <n> --zones 3` and one DaemonSet
// rolling out with maxUnavailable 10 %, opened from a share link so no typing is timed.
import { encodeRun } from '../../../src/share/urlCodec';

export const DS_NAME = 'agent';
export const DS_NAMESPACE = 'kube-system';
export const IMAGE_V2 = 'agent:v2';

/** benchScenario is the scenario text for an `nodes`-node cluster with the one DaemonSet. */
export function benchScenario(nodes: number): string {
  return `apiVersion: playground/v1
kind: Scenario
metadata: { name: bench-${nodes} }
spec:
  title: Rolling update on ${nodes} nodes
  seed: 1
  steps:
    - sim: cluster grow ${nodes} --zones 3
---
apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ${DS_NAME}, namespace: ${DS_NAMESPACE}, labels: { app: ${DS_NAME} } }
spec:
  selector: { matchLabels: { app: ${DS_NAME} } }
  updateStrategy:
    type: RollingUpdate
    rollingUpdate: { maxUnavailable: 10% }
  template:
    metadata: { labels: { app: ${DS_NAME} } }
    spec:
      containers:
        - name: ${DS_NAME}
          image: agent:v1
          resources: { requests: { cpu: 50m, memory: 64Mi } }
`;
}

/**
 * benchLink is the share-link fragment that opens the cluster paused at `seconds` (headless, the
 * pods are all Ready 2 s after the nodes appear) and playing at `speed` once Play is pressed.
 */
export function benchLink(nodes: number, seconds: number, speed: number): string {
  return encodeRun({ text: benchScenario(nodes), log: [], time: seconds, speed });
}
