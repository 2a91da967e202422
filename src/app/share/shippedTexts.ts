// The texts this build ships, by name, for short share links: every gallery scenario under its
// file name, and the page's default scenario as "default".
import { GALLERY } from '../../scenario/gallery';
import { namedTexts } from '../../share/namedTexts';
import type { NamedTexts } from '../../share/namedTexts';
import { DEFAULT_SCENARIO } from '../defaultScenario';
import { galleryText } from '../gallery/galleryTexts';

function* entries(): Generator<readonly [string, string]> {
  yield ['default', DEFAULT_SCENARIO];
  for (const { name } of GALLERY) {
    const text = galleryText(name);
    if (text !== undefined) yield [name, text];
  }
}

let shipped: NamedTexts | undefined;

/** shippedTexts returns the named texts, built on first use. */
export function shippedTexts(): NamedTexts {
  shipped ??= namedTexts(entries());
  return shipped;
}
