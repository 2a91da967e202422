// Image references read as the container runtime reads them: the grammar and the normalisation
// of github.com/distribution/reference (regexp.go ReferenceRegexp, normalize.go
// ParseNormalizedNamed / splitDockerDomain, ParseDockerRef), which both the kubelet
// (pkg/util/parsers ParseImageName) and containerd's CRI plugin use. `nginx` is
// docker.io/library/nginx:latest; `fluent/fluentd:v1.16-1` is docker.io/fluent/fluentd:v1.16-1;
// a first component with a dot or a port, or `localhost`, is a registry host.

/** ImageReference is one parsed, normalised image reference. */
export interface ImageReference {
  /** The registry host, e.g. docker.io, quay.io, registry.k8s.io, localhost:5000. */
  domain: string;
  /** The repository inside the registry, e.g. library/nginx or fluent/fluentd. */
  path: string;
  /** The tag as written; undefined when there is none. */
  tag?: string;
  /** The digest as written (`sha256:…`); undefined when there is none. */
  digest?: string;
}

export type ParsedImage = { ok: true; ref: ImageReference } | { ok: false; error: string };

const DEFAULT_DOMAIN = 'docker.io';
const LEGACY_DEFAULT_DOMAIN = 'index.docker.io';
const OFFICIAL_REPO_PREFIX = 'library/';
const DEFAULT_TAG = 'latest';
const NAME_TOTAL_LENGTH_MAX = 255;

const PATH_COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN_AND_PORT = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[[a-fA-F0-9:]+\\])(?::[0-9]+)?`;
const NAME = `(?:${DOMAIN_AND_PORT}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}';
const REFERENCE = new RegExp(`^(${NAME})(?::(${TAG}))?(?:@(${DIGEST}))?$`);
const IDENTIFIER = /^[a-f0-9]{64}$/;
// Registered digest algorithms and their hex lengths (opencontainers/go-digest Validate).
const DIGEST_HEX_LENGTH: Record<string, number> = { sha256: 64, sha384: 96, sha512: 128 };

/** splitDockerDomain separates the registry host from the repository, defaulting to Docker Hub. */
function splitDockerDomain(name: string): { domain: string; remainder: string } {
  const slash = name.indexOf('/');
  if (slash < 0) return { domain: DEFAULT_DOMAIN, remainder: OFFICIAL_REPO_PREFIX + name };
  const first = name.slice(0, slash);
  const rest = name.slice(slash + 1);
  let domain = DEFAULT_DOMAIN;
  let remainder = name;
  if (first === LEGACY_DEFAULT_DOMAIN) {
    remainder = rest;
  } else if (first === 'localhost' || /[.:]/.test(first) || first.toLowerCase() !== first) {
    // A dot, a port or an uppercase letter cannot be in a Docker Hub namespace: it is a host.
    domain = first;
    remainder = rest;
  }
  // Familiar names live in Docker Hub's `library/` namespace, on Docker Hub only.
  if (domain === DEFAULT_DOMAIN && !remainder.includes('/')) remainder = OFFICIAL_REPO_PREFIX + remainder;
  return { domain, remainder };
}

/**
 * parseImageReference parses an image as ParseNormalizedNamed does, with the errors it gives
 * (`invalid reference format`, `repository name (…) must be lowercase`, …).
 */
export function parseImageReference(image: string): ParsedImage {
  if (IDENTIFIER.test(image)) {
    return {
      ok: false,
      error: `invalid repository name (${image}), cannot specify 64-byte hexadecimal strings`,
    };
  }
  const { domain, remainder } = splitDockerDomain(image);
  const colon = remainder.indexOf(':');
  const remote = colon >= 0 ? remainder.slice(0, colon) : remainder;
  if (remote.toLowerCase() !== remote) {
    return { ok: false, error: `invalid reference format: repository name (${remote}) must be lowercase` };
  }
  const full = `${domain}/${remainder}`;
  const m = REFERENCE.exec(full);
  if (!m) {
    if (image === '') return { ok: false, error: 'repository name must have at least one component' };
    if (REFERENCE.test(full.toLowerCase())) return { ok: false, error: 'repository name must be lowercase' };
    return { ok: false, error: 'invalid reference format' };
  }
  const name = m[1]!;
  if (name.length > NAME_TOTAL_LENGTH_MAX) {
    return { ok: false, error: 'repository name must not be more than 255 characters' };
  }
  const digest = m[3];
  if (digest) {
    const [algorithm, hex] = digest.split(':') as [string, string];
    const want = DIGEST_HEX_LENGTH[algorithm];
    if (want === undefined) return { ok: false, error: 'unsupported digest algorithm' };
    if (hex.length !== want) return { ok: false, error: 'invalid checksum digest length' };
  }
  const ref: ImageReference = { domain, path: name.slice(domain.length + 1) };
  if (m[2] !== undefined) ref.tag = m[2];
  if (digest !== undefined) ref.digest = digest;
  return { ok: true, ref };
}

/** repositoryOf is the reference's full repository name, e.g. docker.io/library/nginx. */
export function repositoryOf(ref: ImageReference): string {
  return `${ref.domain}/${ref.path}`;
}

/**
 * pullReference is the reference the runtime resolves (ParseDockerRef): by digest when there is
 * one (a tag beside it is ignored), otherwise by tag, `latest` when none is given.
 */
export function pullReference(ref: ImageReference): string {
  const repo = repositoryOf(ref);
  return ref.digest ? `${repo}@${ref.digest}` : `${repo}:${ref.tag ?? DEFAULT_TAG}`;
}

/** tagOf is the tag a pull asks for: the one written, or `latest`; undefined for a digest pull. */
export function tagOf(ref: ImageReference): string | undefined {
  return ref.digest ? undefined : (ref.tag ?? DEFAULT_TAG);
}
