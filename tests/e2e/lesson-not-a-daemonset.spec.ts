// Lesson 8 played in the browser: a web shop moved from a DaemonSet to a Deployment, two workers
// added from the grid and the console, the tutorial's kube-bench DaemonSet refused by the API
// server and then looping, and one Job per worker. Check my work and each prediction's reveal are
// read on the way; the screenshots are taken at a workshop laptop's size.
import { GalleryLesson } from './pages/GalleryLesson';
import { expect, test } from './fixtures';

const SHOP = `apiVersion: apps/v1
kind: Deployment
metadata: { name: shop }
spec:
  replicas: 3
  selector: { matchLabels: { app: shop } }
  template:
    metadata: { labels: { app: shop } }
    spec:
      containers:
        - name: nginx
          image: nginx:1.27
`;

const benchDaemonSet = (restartPolicy: string) => `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: kube-bench }
spec:
  selector: { matchLabels: { app: kube-bench } }
  template:
    metadata: { labels: { app: kube-bench } }
    spec:
      hostPID: true
${restartPolicy}      containers:
        - name: kube-bench
          image: aquasec/kube-bench:v0.10.1
          command: [kube-bench, run, --targets, node]
`;

const JOBS = ['node-1', 'node-2', 'node-3', 'node-4']
  .map(
    (node) => `apiVersion: batch/v1
kind: Job
metadata: { name: kube-bench-${node} }
spec:
  template:
    spec:
      nodeName: ${node}
      restartPolicy: Never
      containers:
        - name: kube-bench
          image: aquasec/kube-bench:v0.10.1
`,
  )
  .join('---\n');

test.describe('lesson 8: when not to use a DaemonSet', () => {
  test.use({ viewport: { width: 1366, height: 768 } });

  test('a Deployment for the shop, two workers, the refused kube-bench DaemonSet, then a Job per worker', async ({
    playground: pg,
    page,
  }) => {
    // Four tasks, five editor pastes and a few simulated minutes: more than one default timeout.
    test.slow();
    const g = new GalleryLesson(pg);
    await g.open('lesson-not-a-daemonset');
    await expect(g.progress).toHaveText('0 / 4');
    await expect(pg.editor).not.toContainText('kind: Scenario');
    await expect(g.predict).toContainText('kubectl scale ds shop --replicas=3');
    await pg.screenshot('lesson8-question');
    await pg.setSpeed(20);

    // Task 1: scale is refused; Check my work names what is left to do.
    await g.predictAnswer(2);
    await pg.run('kubectl scale ds shop --replicas=3');
    await expect(pg.consoleOutput).toContainText('the server could not find the requested resource');
    await g.checkWork.click();
    await expect(g.checkResult).toHaveAttribute('data-state', 'unmet');
    await expect(g.checkResult).toContainText(
      'a DaemonSet still runs the shop, one pod per worker; delete it',
    );
    await pg.screenshot('lesson8-check-my-work');
    await pg.setEditorText(SHOP);
    await pg.applyEditor();
    await pg.run('kubectl delete ds shop');
    await expect(g.progress).toHaveText('1 / 4', { timeout: 30_000 });

    // Task 2: the prediction, then two workers, one from "+ Add node", one from the console.
    await g.predictAnswer(1);
    await page.getByTestId('add-node').click();
    await expect(pg.nodeDialog).toBeVisible();
    await pg.nodeDialog.getByLabel('Name').fill('node-3');
    await pg.nodeDialog.getByRole('button', { name: 'Run' }).click();
    await expect(pg.node('node-3')).toBeVisible();
    await pg.run('sim node add node-4');
    await expect(g.progress).toHaveText('2 / 4', { timeout: 30_000 });
    await g.lesson.getByRole('button', { name: /Add two workers/ }).click();
    await expect(g.reveal).toHaveAttribute('data-right', 'true');
    await expect(g.reveal).toContainText("A DaemonSet's size is the cluster's");

    // Task 3: the tutorial's DaemonSet is refused on its line; without restartPolicy it loops.
    await g.lesson.getByRole('button', { name: /Try the tutorial/ }).click();
    await g.predictAnswer(2);
    await pg.setEditorText(benchDaemonSet('      restartPolicy: OnFailure\n'));
    await pg.applyEditor();
    await expect(pg.editorErrors).toContainText('Unsupported value: "OnFailure": supported values: "Always"');
    await pg.screenshot('lesson8-rejected');
    await pg.setEditorText(benchDaemonSet(''));
    await pg.applyEditor();
    await expect(g.progress).toHaveText('3 / 4', { timeout: 60_000 });
    await pg.run('kubectl get pods -l app=kube-bench');
    await expect(pg.consoleOutput).toContainText(/kube-bench-\w+\s+\S+\s+(CrashLoopBackOff|Running)\s+[1-9]/);

    // Task 4: the DaemonSet goes, a Job per worker comes and completes.
    await g.predictAnswer(2);
    await pg.run('kubectl delete ds kube-bench');
    await pg.setEditorText(JOBS);
    await pg.applyEditor();
    await expect(g.progress).toHaveText('4 / 4', { timeout: 60_000 });
    await expect(pg.grid.locator('[data-pod][data-phase="Completed"]')).toHaveCount(4);
    await pg.run('kubectl get jobs');
    await expect(pg.consoleOutput).toContainText(/kube-bench-node-4\s+Complete\s+1\/1/);
    await pg.screenshot('lesson8-done');
  });
});
