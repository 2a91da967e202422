// A StatefulSet typed into the editor: its pods get the ordinal names web-0, web-1, web-2 and
// appear one at a time (OrderedReady: each once the one before it is Running and Ready); the
// inspector says what the set waits for; `kubectl get sts` ends at 3/3.
import { DEFAULT_SCENARIO } from '../../src/app/defaultScenario';
import { TID } from '../../src/app/testIds';
import { expect, test } from './fixtures';

const WEB = `apiVersion: apps/v1
kind: StatefulSet
metadata:
  name: web
spec:
  serviceName: nginx
  replicas: 3
  selector:
    matchLabels: { app: nginx }
  template:
    metadata:
      labels: { app: nginx }
      annotations: { playground/startup-seconds: '20' }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
---
`;

test.describe('StatefulSets', () => {
  test('a StatefulSet applied from the editor creates web-0, web-1, web-2 in order, each after the last is ready', async ({
    playground: pg,
  }) => {
    const marker = '---\napiVersion: playground/v1\nkind: Scenario';
    expect(DEFAULT_SCENARIO).toContain(marker);
    await pg.setSpeed(1);
    await pg.setEditorText(DEFAULT_SCENARIO.replace(marker, `---\n${WEB}${marker.slice(4)}`));
    await pg.applyEditor();
    await expect(pg.consoleOutput).toContainText('statefulset.apps/web created', { timeout: 15_000 });

    const chip = (name: string) => pg.grid.locator(`[data-pod="${name}"]`);
    // web-0 starts (20 s start-up); web-1 does not exist while web-0 is not ready.
    await expect(chip('web-0')).toHaveCount(1, { timeout: 15_000 });
    await pg.pauseAndReadClock();
    await expect(chip('web-0')).toHaveAttribute('data-ready', 'false');
    await expect(chip('web-1')).toHaveCount(0);
    await chip('web-0').click();
    await expect(pg.inspector.getByTestId(TID.statefulSetWait)).toContainText(
      'web-1 is not created yet: with podManagementPolicy OrderedReady, StatefulSet web creates the next ordinal only once web-0 is Running and Ready.',
    );

    await pg.play.click();
    await pg.setSpeed(20);
    for (const name of ['web-0', 'web-1', 'web-2'])
      await expect(chip(name)).toHaveAttribute('data-ready', 'true', { timeout: 30_000 });
    await pg.run('kubectl get sts web');
    await expect(pg.consoleOutput).toContainText(/web\s+3\/3/);
    await pg.run('kubectl get pods -l app=nginx');
    await expect(pg.consoleOutput).toContainText(/web-2\s+1\/1\s+Running/);
    await pg.screenshot('statefulset-ordered');
  });
});
