// Making and reading share links on the page. The codec (with fflate, its deflate) and the
// shipped texts a short link names are lazy chunks: the default scenario's first paint needs
// neither, so they are fetched when a link is made or opened (or, for the embed's way out, which
// must build its link with no time to wait, once the grid shows: preloadLinks).
import type { SharedRun } from '../../share/run';
import { namesShippedText } from '../../share/fragment';
import type { RunResult } from '../../share/run';
import type * as UrlCodec from '../../share/urlCodec';
import { shippedTexts, shippedTextsNow } from './shippedTexts';

type Codec = typeof UrlCodec;

let loading: Promise<Codec> | undefined;
let codec: Codec | undefined;

function loadCodec(): Promise<Codec> {
  loading ??= import('../../share/urlCodec').then((m) => (codec = m));
  return loading;
}

/** encodeLink is the fragment (with its `#`) for `run`; a shipped text goes by name. */
export async function encodeLink(run: SharedRun): Promise<string> {
  const [{ encodeRun }, texts] = await Promise.all([loadCodec(), shippedTexts()]);
  return encodeRun(run, texts);
}

/**
 * encodeLinkNow is encodeLink without waiting: undefined while the codec is not in, and a gallery
 * scenario's link carries its whole text (and opens the same) while the shipped texts are not.
 */
export function encodeLinkNow(run: SharedRun): string | undefined {
  return codec?.encodeRun(run, shippedTextsNow());
}

/** decodeLink reads a fragment; only a `#v2:` link, which names a shipped text, waits for them. */
export async function decodeLink(fragment: string): Promise<RunResult> {
  const { decodeRun } = await loadCodec();
  return decodeRun(fragment, namesShippedText(fragment) ? await shippedTexts() : undefined);
}

/** preloadLinks fetches the codec and the shipped texts, for encodeLinkNow; it settles when both are in. */
export async function preloadLinks(): Promise<void> {
  await Promise.all([loadCodec(), shippedTexts()]);
}
