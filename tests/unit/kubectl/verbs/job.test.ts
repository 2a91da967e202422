// kubectl for Jobs: printJob's columns (pkg/printers/internalversion/printers.go), describeJob,
// `create job` (create_job.go), `logs job/NAME` (logsforobject.go) and delete with cascade.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/engine/api/types';
import { kubectl, mustRun, newCluster } from '../helpers';

const jobYaml = (name: string, extra = '', annotations = "playground/run-seconds: '20'") =>
  [
    'apiVersion: batch/v1',
    'kind: Job',
    'metadata:',
    `  name: ${name}`,
    'spec:',
    ...(extra ? [`  ${extra}`] : []),
    '  template:',
    '    metadata:',
    `      annotations: { ${annotations} }`,
    '    spec:',
    '      restartPolicy: Never',
    '      containers:',
    '        - name: bench',
    '          image: docker.io/aquasec/kube-bench:v0.10.1',
    '',
  ].join('\n');

describe('kubectl get jobs · STATUS, COMPLETIONS, DURATION (printJob)', () => {
  it.each([
    [10, 'Running', '0/1', '10s'],
    [60, 'Complete', '1/1', '22s'],
  ])('at %is: %s %s for %s', (t, status, completions, duration) => {
    const sim = newCluster({ nodes: 1, manifests: [jobYaml('bench')], until: t });
    const out = mustRun(sim, 'get jobs').stdout;
    expect(out.split('\n')[0]).toMatch(/^NAME\s+STATUS\s+COMPLETIONS\s+DURATION\s+AGE$/);
    expect(out.split('\n')[1]).toMatch(
      new RegExp(`^bench\\s+${status}\\s+${completions}\\s+${duration}\\s+${t}s$`),
    );
  });

  it('a Job whose pods fail past backoffLimit is Failed', () => {
    const sim = newCluster({
      nodes: 1,
      manifests: [
        jobYaml('bench', 'backoffLimit: 0', "playground/run-seconds: '5', playground/exit-code: '1'"),
      ],
      until: 60,
    });
    expect(mustRun(sim, 'get job bench').stdout.split('\n')[1]).toMatch(/^bench\s+Failed\s+0\/1\s+/);
    expect(mustRun(sim, 'describe job bench').stdout).toMatch(
      /Pods Statuses:\s+0 Active \(0 Ready\) \/ 0 Succeeded \/ 1 Failed/,
    );
  });
});

describe('kubectl describe job', () => {
  it('prints the spec, the pod counts and the controller events', () => {
    const sim = newCluster({ nodes: 1, manifests: [jobYaml('bench')], until: 60 });
    const out = mustRun(sim, 'describe job bench').stdout;
    for (const line of [
      /^Name:\s+bench$/m,
      /^Selector:\s+batch.kubernetes.io\/controller-uid=[0-9a-f-]+$/m,
      /^Parallelism:\s+1$/m,
      /^Completions:\s+1$/m,
      /^Completion Mode:\s+NonIndexed$/m,
      /^Backoff Limit:\s+6$/m,
      /^Duration:\s+22s$/m,
      /^Pods Statuses:\s+0 Active \(0 Ready\) \/ 1 Succeeded \/ 0 Failed$/m,
      /Normal\s+SuccessfulCreate\s+\S+\s+job-controller\s+Created pod: bench-\w{5}/,
      /Normal\s+Completed\s+\S+\s+job-controller\s+Job completed/,
    ])
      expect(out).toMatch(line);
  });
});

describe('kubectl create job', () => {
  it('--dry-run=client -o yaml prints what kubectl 1.3x generates', () => {
    const sim = newCluster({ nodes: 1 });
    expect(
      mustRun(sim, "create job x --image=busybox --dry-run=client -o yaml -- sh -c 'echo hi'").stdout,
    ).toBe(
      [
        'apiVersion: batch/v1',
        'kind: Job',
        'metadata:',
        '  creationTimestamp: null',
        '  name: x',
        'spec:',
        '  template:',
        '    metadata:',
        '      creationTimestamp: null',
        '    spec:',
        '      containers:',
        '      - command:',
        '        - sh',
        '        - -c',
        '        - echo hi',
        '        image: busybox',
        '        name: x',
        '        resources: {}',
        '      restartPolicy: Never',
        'status: {}',
        '',
      ].join('\n'),
    );
  });

  it.each([
    ['create job', 'error: exactly one NAME is required, got 0'],
    ['create job x', 'error: either --image or --from must be specified'],
  ])('%s: %s', (line, err) => {
    const sim = newCluster({ nodes: 1 });
    expect(kubectl(sim, line).stderr).toContain(err);
  });

  it('creates a Job with restartPolicy Never that runs a pod', () => {
    const sim = newCluster({ nodes: 1 });
    expect(mustRun(sim, 'create job once --image=busybox:1.36 -- echo hi').stdout).toBe(
      'job.batch/once created\n',
    );
    sim.runUntil(5);
    const pods = sim.api.list<Pod>('Pod');
    expect(pods).toHaveLength(1);
    expect(pods[0]!.spec.restartPolicy).toBe('Never');
    expect(pods[0]!.metadata.labels?.['job-name']).toBe('once');
  });
});

describe('kubectl logs job/NAME and delete job', () => {
  it('logs job/NAME reads the Job pod, finished or not', () => {
    const sim = newCluster({ nodes: 1, manifests: [jobYaml('bench')], until: 60 });
    expect(mustRun(sim, 'logs job/bench').stdout).toContain('== Summary node ==');
  });

  it.each([
    ['delete job bench', 0],
    ['delete job bench --cascade=orphan', 1],
  ])('%s leaves %i pods', (line, left) => {
    const sim = newCluster({ nodes: 1, manifests: [jobYaml('bench')], until: 60 });
    expect(mustRun(sim, line).stdout).toBe('job.batch "bench" deleted\n');
    sim.runUntil(120);
    expect(sim.api.list<Pod>('Pod')).toHaveLength(left);
  });
});
