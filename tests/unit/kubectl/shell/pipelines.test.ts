// Whole console lines against a simulated cluster: what a user pastes from a DaemonSet guide.
import { beforeEach, describe, expect, it } from 'vitest';
import type { DaemonSet, Node } from '../../../../src/engine/api/types';
import { ScenarioSession } from '../../../../src/scenario/session';
import type { Simulation } from '../../../../src/engine/simulation';
import { complete, runCommandLine } from '../../../../src/kubectl/index';
import { isReadOnlyCommand } from '../../../../src/worker/runTape';
import { newDaemonSet, newNodes, newPod } from '../../../fixtures/builders';
import { manifestYaml, newCluster, nodesWithDaemonPod } from '../../../fixtures/cluster';

let sim: Simulation;

beforeEach(() => {
  sim = newCluster([...newNodes(1, 4), newDaemonSet('fluentd', { namespace: 'kube-system' })]);
  sim.runUntil(60);
});

const run = (line: string, stdin?: string) => runCommandLine(sim, line, stdin !== undefined ? { stdin } : {});

describe("pipelines run left to right, stdout into stdin, with the last stage's status", () => {
  it('get pods -o wide | grep node-2 | wc -l counts the pods on node-2', () => {
    const onNode2 = sim.api
      .list('Pod', 'kube-system')
      .filter((p) => (p as { spec: { nodeName?: string } }).spec.nodeName === 'node-2');
    expect(onNode2.length).toBeGreaterThan(0);
    expect(run('kubectl get pods -n kube-system -o wide | grep node-2 | wc -l')).toEqual({
      stdout: `${onNode2.length}\n`,
      stderr: '',
      exitCode: 0,
    });
  });

  it("get ds fluentd -o json | jq '.status.desiredNumberScheduled' is the number of nodes", () => {
    expect(
      run(`kubectl get ds fluentd -n kube-system -o json | jq '.status.desiredNumberScheduled'`),
    ).toEqual({ stdout: '4\n', stderr: '', exitCode: 0 });
  });

  it("the guide's jq line with its trailing # comment prints the status object", () => {
    const out = run(`kubectl get daemonset fluentd -n kube-system -o json | jq '.status'     # JSON status`);
    expect(out.exitCode).toBe(0);
    expect(JSON.parse(out.stdout)).toMatchObject({ desiredNumberScheduled: 4, numberReady: 4 });
  });

  it('describe node | grep -A 5 Taints prints the Taints line and the five after it', () => {
    const out = run('kubectl describe node node-1 | grep -A 5 Taints');
    const lines = out.stdout.trimEnd().split('\n');
    expect(lines[0]).toMatch(/^Taints:\s+<none>$/);
    expect(lines).toHaveLength(6);
  });

  it('get ds -o yaml | grep -A 5 updateStrategy shows the strategy', () => {
    const out = run('kubectl get daemonset fluentd -n kube-system -o yaml | grep -A 5 updateStrategy');
    expect(out.stdout).toMatch(/^ {2}updateStrategy:\n {4}rollingUpdate:\n/);
    expect(out.stdout).toContain('type: RollingUpdate');
  });

  it('get nodes -o name | xargs -I{} kubectl label --overwrite {} … labels every node', () => {
    const out = run('kubectl get nodes -o name | xargs -I{} kubectl label --overwrite {} tier=logging');
    expect(out.stdout).toBe(
      ['node/node-1 labeled', 'node/node-2 labeled', 'node/node-3 labeled', 'node/node-4 labeled', ''].join(
        '\n',
      ),
    );
    expect(run('get nodes -l tier=logging -o name | wc -l').stdout).toBe('4\n');
  });

  it('xargs appends all names to one kubectl run, and fails with 123 when kubectl does', () => {
    // kubectl label wants resources before the label changes, as the real one does.
    const out = run('get nodes -o name | xargs kubectl label --overwrite tier=x');
    expect(out.exitCode).toBe(123);
    expect(out.stderr).toBe('error: all resources must be specified before label changes: node/node-1\n');
  });

  it('xargs -n1 runs kubectl once per name', () => {
    const out = run('get nodes -o name | head -2 | xargs -n1 kubectl get --no-headers');
    expect(
      out.stdout
        .trimEnd()
        .split('\n')
        .map((l) => l.split(/\s+/)[0]),
    ).toEqual(['node-1', 'node-2']);
  });

  it("the guide's Evicted clean-up line deletes exactly the Evicted pods (none here)", () => {
    const out = run(
      `kubectl get pods -n kube-system | grep Evicted | awk '{print $1}' | xargs kubectl delete pod -n kube-system`,
    );
    // grep selects nothing; GNU xargs still runs the command once, and kubectl asks for names.
    expect(out.exitCode).toBe(123);
    expect(out.stderr).toContain('error: resource(s) were provided, but no name was specified');
    expect(nodesWithDaemonPod(sim, 'fluentd', 'kube-system')).toHaveLength(4);
  });

  it("the guide's Evicted clean-up line deletes the Evicted pods and only them", () => {
    const evicted = newPod('evicted-1', { namespace: 'kube-system', nodeName: 'node-2', phase: 'Failed' });
    evicted.status = {
      ...evicted.status,
      phase: 'Failed',
      reason: 'Evicted',
      message: 'The node was low on resource: ephemeral-storage.',
    };
    const created = sim.api.create(evicted);
    expect(created.ok).toBe(true);
    sim.settle();
    expect(run('get pods -n kube-system | grep -c Evicted').stdout).toBe('1\n');
    const out = run(
      `kubectl get pods -n kube-system | grep Evicted | awk '{print $1}' | xargs kubectl delete pod -n kube-system`,
    );
    expect(out).toEqual({ stdout: 'pod "evicted-1" deleted\n', stderr: '', exitCode: 0 });
    sim.runUntil(sim.now() + 5);
    expect(sim.api.get('Pod', 'kube-system', 'evicted-1')).toBeUndefined();
    expect(nodesWithDaemonPod(sim, 'fluentd', 'kube-system')).toHaveLength(4);
  });

  it('get ds -o yaml | kubectl apply -f - leaves the DaemonSet and its pods unchanged', () => {
    const before = sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd');
    const pods = nodesWithDaemonPod(sim, 'fluentd', 'kube-system');
    const podNames = sim.api
      .list('Pod', 'kube-system')
      .map((p) => p.metadata.name)
      .sort();
    for (let i = 0; i < 2; i++) {
      const out = run('kubectl get ds fluentd -n kube-system -o yaml | kubectl apply -f -');
      expect(out.exitCode).toBe(0);
      expect(out.stdout).toBe('daemonset.apps/fluentd configured\n');
    }
    sim.runUntil(sim.now() + 60);
    const after = sim.api.get<DaemonSet>('DaemonSet', 'kube-system', 'fluentd');
    expect(after?.spec).toEqual(before?.spec);
    expect(after?.metadata.generation).toBe(before?.metadata.generation);
    expect(nodesWithDaemonPod(sim, 'fluentd', 'kube-system')).toEqual(pods);
    expect(
      sim.api
        .list('Pod', 'kube-system')
        .map((p) => p.metadata.name)
        .sort(),
    ).toEqual(podNames);
  });

  it('| kubectl create -f - reads the manifest from the pipe', () => {
    const out = run(
      `get ds fluentd -n kube-system -o json | jq '.metadata.name = "fluentd-2" | del(.metadata.uid, .metadata.resourceVersion, .status)' | kubectl create -f -`,
    );
    expect(out).toEqual({ stdout: 'daemonset.apps/fluentd-2 created\n', stderr: '', exitCode: 0 });
  });

  it("a failing first stage passes its error through; the status is the last stage's", () => {
    const out = run('get ds nothing -n kube-system | wc -l');
    expect(out).toEqual({
      stdout: '0\n',
      stderr: 'Error from server (NotFound): daemonsets.apps "nothing" not found\n',
      exitCode: 0,
    });
  });

  it("jq on a table (not JSON) says so in jq's words", () => {
    expect(run('get nodes | jq .')).toEqual({
      stdout: '',
      stderr: 'jq: parse error: Invalid numeric literal at line 1, column 5\n',
      exitCode: 2,
    });
  });
});

describe('lines the console cannot run are refused whole, and nothing on them runs', () => {
  it.each([
    [
      'get nodes -o name | xargs kubectl cordon | sed s/x/y/',
      'playground: sed: command not found (the console runs kubectl, grep, jq, awk, cut, head, tail, sort, uniq, wc, xargs)\n',
      127,
    ],
    [
      'get nodes -o name | xargs kubectl cordon | less',
      'playground: less: command not found (the console runs kubectl, grep, jq, awk, cut, head, tail, sort, uniq, wc, xargs)\n',
      127,
    ],
    [
      'get nodes -o name | xargs sh -c "kubectl cordon"',
      'xargs: sh: No such file or directory (in the playground xargs runs kubectl or echo)\n',
      127,
    ],
    [
      'cordon node-1 && cordon node-2',
      'playground: the console runs one command line at a time: it has no "&&" (type each command on its own line)\n',
      2,
    ],
    [
      'cordon node-1; cordon node-2',
      'playground: the console runs one command line at a time: it has no ";" (type each command on its own line)\n',
      2,
    ],
    ['cordon $(echo node-1)', 'playground: the console does not run command substitution ("$(…)")\n', 2],
    [
      'get nodes -o name > nodes.txt',
      'playground: the console has no files to redirect output to (">")\n',
      2,
    ],
    [
      'grep node-1',
      'playground: grep reads the output of a command before it: pipe one into it, e.g. kubectl get pods | grep …\n',
      2,
    ],
  ])('%s', (line, stderr, exitCode) => {
    expect(run(line)).toEqual({ stdout: '', stderr, exitCode });
    expect(
      sim.api.list('Node').some((n) => (n as { spec: { unschedulable?: boolean } }).spec.unschedulable),
    ).toBe(false);
  });
});

describe('a -w watch piped into grep keeps filtering what it prints later', () => {
  it('only the matching rows of later changes come through', () => {
    const out = run('get pods -n kube-system -w | grep node-9');
    expect(out.stdout).toBe('');
    expect(out.watch).toBeDefined();
    sim.takeChanges();
    run('label node node-1 x=y');
    expect(out.watch?.format(sim.takeChanges()) ?? '').toBe('');
  });

  it('a watch into a filter that needs all its input (wc) ends with what was printed', () => {
    const out = run('get pods -n kube-system -w | wc -l');
    expect(out.watch).toBeUndefined();
    expect(out.stdout).toBe('5\n');
  });
});

describe('the run tape keeps the recorded future only for lines that cannot write', () => {
  it.each([
    ['get pods | grep x', true],
    ['kubectl get ds -o json | jq .status', true],
    ['get nodes -o name | xargs kubectl describe', true],
    ['get nodes -o name | xargs -I{} kubectl label {} a=b', false],
    ['get ds -o yaml | kubectl apply -f -', false],
    ["get pods | grep Evicted | awk '{print $1}' | xargs kubectl delete pod", false],
    ['cordon node-1 && get pods', true],
    ['delete pod x', false],
  ])('%s → %s', (line, readOnly) => {
    expect(isReadOnlyCommand(line)).toBe(readOnly);
  });
});

describe('completion after a |', () => {
  it.each([
    ['get pods | ', ['awk', 'cut', 'grep', 'head', 'jq', 'kubectl', 'sort', 'tail', 'uniq', 'wc', 'xargs']],
    ['get pods | g', ['grep']],
    ['get ds -o yaml | kubectl appl', ['apply']],
    ['get nodes -o name | xargs -n1 kubectl cor', ['cordon']],
    ['get nodes | grep no', []],
    [`get ds -o json | jq '.a | .b' | w`, ['wc']],
  ])('%s', (line, want) => {
    expect([...complete(sim, line)].sort()).toEqual(want);
  });
});

describe('a scenario step may be a pipeline, and a replayed log runs it again the same way', () => {
  const text = [
    manifestYaml(...newNodes(1, 3), newDaemonSet('fluentd', { namespace: 'kube-system' })),
    '---',
    'apiVersion: playground/v1',
    'kind: Scenario',
    'metadata: { name: piped }',
    'spec:',
    '  steps:',
    '    - wait: 30s',
    '    - kubectl: get nodes -o name | xargs -I{} kubectl label --overwrite {} tier=logging',
    '    - kubectl: get pods -n kube-system | grep Nothing',
    '',
  ].join('\n');

  it('runs the stages; the step is ok when the last stage exits 0', () => {
    const { session } = ScenarioSession.create(text);
    session?.runTo(60);
    expect(session?.steps.map((s) => [s.step, s.ok])).toEqual([
      ['wait: 30s', true],
      ['kubectl: get nodes -o name | xargs -I{} kubectl label --overwrite {} tier=logging', true],
      ['kubectl: get pods -n kube-system | grep Nothing', false],
    ]);
    expect(session?.sim.api.list<Node>('Node').map((n) => n.metadata.labels?.tier)).toEqual([
      'logging',
      'logging',
      'logging',
    ]);
  });

  it('a typed pipeline is logged as typed and a replay gives the same output', () => {
    const line = `get pods -n kube-system -o json | jq -r '.items[].metadata.name' | sort | head -2`;
    const first = ScenarioSession.create(text).session;
    first?.runTo(40);
    const out = first?.run(line);
    expect(first?.commandLog.at(-1)).toEqual({ t: 40, line });
    const replay = ScenarioSession.create(text).session;
    for (const c of first?.commandLog ?? []) {
      replay?.runTo(c.t);
      expect(replay?.run(c.line, c.stdin)).toEqual(out);
    }
  });
});
