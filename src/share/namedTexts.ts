// Scenario texts the page ships (the gallery and the default scenario) can travel in a link by
// name instead of in full: a link names the text and a short hash of it, and carries only what
// happened since (commands, seed, speed, time). The hash tells the page whether the text it has
// under that name is still the one the link was made with.

/** NamedTexts is the set of texts a link may name; the page supplies it, the codec only asks. */
export interface NamedTexts {
  /** nameOf returns the name of a shipped text exactly equal to `text`, if any. */
  nameOf(text: string): string | undefined;
  /** textOf returns the text shipped under `name` now, if any. */
  textOf(name: string): string | undefined;
}

/** NAME_PATTERN: gallery file names (lower-case words and digits joined by hyphens). */
export const NAME_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

/**
 * textHash is a short, stable fingerprint of a text (FNV-1a over its UTF-16 code units, in base
 * 36). It only tells versions of one shipped text apart; it is not a security measure.
 */
export function textHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(36);
}

/** namedTexts builds a NamedTexts from name → text pairs. */
export function namedTexts(entries: Iterable<readonly [string, string]>): NamedTexts {
  const byName = new Map<string, string>();
  const byText = new Map<string, string>();
  for (const [name, text] of entries) {
    if (!NAME_PATTERN.test(name)) throw new Error(`not a valid text name: ${name}`);
    byName.set(name, text);
    if (!byText.has(text)) byText.set(text, name);
  }
  return { nameOf: (text) => byText.get(text), textOf: (name) => byName.get(name) };
}
