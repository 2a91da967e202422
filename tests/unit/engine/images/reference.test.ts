// Image references as distribution/reference reads them (normalize.go ParseNormalizedNamed,
// splitDockerDomain; reference.go Parse; ParseDockerRef): the runtime's view of `nginx`,
// `fluent/fluentd:v1.16-1`, `localhost:5000/agent`, digests and the errors of malformed names.
import { describe, expect, it } from 'vitest';
import {
  parseImageReference,
  pullReference,
  repositoryOf,
  tagOf,
} from '../../../../src/engine/images/reference';

const DIGEST = 'sha256:' + 'a'.repeat(64);

describe('image references · ParseNormalizedNamed normalisation', () => {
  it.each([
    { image: 'nginx', repository: 'docker.io/library/nginx', pull: 'docker.io/library/nginx:latest' },
    { image: 'nginx:1.27', repository: 'docker.io/library/nginx', pull: 'docker.io/library/nginx:1.27' },
    {
      image: 'docker.io/nginx',
      repository: 'docker.io/library/nginx',
      pull: 'docker.io/library/nginx:latest',
    },
    {
      image: 'index.docker.io/library/busybox:1.36',
      repository: 'docker.io/library/busybox',
      pull: 'docker.io/library/busybox:1.36',
    },
    {
      image: 'fluent/fluentd:v1.16-1',
      repository: 'docker.io/fluent/fluentd',
      pull: 'docker.io/fluent/fluentd:v1.16-1',
    },
    {
      image: 'quay.io/prometheus/node-exporter:v1.8.2',
      repository: 'quay.io/prometheus/node-exporter',
      pull: 'quay.io/prometheus/node-exporter:v1.8.2',
    },
    {
      image: 'registry.k8s.io/kube-proxy:v1.31.0',
      repository: 'registry.k8s.io/kube-proxy',
      pull: 'registry.k8s.io/kube-proxy:v1.31.0',
    },
    // A port makes the first component a host, so the tag separator is not confused with it.
    {
      image: 'registry:5000/team/agent',
      repository: 'registry:5000/team/agent',
      pull: 'registry:5000/team/agent:latest',
    },
    { image: 'localhost/agent:v2', repository: 'localhost/agent', pull: 'localhost/agent:v2' },
    // Docker Hub namespaces are lowercase, so an uppercase first component can only be a host.
    { image: 'MyRegistry/agent:v1', repository: 'MyRegistry/agent', pull: 'MyRegistry/agent:v1' },

    // Only Docker Hub has the `library/` namespace; another registry keeps a one-part name.
    { image: 'quay.io/busybox', repository: 'quay.io/busybox', pull: 'quay.io/busybox:latest' },
    {
      image: `nginx@${DIGEST}`,
      repository: 'docker.io/library/nginx',
      pull: `docker.io/library/nginx@${DIGEST}`,
    },
    // ParseDockerRef: with a tag and a digest, the digest decides and the tag is dropped.
    {
      image: `nginx:1.27@${DIGEST}`,
      repository: 'docker.io/library/nginx',
      pull: `docker.io/library/nginx@${DIGEST}`,
    },
  ])('$image is $pull', ({ image, repository, pull }) => {
    const parsed = parseImageReference(image);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(repositoryOf(parsed.ref)).toBe(repository);
    expect(pullReference(parsed.ref)).toBe(pull);
  });

  it.each([
    { image: 'nginx', tag: 'latest' },
    { image: 'nginx:stable', tag: 'stable' },
    { image: 'registry:5000/agent', tag: 'latest' },
    { image: `nginx@${DIGEST}`, tag: undefined },
  ])('the tag pulled for $image defaults to latest only without a digest', ({ image, tag }) => {
    const parsed = parseImageReference(image);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(tagOf(parsed.ref)).toBe(tag);
  });
});

describe('image references · malformed names are rejected with the parser’s words', () => {
  it.each([
    { image: 'Nginx', error: 'invalid reference format: repository name (library/Nginx) must be lowercase' },
    {
      image: 'fluent/Fluentd:v1',
      error: 'invalid reference format: repository name (fluent/Fluentd) must be lowercase',
    },
    { image: 'nginx:', error: 'invalid reference format' },
    { image: 'nginx:1.27 ', error: 'invalid reference format' },
    { image: 'nginx@sha256:abc', error: 'invalid reference format' },
    { image: `nginx@sha256:${'a'.repeat(63)}0a`, error: 'invalid checksum digest length' },
    { image: `nginx@md5:${'a'.repeat(32)}`, error: 'unsupported digest algorithm' },
    {
      image: 'a'.repeat(64),
      error: `invalid repository name (${'a'.repeat(64)}), cannot specify 64-byte hexadecimal strings`,
    },
    { image: '', error: 'repository name must have at least one component' },
  ])('$image: $error', ({ image, error }) => {
    expect(parseImageReference(image)).toEqual({ ok: false, error });
  });
});
