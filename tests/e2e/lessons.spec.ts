// The lessons as a learner meets them in the browser: a task that ticks whatever node was added,
// Check my work in plain words, a node menu that does not give the answer away, a prediction
// before the action, the lesson kept out of the editor, and a finished run's proof link.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { encodeRun } from '../../src/share/urlCodec';
import { GalleryLesson } from './pages/GalleryLesson';
import { Playground } from './pages/Playground';
import { expect, test } from './fixtures';

const TOLERATE_CONTROL_PLANE =
  `kubectl patch ds fluentd -n kube-system --type json -p ` +
  `'[{"op":"add","path":"/spec/template/spec/tolerations","value":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}]}]'`;

test.describe('lessons: correct work is never rejected', () => {
  test('lesson 1 task 2 ticks after "+ Add node"; Check my work names the pod still on node-3', async ({
    playground: pg,
    page,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('lesson-first-daemonset');
    await pg.setSpeed(20);
    await pg.run(TOLERATE_CONTROL_PLANE);
    await expect(g.progress).toHaveText('1 / 3', { timeout: 20_000 });

    await page.getByTestId('add-node').click();
    await expect(pg.nodeDialog).toBeVisible();
    await pg.nodeDialog.getByLabel('Name').fill('node-4');
    await pg.nodeDialog.getByRole('button', { name: 'Run' }).click();
    await expect(pg.node('node-4')).toBeVisible();

    await g.checkWork.click();
    await expect(g.checkResult).toHaveAttribute('data-state', 'unmet');
    await expect(g.checkResult).toContainText(/fluentd still runs on node-3 \(pod\/fluentd-\w+\)/);
    await pg.screenshot('lesson-check-my-work');

    await pg.run('kubectl taint node node-3 tenant=acme:NoExecute');
    await expect(g.progress).toHaveText('2 / 3', { timeout: 20_000 });
  });

  test("during a lesson the node menu's Drain prints the plain command, which drain refuses", async ({
    playground: pg,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('lesson-node-maintenance');
    await pg.node('node-2').click({ button: 'right' });
    await expect(pg.nodeMenu).toBeVisible();
    const drain = pg.nodeMenu.getByRole('menuitem', { name: /Drain/ });
    await expect(drain.locator('code')).toHaveText('kubectl drain node-2');
    await drain.click();
    await expect(pg.consoleOutput).toContainText('use --ignore-daemonsets to ignore');
    await expect(g.progress).toHaveText('1 / 3');
  });

  test('the editor shows the cluster only; Source shows teachers the whole lesson', async ({
    playground: pg,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('lesson-node-maintenance');
    await expect(pg.editor).toContainText('kind: Node');
    await expect(pg.editor).not.toContainText('kind: Scenario');
    await g.source.click();
    await expect(g.sourceText).toHaveValue(/hints:[\s\S]*kubectl drain node-2/);
  });
});

test.describe('lessons: troubleshooting, rolling out, system daemons', () => {
  // The screenshots are looked at at the size of a workshop laptop.
  test.use({ viewport: { width: 1366, height: 768 } });

  test('lesson 6: describe ds shows the selector that leaves node-3 out; a label ticks the first task', async ({
    playground: pg,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('lesson-troubleshooting');
    await expect(g.progress).toHaveText('0 / 6');
    await pg.setSpeed(20);
    // Once the agents have started, Check my work names the nodes node-exporter runs on.
    await expect(async () => {
      await g.checkWork.click();
      await expect(g.checkResult).toContainText(
        /node-exporter runs on node-[12] node-[12]; it should run on every node/,
        { timeout: 1_000 },
      );
    }).toPass({ timeout: 20_000 });
    await pg.run('kubectl describe ds node-exporter -n monitoring');
    await expect(pg.consoleOutput).toContainText('monitoring=enabled');
    await pg.screenshot('lesson-troubleshooting');
    await pg.run('kubectl label node node-3 monitoring=enabled');
    await expect(g.progress).toHaveText('1 / 6', { timeout: 20_000 });
  });

  for (const [name, tasks] of [
    ['lesson-rolling-out', 4],
    ['lesson-system-daemons', 5],
  ] as const) {
    test(`${name} opens at its first question, its cluster alone in the editor`, async ({
      playground: pg,
    }) => {
      const g = new GalleryLesson(pg);
      await g.open(name);
      await expect(g.progress).toHaveText(`0 / ${tasks}`);
      await expect(pg.editor).toContainText('kind: Node');
      await expect(pg.editor).not.toContainText('kind: Scenario');
      await pg.screenshot(name);
    });
  }
});

test.describe('lessons: links made before the lesson left the editor', () => {
  test('a #v1: link carrying the whole lesson and no editor text opens the lesson, its editor the cluster only', async ({
    playground: pg,
    page,
  }) => {
    const text = readFileSync(
      join(import.meta.dirname, '../../src/scenario/gallery/lesson-node-maintenance.yaml'),
      'utf8',
    );
    await page.goto(
      './' + encodeRun({ text, log: [{ t: 2, line: 'kubectl cordon node-2' }], time: 5, speed: 1 }),
    );
    const g = new GalleryLesson(pg);
    await expect(g.progress).toHaveText('1 / 3');
    await expect(pg.editor).toContainText('kind: Node');
    await expect(pg.editor).not.toContainText('kind: Scenario');
  });
});

test.describe('lessons: predict, then watch', () => {
  test('the question comes first, the task follows, and the answer is revealed when it passes', async ({
    playground: pg,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('lesson-taints-tolerations');
    await pg.setSpeed(20);
    await expect(g.predict).toContainText('What happens to the log-agent pod');
    // Nothing to do, and nothing to check, before the prediction.
    await expect(g.checkWork).toHaveCount(0);
    await g.predictAnswer(2);
    await expect(pg.consoleOutput).toContainText('Your prediction: It keeps running');
    await pg.run('kubectl taint node node-1 dedicated=db:NoSchedule');
    await expect(g.progress).toHaveText('1 / 4');
    await g.lesson.getByRole('button', { name: /Dedicate node-1/ }).click();
    await expect(g.reveal).toHaveAttribute('data-right', 'true');
    await expect(g.reveal).toContainText('NoSchedule is checked only when a pod is placed');
    await pg.screenshot('lesson-predict-revealed');
  });
});

test.describe('lessons: proof of completion', () => {
  test('a finished lesson offers a link whose replay shows the same ticks; Restart asks first', async ({
    playground: pg,
    page,
    context,
  }) => {
    const g = new GalleryLesson(pg);
    await g.open('lesson-node-maintenance');
    await pg.setSpeed(20);
    await pg.run('kubectl cordon node-2');
    await pg.run('kubectl drain node-2 --ignore-daemonsets');
    await expect(g.progress).toHaveText('2 / 3', { timeout: 20_000 });
    await pg.run(`kubectl patch node node-2 -p '{"spec":{"unschedulable":false}}'`);
    await expect(g.progress).toHaveText('3 / 3');
    await g.proof.click();
    const url = await g.proofUrl.inputValue();
    // A lesson of the gallery travels by name: a short link with only the learner's commands.
    expect(url).toMatch(/#v2:lesson-node-maintenance\./);

    const teacher = await context.newPage();
    await teacher.goto(url);
    const replay = new GalleryLesson(new Playground(teacher));
    await expect(replay.progress).toHaveText('3 / 3', { timeout: 20_000 });
    await expect(replay.lesson.locator('[data-passed="true"]')).toHaveCount(3);
    await teacher.close();

    // Restart discards the ticks: it asks, and a "no" keeps them.
    const asked: string[] = [];
    page.once('dialog', (d) => {
      asked.push(d.message());
      void d.dismiss();
    });
    await page.getByTestId('restart').click();
    await expect.poll(() => asked.length).toBe(1);
    expect(asked[0]).toContain('3 of 3 tasks done');
    await expect(g.progress).toHaveText('3 / 3');
    page.once('dialog', (d) => void d.accept());
    await page.getByTestId('restart').click();
    await expect(g.progress).toHaveText('0 / 3');
  });
});
