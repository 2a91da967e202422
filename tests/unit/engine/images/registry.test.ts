// The playground's registry: a catalogued repository answers for its real tags only; an unknown
// repository is not judged; a digest is taken as it is. The failure text is containerd's
// (core/remotes/docker/resolver.go Resolve, client/pull.go fetch, the CRI PullImage).
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../../../src/engine/images/catalogue';
import { parseImageReference } from '../../../../src/engine/images/reference';
import {
  nearestTags,
  pullNotFoundError,
  registryHint,
  resolveImage,
} from '../../../../src/engine/images/registry';

const DIGEST = 'sha256:' + 'b'.repeat(64);

describe('registry · a catalogued repository has its real tags and no others', () => {
  it.each([
    { name: 'a known fluentd tag pulls', image: 'fluent/fluentd:v1.16-1', kind: 'found' },
    {
      name: 'fluentd without the image revision does not exist',
      image: 'fluent/fluentd:v1.15',
      kind: 'notFound',
    },
    { name: "a typo'd tag does not exist", image: 'fluent/fluentd:v9.99-typo', kind: 'notFound' },
    { name: 'nginx alone is docker.io/library/nginx:latest, which exists', image: 'nginx', kind: 'found' },
    {
      name: 'a mirror answers like the original',
      image: 'cr.fluentbit.io/fluent/fluent-bit:3.1',
      kind: 'found',
    },
    { name: 'quay.io node-exporter', image: 'quay.io/prometheus/node-exporter:v1.8.2', kind: 'found' },
    { name: 'kube-proxy has no latest tag', image: 'registry.k8s.io/kube-proxy', kind: 'notFound' },
    { name: 'a digest is accepted as it is', image: `fluent/fluentd@${DIGEST}`, kind: 'found' },
    { name: 'a digest wins over a wrong tag beside it', image: `fluent/fluentd:v9@${DIGEST}`, kind: 'found' },
    {
      name: "a repository outside the catalogue is the user's own",
      image: 'registry.example.com/team/agent:v7',
      kind: 'unknown',
    },
    { name: 'an unknown Docker Hub repository likewise', image: 'agent:1.0', kind: 'unknown' },
    {
      name: 'a reference that does not parse is not judged here',
      image: 'Fluent/Fluentd:v1',
      kind: 'unknown',
    },
  ])('$name ($image)', ({ image, kind }) => {
    expect(resolveImage(image).kind).toBe(kind);
  });

  it.each([
    { image: 'fluent/fluentd:v1.14-1', kind: 'found' },
    { image: 'fluent/fluentd-kubernetes-daemonset:v1-debian-elasticsearch', kind: 'found' },
    { image: 'prom/node-exporter:latest', kind: 'found' },
    { image: 'aquasec/kube-bench:latest', kind: 'found' },
    { image: 'calico/node:latest', kind: 'found' },
    { image: 'alpine:latest', kind: 'found' },
    { image: 'nginx', kind: 'found' },
    // The guides' upgrade step names a tag fluentd never published.
    { image: 'fluent/fluentd:v1.15', kind: 'notFound' },
    // A made-up image of a guide is nobody's repository the playground knows: it pulls.
    { image: 'nvidia/gpu-monitoring:latest', kind: 'unknown' },
  ])('a common DaemonSet guide’s image $image: $kind', ({ image, kind }) => {
    expect(resolveImage(image).kind).toBe(kind);
  });

  it('a missing tag comes back with the repository, the tag asked for and the nearest real tags', () => {
    const answer = resolveImage('fluent/fluentd:v1.15');
    expect(answer).toEqual({
      kind: 'notFound',
      reference: 'docker.io/fluent/fluentd:v1.15',
      repository: 'docker.io/fluent/fluentd',
      tag: 'v1.15',
      knownTags: ['v1.15-1', 'v1.15-debian-1', 'v1.18-1', 'v1.18-debian-1', 'v1.18.0-1.0'],
    });
    if (answer.kind !== 'notFound') throw new Error('unreachable');
    expect(registryHint(answer)).toBe(
      'tag v1.15 does not exist for docker.io/fluent/fluentd; known tags: v1.15-1, v1.15-debian-1, v1.18-1, v1.18-debian-1, v1.18.0-1.0',
    );
  });

  it.each([
    { tags: ['3.1', '3.0', 'latest'], wanted: '3.2', want: ['3.1', '3.0', 'latest'] },
    { tags: ['v1.18-1', 'v1.17-1', 'latest'], wanted: 'lates', want: ['latest', 'v1.18-1', 'v1.17-1'] },
    { tags: ['a', 'b', 'c', 'd', 'e', 'f'], wanted: 'z', want: ['a', 'b', 'c', 'd', 'e'] },
  ])(
    'nearestTags($wanted) ranks by shared prefix, then catalogue order, five at most',
    ({ tags, wanted, want }) => {
      expect(nearestTags(tags, wanted)).toEqual(want);
    },
  );

  it('says not found as containerd does, for the normalised reference', () => {
    expect(pullNotFoundError('fluent/fluentd:v9.99-typo')).toBe(
      'rpc error: code = NotFound desc = failed to pull and unpack image "docker.io/fluent/fluentd:v9.99-typo": ' +
        'failed to resolve reference "docker.io/fluent/fluentd:v9.99-typo": docker.io/fluent/fluentd:v9.99-typo: not found',
    );
    expect(pullNotFoundError('nginx')).toContain('"docker.io/library/nginx:latest"');
  });
});

describe('registry · the catalogue itself', () => {
  it('names every repository once, normalised, with tags that parse and do not repeat', () => {
    const repos = CATALOGUE.flatMap((e) => e.repositories);
    expect(new Set(repos).size).toBe(repos.length);
    for (const e of CATALOGUE) {
      expect(new Set(e.tags).size, e.repositories[0]).toBe(e.tags.length);
      for (const repo of e.repositories) {
        for (const tag of e.tags) {
          const parsed = parseImageReference(`${repo}:${tag}`);
          expect(parsed.ok && `${parsed.ref.domain}/${parsed.ref.path}`, `${repo}:${tag}`).toBe(repo);
        }
      }
    }
  });
});
