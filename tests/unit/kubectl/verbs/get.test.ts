import { describe, expect, it } from 'vitest';
import { fluentdYaml, kubectl, mustRun, newCluster, nodeYaml, podNames } from '../helpers';

describe('kubectl get · tables', () => {
  it('prints the DaemonSet columns', () => {
    const sim = newCluster({ nodes: 3, manifests: [fluentdYaml()], until: 45 });
    expect(kubectl(sim, 'get ds -n kube-system')).toEqual({
      stdout:
        'NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE\n' +
        'fluentd   3         3         3       3            3           <none>          45s\n',
      stderr: '',
      exitCode: 0,
    });
  });

  it('prints the node selector and, with -o wide, containers, images and selector', () => {
    const sim = newCluster({
      nodes: 1,
      manifests: [fluentdYaml({ nodeSelector: '{disk: ssd}' })],
      until: 200,
    });
    expect(mustRun(sim, 'get daemonsets -n kube-system -o wide').stdout).toBe(
      'NAME      DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR   AGE     CONTAINERS   IMAGES                   SELECTOR\n' +
        'fluentd   0         0         0       0            0           disk=ssd        3m20s   fluentd      fluent/fluentd:v1.14-1   app=fluentd\n',
    );
  });

  it('prints the pod columns, and IP, NODE, NOMINATED NODE and READINESS GATES with -o wide', () => {
    const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 30 });
    const lines = mustRun(sim, 'get pods -n kube-system -o wide').stdout.split('\n');
    expect(lines[0]).toMatch(
      /^NAME {12}READY {3}STATUS {4}RESTARTS {3}AGE {3}IP {11}NODE {5}NOMINATED NODE {3}READINESS GATES$/,
    );
    expect(lines[1]).toMatch(
      /^fluentd-\w{5} {3}1\/1 {5}Running {3}0 {10}30s {3}10\.244\.\d+\.\d+ +node-\d {3}<none> {11}<none>$/,
    );
    expect(lines).toHaveLength(4);
  });

  it('shows a pulling pod as ContainerCreating', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 1 });
    expect(mustRun(sim, 'get pods -n kube-system').stdout).toMatch(
      /0\/1 {5}ContainerCreating {3}0 {10}1s\n$/,
    );
  });

  it('prints node STATUS as Ready, Ready,SchedulingDisabled when cordoned, and ROLES from node-role labels', () => {
    const sim = newCluster({ nodes: 0 });
    mustRun(
      sim,
      'apply -f -',
      [
        nodeYaml('cp-1', { labels: { 'node-role.kubernetes.io/control-plane': '' } }),
        nodeYaml('node-1', { unschedulable: true }),
      ].join('---\n'),
    );
    sim.runUntil(60);
    expect(mustRun(sim, 'get nodes').stdout).toBe(
      'NAME     STATUS                     ROLES           AGE   VERSION\n' +
        'cp-1     Ready                      control-plane   60s   v1.34.1\n' +
        'node-1   Ready,SchedulingDisabled   <none>          60s   v1.34.1\n',
    );
  });

  it('says there is nothing in the namespace on stderr, exit 0', () => {
    const sim = newCluster({ nodes: 1 });
    expect(kubectl(sim, 'get pods')).toEqual({
      stdout: '',
      stderr: 'No resources found in default namespace.\n',
      exitCode: 0,
    });
    expect(kubectl(sim, 'get pods -A').stderr).toBe('No resources found\n');
    expect(kubectl(sim, 'get priorityclasses -l x=y').stderr).toBe('No resources found\n');
  });

  it('reports a missing object as the API server’s NotFound, exit 1', () => {
    const sim = newCluster({ nodes: 1 });
    expect(kubectl(sim, 'get ds fluentd')).toEqual({
      stdout: '',
      stderr: 'Error from server (NotFound): daemonsets.apps "fluentd" not found\n',
      exitCode: 1,
    });
  });

  it('refuses an unknown resource type', () => {
    expect(kubectl(newCluster({ nodes: 0 }), 'get widgets').stderr).toBe(
      'error: the server doesn\'t have a resource type "widgets"\n',
    );
  });

  it('prints several names, type/name forms and a NAMESPACE column with -A', () => {
    const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 10 });
    expect(
      mustRun(sim, 'get no node-2 node-1')
        .stdout.split('\n')
        .map((l) => l.split(' ')[0]),
    ).toEqual(['NAME', 'node-2', 'node-1', '']);
    expect(mustRun(sim, 'get node/node-1 ds/fluentd -n kube-system -o name').stdout).toBe(
      'node/node-1\ndaemonset.apps/fluentd\n',
    );
    expect(mustRun(sim, 'get ds -A').stdout).toMatch(
      /^NAMESPACE {5}NAME {6}DESIRED[^\n]*\nkube-system {3}fluentd {3}2 /,
    );
  });

  it('adds LABELS with --show-labels and label columns with -L', () => {
    const sim = newCluster({ nodes: 1 });
    expect(mustRun(sim, 'get nodes --show-labels -L kubernetes.io/hostname').stdout).toBe(
      'NAME     STATUS   ROLES    AGE   VERSION   HOSTNAME   LABELS\nnode-1   Ready    <none>   0s    v1.34.1   node-1     kubernetes.io/hostname=node-1\n',
    );
  });

  it('filters with -l and --field-selector spec.nodeName', () => {
    const sim = newCluster({ nodes: 3, manifests: [fluentdYaml()], until: 10 });
    const onNode2 = mustRun(sim, 'get pods -n kube-system --field-selector spec.nodeName=node-2 -o name')
      .stdout.trim()
      .split('\n');
    expect(onNode2).toHaveLength(1);
    expect(
      mustRun(sim, 'get pods -n kube-system -l app=fluentd -o name').stdout.trim().split('\n'),
    ).toHaveLength(3);
    expect(kubectl(sim, 'get pods -n kube-system -l app=other').stderr).toBe(
      'No resources found in kube-system namespace.\n',
    );
  });

  it('sorts with --sort-by', () => {
    const sim = newCluster({ nodes: 3 });
    mustRun(sim, 'label node node-1 rank=c');
    mustRun(sim, 'label node node-2 rank=a');
    mustRun(sim, 'label node node-3 rank=b');
    expect(mustRun(sim, 'get nodes --sort-by=.metadata.labels.rank -o name').stdout).toBe(
      'node/node-2\nnode/node-3\nnode/node-1\n',
    );
  });

  it('prints events with LAST SEEN, TYPE, REASON, OBJECT, MESSAGE', () => {
    const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 5 });
    const out = mustRun(
      sim,
      'get events -n kube-system --field-selector involvedObject.kind=DaemonSet',
    ).stdout;
    expect(out).toMatch(
      /^LAST SEEN {3}TYPE {5}REASON {13}OBJECT {14}MESSAGE\n5s {10}Normal {3}SuccessfulCreate {3}daemonset\/fluentd {3}Created pod: fluentd-\w{5}\n$/,
    );
  });
});

describe('kubectl get · -o formats', () => {
  const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 60 });

  it.each([
    {
      name: 'a single field',
      line: 'get ds fluentd -n kube-system -o jsonpath={.status.numberReady}',
      want: '2',
    },
    {
      name: 'a wildcard over a list',
      line: 'get nodes -o jsonpath={.items[*].metadata.name}',
      want: 'node-1 node-2',
    },
    {
      name: 'a range',
      line: `get nodes -o jsonpath='{range .items[*]}{.metadata.name}{"\\n"}{end}'`,
      want: 'node-1\nnode-2\n',
    },
    {
      name: 'custom columns',
      line: 'get nodes -o custom-columns=NAME:.metadata.name,CPU:.status.capacity.cpu',
      want: 'NAME     CPU\nnode-1   4\nnode-2   4\n',
    },
    { name: 'names', line: 'get ds -n kube-system -o name', want: 'daemonset.apps/fluentd\n' },
  ])('prints $name', ({ line, want }) => {
    expect(mustRun(sim, line).stdout).toBe(want);
  });

  it('prints one object as YAML and several as a List', () => {
    expect(mustRun(sim, 'get node node-1 -o yaml').stdout).toMatch(
      /^apiVersion: v1\nkind: Node\nmetadata:\n/,
    );
    expect(mustRun(sim, 'get nodes -o yaml').stdout).toMatch(
      /^apiVersion: v1\nitems:\n- apiVersion: v1\n {2}kind: Node\n[\s\S]*\nkind: List\nmetadata:\n {2}resourceVersion: ""\n$/,
    );
    expect(JSON.parse(mustRun(sim, 'get ds -n kube-system -o json').stdout).items[0].metadata.name).toBe(
      'fluentd',
    );
  });

  it('refuses an unknown output format with the allowed list', () => {
    expect(kubectl(sim, 'get nodes -o toml').stderr).toBe(
      'error: unable to match a printer suitable for the output format "toml", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });
});

describe('kubectl get -w · watch', () => {
  it('prints a header with the first rows, then one row per change to a matching object', () => {
    const sim = newCluster({ nodes: 2 });
    const r = kubectl(sim, 'get pods -n kube-system -w');
    expect(r.stderr).toBe('No resources found in kube-system namespace.\n');
    expect(r.watch).toBeDefined();
    mustRun(sim, 'apply -f -', fluentdYaml());
    sim.runUntil(1);
    const first = r.watch?.format(sim.takeChanges()) ?? '';
    const names = podNames(sim, 'kube-system');
    expect(first.split('\n')[0]).toMatch(/^NAME {12}READY {3}STATUS {14}RESTARTS {3}AGE$/);
    expect(
      first
        .split('\n')
        .slice(1, 3)
        .map((l) => l.split(' ')[0])
        .sort(),
    ).toEqual(names);
    expect(first).toContain('ContainerCreating');
    sim.runUntil(10);
    const next = r.watch?.format(sim.takeChanges()) ?? '';
    expect(
      next
        .split('\n')
        .filter(Boolean)
        .every((l) => /Running {13}0 {10}10s$/.test(l)),
    ).toBe(true);
  });

  it('prints the last state of a deleted object and ignores other kinds', () => {
    const sim = newCluster({ nodes: 2 });
    const r = kubectl(sim, 'get nodes -w');
    expect(r.stdout.split('\n')).toHaveLength(4);
    sim.takeChanges();
    mustRun(sim, 'apply -f -', fluentdYaml());
    mustRun(sim, 'delete node node-2');
    const out = r.watch?.format(sim.takeChanges()) ?? '';
    expect(out).toBe('node-2   Ready    <none>   0s    v1.34.1\n');
  });
});

describe('kubectl get · printGeneric (get.go): lists, single items and NotFound', () => {
  const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 60 });

  it.each([
    { line: 'get ds nope -n kube-system -o json', stdout: '' },
    { line: 'get ds/nope -n kube-system -o yaml', stdout: '' },
    { line: 'get ds nope fluentd -n kube-system -o name', stdout: 'daemonset.apps/fluentd\n' },
  ])(
    'one named object is a single item implied, its NotFound the whole answer: $line',
    ({ line, stdout }) => {
      const res = kubectl(sim, line);
      expect(res.stdout).toBe(stdout);
      expect(res.stderr).toBe('Error from server (NotFound): daemonsets.apps "nope" not found\n');
      expect(res.exitCode).toBe(1);
    },
  );

  it('writes -o json with the keys of every map sorted, as encoding/json writes unstructured objects', () => {
    const list = mustRun(sim, 'get nodes -o json').stdout;
    expect(list.match(/^ {4}"\w+"/gm)).toEqual([
      '    "apiVersion"',
      '    "items"',
      '    "kind"',
      '    "metadata"',
    ]);
    const status = JSON.parse(mustRun(sim, 'get ds fluentd -n kube-system -o json').stdout).status as object;
    expect(Object.keys(status)).toEqual([...Object.keys(status)].sort());
  });

  it('leaves out the omitempty counts of DaemonSetStatus when they are zero', () => {
    const status = JSON.parse(mustRun(sim, 'get ds fluentd -n kube-system -o json').stdout).status;
    expect(status).toMatchObject({ numberAvailable: 2, updatedNumberScheduled: 2, numberMisscheduled: 0 });
    expect(status).not.toHaveProperty('numberUnavailable');
  });
});
