// What a URL fragment says before it is decoded: whether it is a run at all, and in which format.
// Apart from the codec (urlCodec.ts) and its deflate, so the page can ask at start-up and load
// the codec only when a link is made or opened.

export const V1_PREFIX = 'v1:';
export const V2_PREFIX = 'v2:';

/** isRunFragment tells whether a fragment is meant as a run (so other fragments are left alone). */
export function isRunFragment(fragment: string): boolean {
  return /^#?v\d+:/.test(fragment);
}

/** namesShippedText tells whether a fragment is a `#v2:` link, which names a shipped text. */
export function namesShippedText(fragment: string): boolean {
  return fragment.replace(/^#/, '').startsWith(V2_PREFIX);
}
