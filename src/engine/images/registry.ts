// What a registry answers when the container runtime resolves an image: the tag exists, it
// does not (the pull fails), or the playground does not know the repository (it pulls, so
// users' own images work). The failure text is containerd's, as the kubelet reports it with
// containerd as the runtime (the default since dockershim's removal in 1.24):
// core/remotes/docker/resolver.go dockerResolver.Resolve (`<ref>: not found` on a 404 for the
// manifest), client/pull.go fetch (`failed to resolve reference …`), the CRI image service's
// PullImage (`failed to pull and unpack image …`), and the gRPC status code NotFound.
import { CATALOGUE } from './catalogue';
import type { CatalogueEntry } from './catalogue';
import { parseImageReference, pullReference, repositoryOf, tagOf } from './reference';

/** RegistryAnswer is the registry's answer to one image reference. */
export type RegistryAnswer =
  | { kind: 'found'; reference: string }
  /** The repository is not catalogued, or the reference does not parse: the playground does not judge it. */
  | { kind: 'unknown' }
  | { kind: 'notFound'; reference: string; repository: string; tag: string; knownTags: string[] };

// How many tags the "known tags" hint names.
const HINT_TAGS = 5;

const BY_REPOSITORY: ReadonlyMap<string, CatalogueEntry> = new Map(
  CATALOGUE.flatMap((e) => e.repositories.map((r) => [r, e] as const)),
);

function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i += 1;
  return i;
}

/** nearestTags picks the catalogue's tags closest to a wanted one: longest shared prefix, then newest. */
export function nearestTags(tags: readonly string[], wanted: string, limit = HINT_TAGS): string[] {
  return tags
    .map((tag, order) => ({ tag, order, shared: commonPrefix(tag, wanted) }))
    .sort((a, b) => b.shared - a.shared || a.order - b.order)
    .slice(0, limit)
    .map((t) => t.tag);
}

/**
 * resolveImage answers for an image as a container spec writes it. A digest is accepted as it is
 * (the playground holds no manifests to check it against); a tag must exist in the catalogue
 * for a catalogued repository.
 */
export function resolveImage(image: string): RegistryAnswer {
  const parsed = parseImageReference(image);
  if (!parsed.ok) return { kind: 'unknown' };
  const ref = parsed.ref;
  const repository = repositoryOf(ref);
  const known = BY_REPOSITORY.get(repository);
  const tag = tagOf(ref);
  const reference = pullReference(ref);
  if (!known) return { kind: 'unknown' };
  if (tag === undefined || known.tags.includes(tag)) return { kind: 'found', reference };
  return { kind: 'notFound', reference, repository, tag, knownTags: nearestTags(known.tags, tag) };
}

/** pullNotFoundError is the runtime's error for a reference the registry has no manifest for. */
export function pullNotFoundError(image: string): string {
  const parsed = parseImageReference(image);
  const ref = parsed.ok ? pullReference(parsed.ref) : image;
  return `rpc error: code = NotFound desc = failed to pull and unpack image "${ref}": failed to resolve reference "${ref}": ${ref}: not found`;
}

/** registryHint says in words why a catalogued pull failed: the tag and a few that do exist. */
export function registryHint(answer: Extract<RegistryAnswer, { kind: 'notFound' }>): string {
  return `tag ${answer.tag} does not exist for ${answer.repository}; known tags: ${answer.knownTags.join(', ')}`;
}
