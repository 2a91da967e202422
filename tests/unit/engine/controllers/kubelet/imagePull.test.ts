// The kubelet pulling from the playground's registry (pkg/kubelet/images/image_manager.go
// EnsureImageExists / pullImage with containerd as the runtime): a real tag pulls, a missing tag
// of a catalogued repository fails with containerd's not-found error as ErrImagePull and then
// ImagePullBackOff with the 10 s → 5 min back-off, a repository outside the catalogue pulls.
import { describe, expect, it } from 'vitest';
import type { DaemonSet, Pod } from '../../../../../src/engine/api/types';
import { isPodAvailable } from '../../../../../src/engine/api/podUtil';
import type { Simulation } from '../../../../../src/engine/simulation';
import { newDaemonSet, newNode, newNodes } from '../../../../fixtures/builders';
import type { DaemonSetOptions } from '../../../../fixtures/builders';
import { newCluster } from '../../../../fixtures/cluster';

const DIGEST = 'sha256:' + 'c'.repeat(64);

function oneDaemonPod(opts: DaemonSetOptions) {
  const sim = newCluster([newNode('n1'), newDaemonSet('agent', opts)]);
  const pod = () => sim.api.store.podsOnNode('n1').find((p) => !p.metadata.deletionTimestamp) as Pod;
  return { sim, pod };
}

const waiting = (p: Pod) => p.status?.containerStatuses?.[0]?.state.waiting;
const podEvents = (sim: Simulation, reason: string) =>
  sim.recorder.log.filter((e) => e.object.startsWith('Pod/') && e.reason === reason);

const notFound = (ref: string) =>
  `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;

describe('kubelet · image pulls answered by the registry', () => {
  it.each([
    { name: 'a known tag pulls', image: 'fluent/fluentd:v1.16-1' },
    {
      name: 'a repository outside the catalogue pulls, so your own images work',
      image: 'registry.example.com/team/agent:v7',
    },
    { name: 'nginx is docker.io/library/nginx:latest, which exists', image: 'nginx' },
    { name: 'a digest reference pulls as it is', image: `fluent/fluentd@${DIGEST}` },
  ])('$name ($image)', ({ image }) => {
    const { sim, pod } = oneDaemonPod({ image });
    sim.runUntil(30);
    expect(pod().status?.phase).toBe('Running');
    expect(podEvents(sim, 'Pulling').map((e) => e.message)).toEqual([`Pulling image "${image}"`]);
    expect(podEvents(sim, 'Failed')).toEqual([]);
  });

  it.each([
    { image: 'fluent/fluentd:v9.99-typo', ref: 'docker.io/fluent/fluentd:v9.99-typo' },
    { image: 'fluent/fluentd:v1.15', ref: 'docker.io/fluent/fluentd:v1.15' },
    { image: 'nginx:1.99', ref: 'docker.io/library/nginx:1.99' },
    { image: 'registry.k8s.io/kube-proxy', ref: 'registry.k8s.io/kube-proxy:latest' },
  ])(
    "a tag the registry does not have fails as ErrImagePull with containerd's error ($image)",
    ({ image, ref }) => {
      const { sim, pod } = oneDaemonPod({ image });
      // Default pull time 2 s: the attempt fails at 2 s.
      sim.runUntil(2);
      expect(waiting(pod())).toEqual({ reason: 'ErrImagePull', message: notFound(ref) });
      expect(pod().status?.phase).toBe('Pending');
      expect(podEvents(sim, 'Failed').map((e) => [e.type, e.message])).toEqual([
        ['Warning', `Failed to pull image "${image}": ${notFound(ref)}`],
        ['Warning', 'Error: ErrImagePull'],
      ]);
    },
  );

  it('then ImagePullBackOff whose message keeps the last pull error, as kubelets since 1.32 write it', () => {
    const { sim, pod } = oneDaemonPod({ image: 'fluent/fluentd:v9.99-typo' });
    sim.runUntil(3);
    expect(waiting(pod())).toEqual({
      reason: 'ImagePullBackOff',
      message: `Back-off pulling image "fluent/fluentd:v9.99-typo": ErrImagePull: ${notFound('docker.io/fluent/fluentd:v9.99-typo')}`,
    });
    expect(podEvents(sim, 'BackOff').map((e) => e.message)).toEqual([
      'Back-off pulling image "fluent/fluentd:v9.99-typo"',
    ]);
  });

  it('retries the pull with the back-off doubling from 10 s to the 5 min cap, never starting the container', () => {
    const { sim, pod } = oneDaemonPod({ image: 'fluent/fluentd:v9.99-typo' });
    sim.runUntil(1200);
    // Each attempt takes the 2 s pull; the waits between are 10, 20, 40, 80, 160, 300, 300 s.
    expect(podEvents(sim, 'Pulling').map((e) => e.t)).toEqual([0, 12, 34, 76, 158, 320, 622, 924]);
    expect(podEvents(sim, 'Started')).toEqual([]);
    expect(pod().status?.containerStatuses?.[0]?.restartCount).toBe(0);
  });

  it.each([
    {
      image: 'fluent/Fluentd:v1.16-1',
      error: 'invalid reference format: repository name (fluent/Fluentd) must be lowercase',
    },
    { image: 'nginx:1.27:1', error: 'invalid reference format' },
    { image: 'nginx@sha256:abc', error: 'invalid reference format' },
  ])('an image name that does not parse is InvalidImageName, never pulled ($image)', ({ image, error }) => {
    const { sim, pod } = oneDaemonPod({ image });
    sim.runUntil(120);
    const message = `Failed to apply default image tag "${image}": couldn't parse image name "${image}": ${error}`;
    expect(waiting(pod())).toEqual({ reason: 'InvalidImageName', message });
    expect(podEvents(sim, 'Pulling')).toEqual([]);
    expect(podEvents(sim, 'InspectFailed').map((e) => [e.type, e.message])).toEqual([['Warning', message]]);
    expect(podEvents(sim, 'Failed').map((e) => e.message)).toEqual(['Error: InvalidImageName']);
  });

  it('fails only the container whose tag is missing; the events name that image alone', () => {
    const { sim } = oneDaemonPod({
      containers: [
        { name: 'agent', image: 'fluent/fluent-bit:3.1' },
        { name: 'exporter', image: 'prom/node-exporter:v1.88.2' },
      ],
    });
    sim.runUntil(3);
    expect(podEvents(sim, 'Failed').map((e) => e.message)).toEqual([
      `Failed to pull image "prom/node-exporter:v1.88.2": ${notFound('docker.io/prom/node-exporter:v1.88.2')}`,
      'Error: ErrImagePull',
      'Error: ImagePullBackOff',
    ]);
  });

  it('a corrected image on the template replaces the pod, and the new pod pulls and runs', () => {
    const { sim, pod } = oneDaemonPod({ image: 'fluent/fluentd:v1.17' });
    sim.runUntil(20);
    expect(waiting(pod())?.reason).toBe('ImagePullBackOff');
    setImage(sim, 'agent', 'fluent/fluentd:v1.17-1');
    sim.runUntil(60);
    expect(pod().spec.containers[0]!.image).toBe('fluent/fluentd:v1.17-1');
    expect(pod().status?.phase).toBe('Running');
  });
});

function setImage(sim: Simulation, name: string, image: string): void {
  const ds = structuredClone(sim.api.get<DaemonSet>('DaemonSet', 'default', name)!);
  ds.spec.template.spec.containers[0]!.image = image;
  const res = sim.api.update(ds);
  if (!res.ok) throw new Error(res.error.message);
}

describe("kubelet · a typo'd tag in a DaemonSet rolling update", () => {
  it.each([1, 2])(
    'stalls the rollout at maxUnavailable %i: that many nodes lose their agent, the rest keep the old one',
    (maxUnavailable) => {
      const nodes = newNodes(1, 5);
      const sim = newCluster([
        ...nodes,
        newDaemonSet('agent', {
          image: 'fluent/fluentd:v1.16-1',
          updateStrategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable, maxSurge: 0 } },
        }),
      ]);
      sim.runUntil(20);
      setImage(sim, 'agent', 'fluent/fluentd:v1.17-typo');
      sim.runUntil(600);
      const pods = sim.api.store.list<Pod>('Pod').filter((p) => !p.metadata.deletionTimestamp);
      const typo = pods.filter((p) => p.spec.containers[0]!.image === 'fluent/fluentd:v1.17-typo');
      expect(typo).toHaveLength(maxUnavailable);
      expect(typo.every((p) => waiting(p)?.reason === 'ImagePullBackOff')).toBe(true);
      const old = pods.filter((p) => isPodAvailable(p, 0, sim.now()));
      expect(old).toHaveLength(5 - maxUnavailable);
      expect(old.every((p) => p.spec.containers[0]!.image === 'fluent/fluentd:v1.16-1')).toBe(true);
      const ds = sim.api.get<DaemonSet>('DaemonSet', 'default', 'agent')!;
      expect(ds.status).toMatchObject({
        numberAvailable: 5 - maxUnavailable,
        updatedNumberScheduled: maxUnavailable,
      });
    },
  );
});
