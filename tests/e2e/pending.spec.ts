// A daemon pod the scheduler cannot place: it waits on its own node's card, and the inspector
// says why in plain words, with the memory arithmetic on that node.
import { TID } from '../../src/app/testIds';
import { expect, test } from './fixtures';
import { allDaemonPodsReady } from './pages/workloads';

test.describe('a pending daemon pod', () => {
  test('shows on its target node and the inspector explains that the node lacks memory for its request', async ({
    playground: pg,
  }) => {
    await pg.setSpeed(20);
    await allDaemonPodsReady(pg);
    // fluentd requests 200Mi; this node has 150Mi in all.
    await pg.run('sim node add node-4 --memory 150Mi');
    const pending = pg.podsOn('node-4');
    await expect(pending).toHaveCount(1);
    await expect(pending).toHaveAttribute('data-phase', 'Pending');
    await expect(pending).toHaveAttribute('data-kind', 'DaemonSet');
    await expect(pg.node('node-4').locator('.res[data-resource="memory"]')).toContainText('0Mi/150Mi');

    await pending.click();
    const reason = pg.inspector.getByTestId(TID.pendingReason);
    await expect(reason).toContainText(
      'The scheduler tried all 5 nodes and none fits. It may only run on node-4',
    );
    await expect(reason).toContainText(
      'node-4 has 150Mi of allocatable memory; the pods already on it request 0Mi, leaving 150Mi. This pod requests 200Mi: more than the whole node has',
    );
    await expect(reason).toContainText('1 node has too little unrequested memory left');
    await expect(reason).toContainText("4 nodes are not this pod's node");
    await expect(reason).toContainText('Lower resources.requests');
    await expect(pg.inspector).toContainText('(target, not bound yet)');
    await pg.screenshot('pending-explained');

    // The node view says the same in the DaemonSet's verdict.
    await pg.node('node-4').click();
    await expect(pg.inspector).toContainText('is Pending');
    await expect(pg.inspector).toContainText('This pod requests 200Mi');
  });
});
