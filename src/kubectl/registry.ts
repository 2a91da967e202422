// The verb registry: each verb module registers itself once; the dispatcher and the completer
// look verbs up here (after excalidraw's actions/register.ts).
import type { VerbDefinition } from './types';

const verbs = new Map<string, VerbDefinition>();
const byAlias = new Map<string, VerbDefinition>();

/** registerVerb adds a verb module; registering the same name twice replaces it (hot reload). */
export function registerVerb(def: VerbDefinition): VerbDefinition {
  verbs.set(def.name, def);
  byAlias.set(def.name, def);
  for (const alias of def.aliases ?? []) byAlias.set(alias, def);
  return def;
}

/** findVerb resolves a verb by name or alias. */
export function findVerb(name: string): VerbDefinition | undefined {
  return byAlias.get(name);
}

/** allVerbs lists the registered verbs by name. */
export function allVerbs(): VerbDefinition[] {
  return [...verbs.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
}
