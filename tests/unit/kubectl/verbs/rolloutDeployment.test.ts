import { describe, expect, it } from 'vitest';
import type { Deployment, ReplicaSet } from '../../../../src/engine/api/types';
import type { Simulation } from '../../../../src/engine/simulation';
import { deploymentRevisions } from '../../../../src/kubectl/util/deploymentRevisions';
import { deploymentYaml, kubectl, mustRun, newCluster } from '../helpers';

function fresh(): Simulation {
  return newCluster({ nodes: 2, manifests: [deploymentYaml()], until: 30 });
}

/** rolled is `web` after `set image` to nginx:1.26 at 30s, rolled out by 120s. */
function rolled(): Simulation {
  const sim = fresh();
  mustRun(sim, 'set image deploy/web nginx=nginx:1.26');
  sim.runUntil(120);
  return sim;
}

const web = (sim: Simulation) => sim.api.get<Deployment>('Deployment', 'default', 'web') as Deployment;
const imageOf = (sim: Simulation) => web(sim).spec.template.spec.containers[0]?.image;
const replicaSets = (sim: Simulation) =>
  sim.api
    .list<ReplicaSet>('ReplicaSet', 'default')
    .sort((a, b) => (a.metadata.creationTimestamp ?? '').localeCompare(b.metadata.creationTimestamp ?? ''));

describe('kubectl get deployments, replicasets', () => {
  it('prints NAME READY UP-TO-DATE AVAILABLE AGE and NAME DESIRED CURRENT READY AGE', () => {
    const sim = rolled();
    const [old, current] = replicaSets(sim).map((rs) => rs.metadata.name);
    expect(mustRun(sim, 'get deploy').stdout).toBe(
      'NAME   READY   UP-TO-DATE   AVAILABLE   AGE\nweb    3/3     3            3           2m\n',
    );
    expect(mustRun(sim, 'get rs').stdout).toBe(
      'NAME             DESIRED   CURRENT   READY   AGE\n' +
        `${old}   0         0         0       2m\n` +
        `${current}   3         3         3       90s\n`,
    );
    expect(old).toMatch(/^web-[a-z0-9]+$/);
  });
});

describe('kubectl rollout history deployment', () => {
  it('lists one revision per ReplicaSet, the current one last', () => {
    expect(mustRun(fresh(), 'rollout history deployment/web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n',
    );
    const sim = rolled();
    mustRun(sim, 'annotate deploy/web kubernetes.io/change-cause="image 1.26"');
    expect(mustRun(sim, 'rollout history deploy web').stdout).toBe(
      'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         image 1.26\n\n',
    );
  });

  it('shows the ReplicaSet’s pod template, pod-template-hash included, for --revision', () => {
    const sim = rolled();
    const [old] = replicaSets(sim);
    const out = mustRun(sim, 'rollout history deploy/web --revision=1').stdout;
    expect(out).toMatch(
      new RegExp(
        `^deployment\\.apps/web with revision #1\\nPod Template:\\n  Labels:  app=web\\n {11}pod-template-hash=${old?.metadata.labels?.['pod-template-hash']}\\n`,
      ),
    );
    expect(out).toContain('    Image:      nginx:1.25\n');
    expect(kubectl(sim, 'rollout history deploy/web --revision=3').stderr).toBe(
      'error: unable to find the specified revision\n',
    );
  });

  it('numbers ReplicaSets by their deployment.kubernetes.io/revision annotation when they all have one', () => {
    const sim = rolled();
    const [old, current] = replicaSets(sim);
    for (const [rs, revision] of [
      [old, '4'],
      [current, '7'],
    ] as const) {
      if (rs)
        sim.api.mutate(
          rs,
          (r) => (r.metadata.annotations = { 'deployment.kubernetes.io/revision': revision }),
        );
    }
    expect(deploymentRevisions(sim, web(sim)).map((r) => r.revision)).toEqual([4, 7]);
    expect(mustRun(sim, 'rollout history deploy/web').stdout).toContain(
      '4         <none>\n7         <none>\n',
    );
  });
});

describe('kubectl rollout undo deployment', () => {
  it('copies the previous ReplicaSet’s template back without its pod-template-hash', () => {
    const sim = rolled();
    expect(mustRun(sim, 'rollout undo deploy/web').stdout).toBe('deployment.apps/web rolled back\n');
    expect(imageOf(sim)).toBe('nginx:1.25');
    expect(web(sim).spec.template.metadata?.labels).toEqual({ app: 'web' });
    sim.runUntil(240);
    // The ReplicaSet rolled back to becomes the latest revision, as the controller renumbers it.
    const [first, second] = deploymentRevisions(sim, web(sim));
    expect(first?.replicaSet.spec.template.spec.containers[0]?.image).toBe('nginx:1.26');
    expect(second?.replicaSet.spec.template.spec.containers[0]?.image).toBe('nginx:1.25');
    expect(mustRun(sim, 'rollout undo deploy/web --to-revision=2').stdout).toBe(
      'deployment.apps/web skipped rollback (current template already matches revision 2)\n',
    );
  });

  it('prints the template it would restore with --dry-run=client and changes nothing', () => {
    const sim = rolled();
    const out = mustRun(sim, 'rollout undo deploy/web --dry-run=client').stdout;
    expect(out).toMatch(/^deployment\.apps\/web Pod Template:\n {2}Labels: {2}app=web\n/);
    expect(out).toContain('    Image:      nginx:1.25\n');
    expect(imageOf(sim)).toBe('nginx:1.26');
  });

  it.each([
    {
      name: 'a fresh Deployment',
      sim: fresh,
      line: 'rollout undo deploy/web',
      want: 'no rollout history found for deployment "web"',
    },
    {
      name: 'a revision that does not exist',
      sim: rolled,
      line: 'rollout undo deploy/web --to-revision=5',
      want: 'unable to find specified revision 5 in history',
    },
    {
      name: 'a negative revision',
      sim: rolled,
      line: 'rollout undo deploy/web --to-revision=-1',
      want: 'unable to find specified revision -1 in history',
    },
  ])('refuses $name', ({ sim, line, want }) => {
    expect(kubectl(sim(), line)).toEqual({ stdout: '', stderr: `error: ${want}\n`, exitCode: 1 });
  });
});

describe('kubectl rollout pause, resume, restart deployment', () => {
  it('sets and clears spec.paused, and refuses to do either twice', () => {
    const sim = fresh();
    expect(mustRun(sim, 'rollout pause deploy/web').stdout).toBe('deployment.apps/web paused\n');
    expect((web(sim).spec as { paused?: boolean }).paused).toBe(true);
    expect(kubectl(sim, 'rollout pause deploy/web').stderr).toBe(
      'error: deployments.apps "web" is already paused\n',
    );
    expect(mustRun(sim, 'rollout resume deploy/web').stdout).toBe('deployment.apps/web resumed\n');
    expect('paused' in web(sim).spec).toBe(false);
    expect(kubectl(sim, 'rollout resume deploy/web').stderr).toBe(
      'error: deployments.apps "web" is not paused\n',
    );
  });

  it.each([
    {
      name: 'restart',
      line: 'rollout restart deploy/web',
      want: 'error: deployments.apps "web" can\'t restart paused deployment (run rollout resume first)\n',
    },
    {
      name: 'undo',
      line: 'rollout undo deploy/web',
      want: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n",
    },
  ])('refuses to $name a paused Deployment', ({ line, want }) => {
    const sim = rolled();
    mustRun(sim, 'rollout pause deploy/web');
    expect(kubectl(sim, line)).toEqual({ stdout: '', stderr: want, exitCode: 1 });
  });

  it('holds a paused rollout: a new image makes no ReplicaSet until resume, then rolls out', () => {
    const sim = fresh();
    mustRun(sim, 'rollout pause deploy/web');
    mustRun(sim, 'set image deploy/web nginx=nginx:1.26');
    sim.runUntil(120);
    expect(replicaSets(sim)).toHaveLength(1);
    expect(web(sim).status).toMatchObject({ replicas: 3, updatedReplicas: 0, availableReplicas: 3 });
    mustRun(sim, 'rollout resume deploy/web');
    sim.runUntil(240);
    expect(replicaSets(sim).map((rs) => rs.spec.replicas)).toEqual([0, 3]);
    expect(web(sim).status).toMatchObject({ updatedReplicas: 3, availableReplicas: 3 });
  });

  it('still scales a paused Deployment (sync, not rolloutRolling)', () => {
    const sim = fresh();
    mustRun(sim, 'rollout pause deploy/web');
    mustRun(sim, 'scale deploy/web --replicas=5');
    sim.runUntil(120);
    expect(replicaSets(sim).map((rs) => rs.spec.replicas)).toEqual([5]);
    expect(web(sim).status).toMatchObject({ replicas: 5, availableReplicas: 5 });
  });

  it('restarts by stamping the pod template, which rolls out a new ReplicaSet', () => {
    const sim = fresh();
    expect(mustRun(sim, 'rollout restart deploy/web').stdout).toBe('deployment.apps/web restarted\n');
    expect(web(sim).spec.template.metadata?.annotations).toEqual({
      'kubectl.kubernetes.io/restartedAt': '2025-01-01T00:00:30Z',
    });
    sim.runUntil(120);
    expect(deploymentRevisions(sim, web(sim))).toHaveLength(2);
  });
});
