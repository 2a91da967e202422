// The gallery's texts themselves, eager within this module: it is loaded only through
// galleryTexts.ts's dynamic import, so all of them arrive as one chunk after the page starts.
const TEXTS = import.meta.glob<string>('../../scenario/gallery/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** galleryText returns a built-in scenario's YAML, or undefined for an unknown name. */
export function galleryText(name: string): string | undefined {
  return TEXTS[`../../scenario/gallery/${name}.yaml`];
}
