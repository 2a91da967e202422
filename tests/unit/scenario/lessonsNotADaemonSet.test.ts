// Lesson 8, when not to use a DaemonSet: a service that needs a replica count is a Deployment
// (a DaemonSet has no scale subresource; pkg/registry/apps/daemonset has no ScaleREST), a
// DaemonSet grows with the nodes and a Deployment does not (pkg/controller/daemon
// nodeShouldRunDaemonPod for every node; pkg/controller/replicaset manageReplicas on a count),
// a DaemonSet's pods must restart Always (pkg/apis/apps/validation ValidateDaemonSetSpec), and a
// task that runs once per node is a Job per node (pkg/controller/job).
import { describe, expect, it } from 'vitest';
import { addNodeCommand } from '../../../src/app/grid/nodeCommands';
import { Learner } from './learner';
import type { Move } from './learner';

const LESSON = 'lesson-not-a-daemonset';
const BENCH_IMAGE = 'aquasec/kube-bench:v0.10.1';

function deployment(name: string, replicas: number): { apply: string } {
  return {
    apply: `apiVersion: apps/v1
kind: Deployment
metadata: { name: ${name} }
spec:
  replicas: ${replicas}
  selector: { matchLabels: { app: shop } }
  template:
    metadata: { labels: { app: shop, tier: web } }
    spec:
      terminationGracePeriodSeconds: 5
      containers:
        - name: nginx
          image: nginx:1.27
`,
  };
}

/** The tutorial's kube-bench DaemonSet; `restartPolicy` is the line the API server judges. */
function benchDaemonSet(name: string, restartPolicy: string, container: string): string {
  return `apiVersion: apps/v1
kind: DaemonSet
metadata: { name: ${name} }
spec:
  selector: { matchLabels: { app: ${name} } }
  template:
    metadata: { labels: { app: ${name} } }
    spec:
      hostPID: true
${restartPolicy}      containers:
        - name: kube-bench
          image: ${BENCH_IMAGE}
${container}`;
}
const BENCH_COMMAND = '          command: [kube-bench, run, --targets, node]\n';
const BENCH_ARGS = '          args: [node, --json]\n';
const TUTORIAL = benchDaemonSet('kube-bench', '      restartPolicy: OnFailure\n', BENCH_COMMAND);

type Pin = 'nodeName' | 'nodeSelector' | 'affinity';
const PIN: Record<Pin, (node: string) => string> = {
  nodeName: (node) => `      nodeName: ${node}\n`,
  nodeSelector: (node) => `      nodeSelector: { kubernetes.io/hostname: ${node} }\n`,
  affinity: (node) => `      affinity:
        nodeAffinity:
          requiredDuringSchedulingIgnoredDuringExecution:
            nodeSelectorTerms:
              - matchExpressions:
                  - { key: kubernetes.io/hostname, operator: In, values: [${node}] }
`,
};

/** Jobs as the editor holds them: one per node, pinned as the learner chose, `---` between them. */
function benchJobs(pin: Pin, nodes: string[], name = (node: string) => `bench-${node}`): { apply: string } {
  return {
    apply: nodes
      .map(
        (node) => `apiVersion: batch/v1
kind: Job
metadata: { name: ${name(node)} }
spec:
  template:
    spec:
${PIN[pin](node)}      restartPolicy: Never
      containers:
        - name: kube-bench
          image: ${BENCH_IMAGE}
`,
      )
      .join('---\n'),
  };
}

/**
 * createJobsByKubectl is the kubectl route of the last task: `kubectl create job --dry-run=client
 * -o yaml` for each worker, pinned with nodeName in the editor, applied.
 */
function createJobsByKubectl(l: Learner, nodes: string[]): void {
  for (const node of nodes) {
    const line = `kubectl create job kube-bench-${node} --image=${BENCH_IMAGE} --dry-run=client -o yaml -- kube-bench run --targets node`;
    const printed = l.session.run(line).stdout;
    expect(printed).toContain('restartPolicy: Never');
    l.apply(
      printed.replace(
        '    spec:\n      containers:',
        `    spec:\n      nodeName: ${node}\n      containers:`,
      ),
    );
  }
}

const node = (name: string) => addNodeCommand({ name, labels: [], taints: [], cpu: '', memory: '' });

const SHOP_BY_KUBECTL: Move[] = [
  'lesson predict 2',
  '? kubectl scale ds shop --replicas=3',
  deployment('shop', 3),
  'kubectl delete ds shop',
  'wait 30',
];
const UP_TO_TASK_3: Move[] = [
  ...SHOP_BY_KUBECTL,
  'lesson predict 1',
  'sim node add node-3',
  'sim node add node-4',
  'wait 20',
];
const UP_TO_TASK_4: Move[] = [
  ...UP_TO_TASK_3,
  'lesson predict 2',
  { apply: benchDaemonSet('kube-bench', '', BENCH_COMMAND) },
  'wait 45',
  'lesson predict 2',
];
const WORKERS = ['node-1', 'node-2', 'node-3', 'node-4'];

describe('lesson: when not to use a DaemonSet', () => {
  it('is completed by the console: scale refused, a Deployment, sim node add, kubectl create job --dry-run pinned by nodeName', () => {
    const l = new Learner(LESSON).play(UP_TO_TASK_4);
    expect(l.done).toBe(3);
    l.run('kubectl delete ds kube-bench');
    createJobsByKubectl(l, WORKERS);
    l.wait(40);
    expect(l.tracker.status()).toMatchObject({ done: 4, total: 4, current: null });
    expect(l.session.run('kubectl get jobs -o name').stdout.trim().split('\n')).toHaveLength(4);
  });

  it.each<[string, Move[]]>([
    [
      'the editor: a Deployment of 2 scaled to 3, nodes from "+ Add node", Jobs with node affinity',
      [
        'lesson predict 1',
        'kubectl delete ds shop',
        deployment('storefront', 2),
        'wait 10',
        'kubectl scale deployment storefront --replicas=3',
        'wait 30',
        'lesson predict 2',
        node('node-7'),
        node('node-8'),
        'wait 20',
        'lesson predict 1',
        { apply: benchDaemonSet('bench', '', BENCH_ARGS) },
        'wait 45',
        'lesson predict 1',
        'kubectl delete ds bench',
        benchJobs('affinity', ['node-1', 'node-2', 'node-7', 'node-8']),
        'wait 40',
      ],
    ],
    [
      'nodeSelector Jobs, one node run twice and the control plane as well, three nodes added',
      [
        ...UP_TO_TASK_3,
        node('node-5'),
        'lesson predict 2',
        { apply: benchDaemonSet('kube-bench', '', BENCH_COMMAND) },
        'wait 45',
        'lesson predict 2',
        'kubectl delete ds kube-bench',
        benchJobs('nodeSelector', ['node-1', 'node-2', 'node-3', 'node-4', 'node-5']),
        benchJobs('nodeName', ['node-1', 'control-plane'], (n) => `again-${n}`),
        'wait 40',
      ],
    ],
  ])('is completed by %s', (_route, moves) => {
    const l = new Learner(LESSON).play(moves).wait(10);
    expect(l.tracker.status()).toMatchObject({ done: 4, total: 4, current: null });
  });

  it('the tutorial DaemonSet is refused with the API server words, from the editor and from kubectl apply', () => {
    const l = new Learner(LESSON);
    const message = 'Unsupported value: "OnFailure": supported values: "Always"';
    expect(l.session.apply(TUTORIAL).errors.map((e) => `${e.path}: ${e.message}`)).toEqual([
      `spec.template.spec.restartPolicy: ${message}`,
    ]);
    expect(l.session.run('kubectl apply -f -', TUTORIAL).stderr).toBe(
      `The DaemonSet "kube-bench" is invalid: spec.template.spec.restartPolicy: ${message}\n`,
    );
    expect(l.session.run('kubectl scale ds shop --replicas=3').stderr).toMatch(/NotFound/);
  });

  it('two new workers grow node-exporter to four pods and leave the shop at three', () => {
    const l = new Learner(LESSON).play(UP_TO_TASK_3);
    expect(l.done).toBe(2);
    const count = (line: string) => l.session.run(line).stdout.trim().split(/\s+/).length;
    expect(count('kubectl get pods -l app=shop -o name')).toBe(3);
    expect(count('kubectl get pods -n monitoring -l app=node-exporter -o name')).toBe(4);
  });

  it('the kube-bench DaemonSet with restartPolicy Always restarts the finished check: Completed, then CrashLoopBackOff', () => {
    const l = new Learner(LESSON).play(UP_TO_TASK_4);
    const get = (path: string) =>
      l.session
        .run(`kubectl get pods -l app=kube-bench -o jsonpath={.items[*].status.containerStatuses[0].${path}}`)
        .stdout.split(' ');
    expect(get('lastState.terminated.reason')).toEqual(WORKERS.map(() => 'Completed'));
    expect(get('lastState.terminated.exitCode')).toEqual(WORKERS.map(() => '0'));
    expect(get('restartCount').every((n) => Number(n) >= 1)).toBe(true);
    l.wait(10);
    expect(l.session.run('kubectl get pods -l app=kube-bench').stdout).toMatch(
      /0\/1\s+CrashLoopBackOff\s+[1-9]/,
    );
  });

  it.each<[string, Move[], number, unknown[]]>([
    [
      'a Deployment beside the shop DaemonSet, which stays',
      ['lesson predict 2', deployment('shop', 3), 'wait 30'],
      0,
      [
        'a DaemonSet still runs the shop, one pod per worker; delete it',
        expect.stringMatching(
          /^the shop should have just its Deployment's three pods; it has (pod\/shop-\S+(, |$)){5}/,
        ),
      ],
    ],
    [
      'a Deployment of two replicas',
      ['lesson predict 2', deployment('shop', 2), 'kubectl delete ds shop', 'wait 30'],
      0,
      [
        'no Deployment runs three available pods labelled app=shop yet',
        expect.stringMatching(
          /^the shop should have just its Deployment's three pods; it has pod\/shop-\S+, pod\/shop-\S+$/,
        ),
      ],
    ],
    [
      'one node added instead of two',
      [...SHOP_BY_KUBECTL, 'lesson predict 1', 'sim node add node-3', 'wait 20'],
      1,
      ['add two worker nodes; the workers are node/node-1, node/node-2, node/node-3'],
    ],
    [
      'Jobs on two of the four workers',
      [
        ...UP_TO_TASK_4,
        'kubectl delete ds kube-bench',
        benchJobs('nodeName', ['node-1', 'node-2']),
        'wait 40',
      ],
      3,
      ['no kube-bench Job has completed on node-3, node-4 yet'],
    ],
    [
      'a Job on every worker with the kube-bench DaemonSet still there',
      [...UP_TO_TASK_4, benchJobs('nodeName', WORKERS), 'wait 40'],
      3,
      ['a DaemonSet still runs kube-bench, restarting it on every node forever; delete it'],
    ],
    [
      'the DaemonSet made the "fix": deleted, kube-bench applied again as a DaemonSet with restartPolicy Always',
      [
        ...UP_TO_TASK_4,
        'kubectl delete ds kube-bench',
        { apply: benchDaemonSet('kube-bench-v2', '      restartPolicy: Always\n', BENCH_COMMAND) },
        'wait 60',
      ],
      3,
      [
        'a DaemonSet still runs kube-bench, restarting it on every node forever; delete it',
        'no kube-bench Job has completed on node-1, node-2, node-3, node-4 yet',
      ],
    ],
  ])('does not count %s, and Check my work says why', (_name, moves, expected, unmet) => {
    const l = new Learner(LESSON).play(moves).wait(10);
    expect(l.done).toBe(expected);
    expect(l.checkWork()).toEqual({ passed: false, unmet });
  });

  it('does not count the rejected DaemonSet alone (restartPolicy: OnFailure), nor a predicted answer alone', () => {
    const l = new Learner(LESSON).play([...UP_TO_TASK_3, 'lesson predict 2']);
    expect(l.session.run('kubectl apply -f -', TUTORIAL).exitCode).toBe(1);
    l.wait(60);
    expect(l.done).toBe(2);
    expect(l.checkWork()?.unmet).toEqual([
      'no kube-bench pod of a DaemonSet has finished and been started again yet: apply the DaemonSet without `restartPolicy` and give it 30 s',
    ]);
  });

  it('does not count unpinned Jobs, wherever the scheduler happened to put them; Check my work names them', () => {
    const l = new Learner(LESSON).play([...UP_TO_TASK_4, 'kubectl delete ds kube-bench']);
    for (const n of WORKERS) l.run(`kubectl create job bench-${n} --image=${BENCH_IMAGE}`);
    l.wait(40);
    expect(l.done).toBe(3);
    const report = l.checkWork();
    expect(report?.unmet.at(-1)).toMatch(
      /^a Job is not pinned to a node, so the scheduler runs it wherever it likes: .*\(your Jobs and their nodes: bench-node-1, bench-node-2, bench-node-3, bench-node-4\)$/,
    );
  });
});
