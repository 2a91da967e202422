// kubectl for StatefulSets: printStatefulSet's columns (pkg/printers/internalversion/printers.go),
// describeStatefulSet and describeVolumeClaimTemplates (describe.go), StatefulSetStatusViewer
// (polymorphichelpers/rollout_status.go), the StatefulSet history viewer and rollbacker
// (history.go, rollback.go), objectrestarter.go, `scale` through the scale subresource, `set image`
// and `delete` with cascade.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/engine/api/types';
import { explainField, loadManifestSchema } from '../../../../src/manifests/explain';
import { kubectl, mustRun, newCluster, podNames } from '../helpers';

const webYaml = (opts: { replicas?: number; image?: string; extra?: string; claims?: boolean } = {}) =>
  [
    'apiVersion: apps/v1',
    'kind: StatefulSet',
    'metadata:',
    '  name: web',
    'spec:',
    '  serviceName: nginx',
    `  replicas: ${opts.replicas ?? 3}`,
    '  selector:',
    '    matchLabels: {app: nginx}',
    ...(opts.extra ? [`  ${opts.extra}`] : []),
    '  template:',
    '    metadata:',
    '      labels: {app: nginx}',
    '    spec:',
    '      containers:',
    '      - name: nginx',
    `        image: ${opts.image ?? 'registry.k8s.io/nginx-slim:0.24'}`,
    ...(opts.claims
      ? [
          '        volumeMounts:',
          '        - {name: www, mountPath: /usr/share/nginx/html}',
          '  volumeClaimTemplates:',
          '  - metadata: {name: www}',
          '    spec:',
          '      accessModes: [ReadWriteOnce]',
          '      resources: {requests: {storage: 1Gi}}',
        ]
      : []),
    '',
  ].join('\n');

describe('kubectl get statefulsets · READY and AGE (printStatefulSet)', () => {
  it.each([
    [0, '0/3'],
    [2, '1/3'],
    [60, '3/3'],
  ])('at %is READY is %s', (t, ready) => {
    const sim = newCluster({ manifests: [webYaml()], until: t });
    const out = mustRun(sim, 'get sts').stdout.split('\n');
    expect(out[0]).toMatch(/^NAME\s+READY\s+AGE$/);
    expect(out[1]).toMatch(new RegExp(`^web\\s+${ready}\\s+${t}s$`));
  });

  it('-o wide adds CONTAINERS and IMAGES only', () => {
    const sim = newCluster({ manifests: [webYaml()], until: 60 });
    const out = mustRun(sim, 'get statefulsets.apps -o wide').stdout.split('\n');
    expect(out[0]).toMatch(/^NAME\s+READY\s+AGE\s+CONTAINERS\s+IMAGES$/);
    expect(out[1]).toMatch(/^web\s+3\/3\s+60s\s+nginx\s+registry\.k8s\.io\/nginx-slim:0\.24$/);
  });

  it('get all lists the StatefulSet among the workloads (the `all` category)', () => {
    const sim = newCluster({ manifests: [webYaml()], until: 60 });
    expect(mustRun(sim, 'get all').stdout).toMatch(/^statefulset\.apps\/web\s+3\/3\s+60s$/m);
  });

  it('get pods shows the ordinal names', () => {
    const sim = newCluster({ manifests: [webYaml()], until: 60 });
    expect(podNames(sim, 'default')).toEqual(['web-0', 'web-1', 'web-2']);
  });
});

describe('kubectl describe statefulset (describeStatefulSet)', () => {
  it('prints replicas, the update strategy with its partition, pod counts, claims and events', () => {
    const sim = newCluster({ manifests: [webYaml({ claims: true })], until: 60 });
    const out = mustRun(sim, 'describe sts web').stdout;
    expect(out).toMatch(/^Name:\s+web$/m);
    expect(out).toMatch(/^Selector:\s+app=nginx$/m);
    expect(out).toMatch(/^Replicas:\s+3 desired \| 3 total$/m);
    expect(out).toMatch(/^Update Strategy:\s+RollingUpdate\n\s+Partition:\s+0$/m);
    expect(out).toMatch(/^Pods Status:\s+3 Running \/ 0 Waiting \/ 0 Succeeded \/ 0 Failed$/m);
    expect(out).toMatch(
      /^Volume Claims:\n\s+Name:\s+www\n\s+StorageClass:\s*\n\s+Labels:\s+<none>\n\s+Annotations:\s+<none>\n\s+Capacity:\s+1Gi\n\s+Access Modes:\s+\[ReadWriteOnce\]$/m,
    );
    expect(out).toMatch(
      /^Storage:\s+not simulated in the playground: pods name their claims \(www-web-0, …\)/m,
    );
    expect(out).toMatch(
      /SuccessfulCreate\s+\S+\s+statefulset-controller\s+create Pod web-0 in StatefulSet web successful/,
    );
  });

  it('a pod names its claim <claim>-<set>-<ordinal> in its volumes (updateStorage)', () => {
    const sim = newCluster({ manifests: [webYaml({ claims: true })], until: 60 });
    const pod = sim.api.get<Pod>('Pod', 'default', 'web-1')!;
    expect(pod.spec.volumes).toEqual([{ name: 'www', persistentVolumeClaim: { claimName: 'www-web-1' } }]);
  });

  it('without claim templates says <none>', () => {
    const sim = newCluster({ manifests: [webYaml()], until: 10 });
    expect(mustRun(sim, 'describe statefulset/web').stdout).toMatch(/^Volume Claims:\s+<none>$/m);
  });
});

describe('kubectl rollout for StatefulSets (StatefulSetStatusViewer, history, rollback, restart)', () => {
  it('status waits for pods, then reports the partitioned roll out', () => {
    const sim = newCluster({ manifests: [webYaml()], until: 2 });
    expect(mustRun(sim, 'rollout status sts/web').stdout).toBe('Waiting for 2 pods to be ready...\n');
    sim.runUntil(60);
    expect(mustRun(sim, 'rollout status statefulset/web').stdout).toBe(
      'partitioned roll out complete: 3 new pods have been updated...\n',
    );
  });

  it('set image rolls from the highest ordinal; status counts against replicas − partition', () => {
    const sim = newCluster({
      manifests: [webYaml({ extra: 'updateStrategy: {type: RollingUpdate, rollingUpdate: {partition: 1}}' })],
      until: 60,
    });
    expect(mustRun(sim, 'set image sts/web nginx=registry.k8s.io/nginx-slim:0.27').stdout).toBe(
      'statefulset.apps/web image updated\n',
    );
    sim.settle();
    expect(mustRun(sim, 'rollout status sts/web --watch=false').stdout).toBe(
      'Waiting for 1 pods to be ready...\n',
    );
    sim.runUntil(200);
    expect(mustRun(sim, 'rollout status sts/web').stdout).toBe(
      'partitioned roll out complete: 2 new pods have been updated...\n',
    );
    const images = ['web-0', 'web-1', 'web-2'].map(
      (n) => sim.api.get<Pod>('Pod', 'default', n)!.spec.containers[0]!.image,
    );
    expect(images).toEqual([
      'registry.k8s.io/nginx-slim:0.24',
      'registry.k8s.io/nginx-slim:0.27',
      'registry.k8s.io/nginx-slim:0.27',
    ]);
  });

  it('OnDelete has no status viewer', () => {
    const sim = newCluster({
      manifests: [webYaml({ extra: 'updateStrategy: {type: OnDelete}' })],
      until: 60,
    });
    const r = kubectl(sim, 'rollout status sts/web');
    expect(r.stderr).toBe('error: rollout status is only available for RollingUpdate strategy type\n');
  });

  it('history lists ControllerRevisions; undo goes back to the previous template', () => {
    const sim = newCluster({ manifests: [webYaml()], until: 60 });
    mustRun(sim, 'set image sts/web nginx=registry.k8s.io/nginx-slim:0.27');
    sim.runUntil(200);
    expect(mustRun(sim, 'rollout history sts/web').stdout).toBe(
      'statefulset.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n\n',
    );
    expect(mustRun(sim, 'rollout undo sts/web').stdout).toBe('statefulset.apps/web rolled back\n');
    sim.runUntil(400);
    expect(sim.api.get<Pod>('Pod', 'default', 'web-0')!.spec.containers[0]!.image).toBe(
      'registry.k8s.io/nginx-slim:0.24',
    );
  });

  it('restart stamps restartedAt and replaces every pod, highest ordinal first', () => {
    const sim = newCluster({ manifests: [webYaml({ replicas: 2 })], until: 60 });
    const before = sim.api.get<Pod>('Pod', 'default', 'web-0')!.metadata.uid;
    expect(mustRun(sim, 'rollout restart sts/web').stdout).toBe('statefulset.apps/web restarted\n');
    sim.runUntil(200);
    expect(sim.api.get<Pod>('Pod', 'default', 'web-0')!.metadata.uid).not.toBe(before);
    expect(
      sim.api.get<Pod>('Pod', 'default', 'web-0')!.metadata.annotations?.[
        'kubectl.kubernetes.io/restartedAt'
      ],
    ).toBeDefined();
  });
});

describe('kubectl scale and delete for StatefulSets', () => {
  it('scale sts goes through the scale subresource and removes the highest ordinals', () => {
    const sim = newCluster({ manifests: [webYaml({ replicas: 4 })], until: 60 });
    expect(mustRun(sim, 'scale sts web --replicas=2').stdout).toBe('statefulset.apps/web scaled\n');
    sim.runUntil(200);
    expect(podNames(sim, 'default')).toEqual(['web-0', 'web-1']);
  });

  it('delete sts takes the pods with it; --cascade=orphan leaves them', () => {
    const sim = newCluster({ manifests: [webYaml({ replicas: 2 })], until: 60 });
    expect(mustRun(sim, 'delete sts web --cascade=orphan').stdout).toBe('statefulset.apps "web" deleted\n');
    sim.runUntil(100);
    expect(podNames(sim, 'default')).toEqual(['web-0', 'web-1']);
    mustRun(sim, 'apply -f -', webYaml({ replicas: 2 }));
    sim.runUntil(160);
    mustRun(sim, 'delete statefulset web');
    sim.runUntil(300);
    expect(podNames(sim, 'default')).toEqual([]);
  });

  it('apply rejects a selector that does not match the template, in the API server’s words', () => {
    const sim = newCluster({ nodes: 1 });
    const bad = webYaml().replace('matchLabels: {app: nginx}', 'matchLabels: {app: db}');
    const r = kubectl(sim, 'apply -f -', bad);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain(
      'The StatefulSet "web" is invalid: spec.template.metadata.labels: Invalid value: {"app":"nginx"}: `selector` does not match template `labels`',
    );
  });
});

describe('kubectl explain statefulset (the apps/v1 OpenAPI schema)', () => {
  it('knows the short name sts and the StatefulSet fields', async () => {
    const out = explainField(await loadManifestSchema(), 'sts.spec.updateStrategy.rollingUpdate');
    expect(out).toMatch(/^GROUP:\s+apps\nKIND:\s+StatefulSet\nVERSION:\s+v1\n/);
    expect(out).toMatch(/^\s+partition\t<integer>$/m);
  });
});
