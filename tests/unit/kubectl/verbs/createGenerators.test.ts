// `kubectl create deployment|namespace|priorityclass|configmap` as the generators of
// staging/src/k8s.io/kubectl/pkg/cmd/create/create_*.go build and send them. Each expected
// document is what kubectl v1.32 printed for the same line with --dry-run=client.
import { describe, expect, it } from 'vitest';
import type { ConfigMap, Deployment, Namespace, PriorityClass } from '../../../../src/engine/api/types';
import { Rng } from '../../../../src/engine/clock/rng';
import { containerNameFor } from '../../../../src/kubectl/verbs/createDeployment';
import { kubectl, mustRun, newCluster } from '../helpers';

describe('kubectl create <generator> --dry-run=client prints the generator’s object', () => {
  const sim = newCluster({ nodes: 1 });
  it.each([
    [
      'deployment',
      'create deployment web --image=nginx --dry-run=client -o yaml',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 1\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - image: nginx\n        name: nginx\n        resources: {}\nstatus: {}\n',
    ],
    [
      'deployment with replicas, port and a command',
      'create deployment web --image=nginx --replicas 3 --port 80 --dry-run=client -o yaml -- sleep 10',
      'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  creationTimestamp: null\n  labels:\n    app: web\n  name: web\nspec:\n  replicas: 3\n  selector:\n    matchLabels:\n      app: web\n  strategy: {}\n  template:\n    metadata:\n      creationTimestamp: null\n      labels:\n        app: web\n    spec:\n      containers:\n      - command:\n        - sleep\n        - "10"\n        image: nginx\n        name: nginx\n        ports:\n        - containerPort: 80\n        resources: {}\nstatus: {}\n',
    ],
    [
      'namespace',
      'create namespace monitoring --dry-run=client -o yaml',
      'apiVersion: v1\nkind: Namespace\nmetadata:\n  creationTimestamp: null\n  name: monitoring\nspec: {}\nstatus: {}\n',
    ],
    [
      'priorityclass with every flag',
      "create priorityclass high --value=1000 --description='for critical' --global-default --preemption-policy=Never --dry-run=client -o yaml",
      'apiVersion: scheduling.k8s.io/v1\ndescription: for critical\nglobalDefault: true\nkind: PriorityClass\nmetadata:\n  creationTimestamp: null\n  name: high\npreemptionPolicy: Never\nvalue: 1000\n',
    ],
    [
      'priorityclass with defaults',
      'create pc high --value=1000 --dry-run=client -o yaml',
      'apiVersion: scheduling.k8s.io/v1\nkind: PriorityClass\nmetadata:\n  creationTimestamp: null\n  name: high\npreemptionPolicy: PreemptLowerPriority\nvalue: 1000\n',
    ],
    [
      'configmap from literals',
      'create configmap cfg --from-literal=a=1 --from-literal=b=two --dry-run=client -o yaml',
      'apiVersion: v1\ndata:\n  a: "1"\n  b: two\nkind: ConfigMap\nmetadata:\n  creationTimestamp: null\n  name: cfg\n',
    ],
    [
      'configmap in -n, as json in struct order',
      'create cm c --from-literal=a=1 -n x --dry-run=client -o json',
      '{\n    "kind": "ConfigMap",\n    "apiVersion": "v1",\n    "metadata": {\n        "name": "c",\n        "namespace": "x",\n        "creationTimestamp": null\n    },\n    "data": {\n        "a": "1"\n    }\n}\n',
    ],
    [
      'deployment as a name',
      'create deployment web --image=nginx --dry-run=client -o name',
      'deployment.apps/web\n',
    ],
    [
      'namespace, printed as created',
      'create ns monitoring --dry-run=client',
      'namespace/monitoring created (dry run)\n',
    ],
    [
      'priorityclass, printed as created',
      'create priorityclass high --value=1000 --dry-run=client',
      'priorityclass.scheduling.k8s.io/high created (dry run)\n',
    ],
  ])('%s', (_, line, stdout) => {
    expect(kubectl(sim, line)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });
});

describe('kubectl create <generator> refuses as kubectl does', () => {
  const sim = newCluster({ nodes: 1 });
  it.each([
    [
      'daemonset, which has no generator',
      'create daemonset fluentd',
      "error: Unexpected args: [daemonset fluentd]\nSee 'kubectl create -h' for help and examples\n",
    ],
    [
      'daemonset with a generator flag',
      'create daemonset fluentd --image=x',
      "error: unknown flag: --image\nSee 'kubectl create --help' for usage.\n",
    ],
    [
      'deployment without a name',
      'create deployment --image=nginx',
      "error: exactly one NAME is required, got 0\nSee 'kubectl create deployment -h' for help and examples\n",
    ],
    [
      'deployment with two names',
      'create deployment a b --image=x',
      "error: exactly one NAME is required, got 2\nSee 'kubectl create deployment -h' for help and examples\n",
    ],
    ['deployment without --image', 'create deployment web', 'error: required flag(s) "image" not set\n'],
    [
      'several images and a command',
      'create deployment web --image=a --image=b -- sleep 1',
      'error: cannot specify multiple --image options and command\n',
    ],
    [
      'namespace without a name',
      'create namespace',
      "error: exactly one NAME is required, got 0\nSee 'kubectl create namespace -h' for help and examples\n",
    ],
    [
      'a literal without =',
      'create configmap c --from-literal=a',
      'error: invalid literal source a, expected key=value\n',
    ],
    [
      'a literal with an empty key',
      'create configmap c --from-literal==v',
      'error: invalid literal source =v, expected key=value\n',
    ],
    [
      'the same key twice',
      'create configmap c --from-literal=a=1 --from-literal=a=2',
      'error: cannot add key "a", another key by that name already exists in Data for ConfigMap "c"\n',
    ],
    [
      'the table printer',
      'create deployment web --image=nginx --dry-run=client -o wide',
      'error: unable to match a printer suitable for the output format "wide", allowed formats are: go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml\n',
    ],
  ])('%s', (_, line, stderr) => {
    expect(kubectl(sim, line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('says plainly that --from-file has no local file to read', () => {
    const r = kubectl(sim, 'create configmap c --from-file=app.conf');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(
      /^error: error reading app\.conf: the playground runs in a browser page and has no local files/,
    );
  });
});

describe('kubectl create <generator> creates the object in the cluster', () => {
  it('creates a Deployment whose pods run, and refuses a second with "failed to create deployment"', () => {
    const sim = newCluster({ nodes: 2 });
    expect(mustRun(sim, 'create deployment web --image=nginx:1.27 --replicas=2').stdout).toBe(
      'deployment.apps/web created\n',
    );
    sim.runUntil(60);
    expect(sim.api.get<Deployment>('Deployment', 'default', 'web')?.status?.readyReplicas).toBe(2);
    expect(kubectl(sim, 'create deployment web --image=nginx').stderr).toBe(
      'error: failed to create deployment: deployments.apps "web" already exists\n',
    );
  });

  it('wraps the API server’s Invalid message in the generator’s words', () => {
    expect(kubectl(newCluster({ nodes: 0 }), 'create deployment Web --image=nginx').stderr).toMatch(
      /^error: failed to create deployment: Deployment\.apps "Web" is invalid: metadata\.name: Invalid value: "Web": a lowercase RFC 1123 subdomain/,
    );
  });

  it('creates a Namespace the API server labels, and objects can live in it', () => {
    const sim = newCluster({ nodes: 1 });
    mustRun(sim, 'create namespace monitoring');
    const ns = sim.api.get<Namespace>('Namespace', undefined, 'monitoring')!;
    expect(ns.metadata.labels).toEqual({ 'kubernetes.io/metadata.name': 'monitoring' });
    expect(ns.status?.phase).toBe('Active');
    mustRun(sim, 'create deployment web -n monitoring --image=nginx');
    expect(mustRun(sim, 'get ns').stdout).toMatch(/^monitoring +Active +0s$/m);
  });

  it('creates a PriorityClass pods can name, and the API server judges its value', () => {
    const sim = newCluster({ nodes: 1 });
    mustRun(sim, 'create priorityclass agents --value=100000');
    expect(sim.api.get<PriorityClass>('PriorityClass', undefined, 'agents')?.value).toBe(100000);
    expect(kubectl(sim, 'create priorityclass huge --value=2000000000').stderr).toBe(
      'error: failed to create priorityclass: PriorityClass.scheduling.k8s.io "huge" is invalid: value: Forbidden: maximum allowed value of a user defined priority is 1000000000\n',
    );
  });

  it('creates a ConfigMap that get cm counts and describe cm lists', () => {
    const sim = newCluster({ nodes: 1 });
    mustRun(sim, 'create configmap cfg --from-literal=a=1 --from-literal=b=x=y');
    expect(sim.api.get<ConfigMap>('ConfigMap', 'default', 'cfg')?.data).toEqual({ a: '1', b: 'x=y' });
    expect(mustRun(sim, 'get cm').stdout).toBe('NAME   DATA   AGE\ncfg    2      0s\n');
    expect(mustRun(sim, 'describe cm cfg').stdout).toContain('Data\n====\na:\n----\n1\n\nb:\n----\nx=y\n\n');
  });

  it('checks server dry-run against the API server without storing anything', () => {
    const sim = newCluster({ nodes: 1 });
    expect(mustRun(sim, 'create ns monitoring --dry-run=server').stdout).toBe(
      'namespace/monitoring created (server dry run)\n',
    );
    expect(sim.api.get('Namespace', undefined, 'monitoring')).toBeUndefined();
  });
});

describe('create deployment names containers after their image (buildPodSpec)', () => {
  it.each([
    ['nginx', 'nginx'],
    ['nginx:1.27', 'nginx'],
    ['registry.k8s.io/team/agent:v2', 'agent'],
    ['busybox@sha256:abc', 'busybox'],
  ])('%s → %s', (image, name) => {
    expect(containerNameFor(image, new Rng(1))).toBe(name);
  });

  it('makes a name with _ or . a DNS label with a random suffix (sanitizeAndUniquify)', () => {
    expect(containerNameFor('my_app.v2:1', new Rng(1))).toMatch(/^my-app-v2-[a-z0-9]{5}$/);
  });
});

describe('what a generator prints under --dry-run=client -o yaml applies as it would to a cluster', () => {
  it.each([
    ['namespace', 'create namespace monitoring --dry-run=client -o yaml', 'namespace/monitoring created\n'],
    [
      'configmap',
      'create configmap cfg --from-literal=a=1 --dry-run=client -o yaml',
      'configmap/cfg created\n',
    ],
    [
      'deployment',
      'create deployment web --image=nginx --dry-run=client -o yaml',
      'deployment.apps/web created\n',
    ],
    ['pod from run', 'run web --image=nginx --dry-run=client -o yaml', 'pod/web created\n'],
  ])('%s', (_, line, stdout) => {
    const sim = newCluster({ nodes: 1 });
    const yaml = mustRun(sim, line).stdout;
    expect(mustRun(sim, 'apply -f -', yaml).stdout).toBe(stdout);
  });
});

describe('a created namespace is an object kubectl can change', () => {
  it('labels a namespace made with create namespace, and refuses a built-in one plainly', () => {
    const sim = newCluster({ nodes: 0 });
    mustRun(sim, 'create namespace monitoring');
    expect(mustRun(sim, 'label namespace monitoring team=obs').stdout).toBe('namespace/monitoring labeled\n');
    expect(sim.api.get<Namespace>('Namespace', undefined, 'monitoring')?.metadata.labels?.['team']).toBe(
      'obs',
    );
    expect(kubectl(sim, 'label namespace default team=obs').stderr).toBe(
      'error: namespace default is implicit in the playground and cannot be changed; one made with kubectl create namespace can\n',
    );
  });
});
