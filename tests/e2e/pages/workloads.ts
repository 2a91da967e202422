// Helpers the rollout, workload, failure, drain and pending specs share: a Deployment beside the
// default scenario's DaemonSet (added through the editor, as a user would), and waits on the grid.
import { expect } from '@playwright/test';
import { DEFAULT_SCENARIO } from '../../../src/app/defaultScenario';
import type { Playground } from './Playground';

/**
 * webDeployment is a small Deployment that requests cpu (it shows on the resource bars) but no
 * memory: BestEffort for memory, so node-pressure eviction picks its pods before a daemon pod.
 */
export function webDeployment(replicas: number): string {
  return `---
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: default
spec:
  replicas: ${replicas}
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
          resources:
            requests: { cpu: 250m }
`;
}

/** addDeployment appends the Deployment to the default scenario in the editor and applies it. */
export async function addDeployment(pg: Playground, replicas: number): Promise<void> {
  await pg.setEditorText(`${DEFAULT_SCENARIO}${webDeployment(replicas)}`);
  await pg.applyEditor();
  await expect(pg.consoleOutput).toContainText('deployment.apps/web created');
  await expect(pg.grid.locator('[data-kind="Deployment"][data-ready="true"]')).toHaveCount(replicas, {
    timeout: 20_000,
  });
}

/** allDaemonPodsReady waits until every node's fluentd pod is ready. */
export async function allDaemonPodsReady(pg: Playground, nodes = 4): Promise<void> {
  await expect(pg.grid.locator('[data-kind="DaemonSet"][data-ready="true"]')).toHaveCount(nodes, {
    timeout: 20_000,
  });
}

/** advance lets at least `seconds` of simulated time pass at the current speed. */
export async function advance(pg: Playground, seconds: number, timeout = 30_000): Promise<void> {
  const t0 = await pg.seconds();
  await expect.poll(() => pg.seconds(), { timeout }).toBeGreaterThanOrEqual(t0 + seconds);
}
