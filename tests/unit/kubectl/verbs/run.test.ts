// `kubectl run` as cmd/run/run.go builds its bare Pod (createPod) and validates its flags.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/engine/api/types';
import { kubectl, mustRun, newCluster } from '../helpers';

describe('kubectl run --dry-run=client prints the Pod createPod builds', () => {
  const sim = newCluster({ nodes: 1 });
  it.each([
    [
      'a pod labelled run=NAME, restartPolicy Always',
      'run web --image=nginx --dry-run=client -o yaml',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: web\n  name: web\nspec:\n  containers:\n  - image: nginx\n    name: web\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    ],
    [
      'labels, env, port, restart and args after --',
      'run t --image=busybox --restart=Never --labels=a=b,c=d --env=A=1 --env=B=2 --port=80 --dry-run=client -o yaml -- sleep 3600',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    a: b\n    c: d\n  name: t\nspec:\n  containers:\n  - args:\n    - sleep\n    - "3600"\n    env:\n    - name: A\n      value: "1"\n    - name: B\n      value: "2"\n    image: busybox\n    name: t\n    ports:\n    - containerPort: 80\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Never\nstatus: {}\n',
    ],
    [
      'the words as the command with --command',
      'run t --image=busybox --command --dry-run=client -o yaml -- echo a',
      'apiVersion: v1\nkind: Pod\nmetadata:\n  creationTimestamp: null\n  labels:\n    run: t\n  name: t\nspec:\n  containers:\n  - command:\n    - echo\n    - a\n    image: busybox\n    name: t\n    resources: {}\n  dnsPolicy: ClusterFirst\n  restartPolicy: Always\nstatus: {}\n',
    ],
    ['a name', 'run web --image=nginx --dry-run=client -o name', 'pod/web\n'],
    ['created (dry run)', 'run web --image=nginx --dry-run=client', 'pod/web created (dry run)\n'],
  ])('%s', (_, line, stdout) => {
    expect(kubectl(sim, line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });
});

describe('kubectl run refuses as kubectl does', () => {
  const sim = newCluster({ nodes: 1 });
  it.each([
    [
      'no name',
      'run --image=x',
      "error: NAME is required for run\nSee 'kubectl run -h' for help and examples\n",
    ],
    ['no --image', 'run t', 'error: required flag(s) "image" not set\n'],
    [
      'an unknown restart policy',
      'run t --image=x --restart=Bad',
      'error: invalid restart policy: Bad, valid values are: Always, OnFailure, Never\n',
    ],
    ['a bad label', 'run t --image=x --labels=a', 'error: unexpected label spec: a\n'],
    ['a bad env', 'run t --image=x --env=1X=2', 'error: invalid env: 1X=2\n'],
    [
      'a port that is not a number',
      'run t --image=x --port=http',
      "error: --port must be a number\nSee 'kubectl run -h' for help and examples\n",
    ],
    [
      '--rm without attaching',
      'run t --image=x --rm',
      "error: --rm should only be used for attached containers\nSee 'kubectl run -h' for help and examples\n",
    ],
    [
      '-t without -i',
      'run t --image=x -t',
      "error: -i/--stdin is required for containers with -t/--tty=true\nSee 'kubectl run -h' for help and examples\n",
    ],
    [
      'dry-run with -i',
      'run t --image=x -i --dry-run=client',
      "error: --dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)\nSee 'kubectl run -h' for help and examples\n",
    ],
  ])('%s', (_, line, stderr) => {
    expect(kubectl(sim, line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('says plainly that an attached run needs a terminal the console does not have', () => {
    const r = kubectl(sim, 'run shell -it --rm --image=busybox -- sh');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('runs one command at a time');
    expect(sim.api.get('Pod', 'default', 'shell')).toBeUndefined();
  });
});

describe('kubectl run creates a bare Pod', () => {
  it('that the scheduler places and the kubelet runs, and only once', () => {
    const sim = newCluster({ nodes: 1 });
    expect(mustRun(sim, 'run debug --image=busybox:1.36 --restart=Never -- sleep 3600').stdout).toBe(
      'pod/debug created\n',
    );
    sim.runUntil(30);
    const pod = sim.api.get<Pod>('Pod', 'default', 'debug')!;
    expect(pod.metadata.ownerReferences).toBeUndefined();
    expect(pod.spec.nodeName).toBe('node-1');
    expect(pod.status?.phase).toBe('Running');
    expect(kubectl(sim, 'run debug --image=busybox:1.36').stderr).toBe(
      'Error from server (AlreadyExists): pods "debug" already exists\n',
    );
  });
});
