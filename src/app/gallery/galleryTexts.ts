// The gallery's scenario texts, bundled by Vite (`?raw`). Kept apart from the index
// (src/scenario/gallery/index.ts), which must also run in Node, where `?raw` does not exist.
const TEXTS = import.meta.glob<string>('../../scenario/gallery/*.yaml', {
  query: '?raw',
  import: 'default',
  eager: true,
});

/** galleryText returns a built-in scenario's YAML, or undefined for an unknown name. */
export function galleryText(name: string): string | undefined {
  return TEXTS[`../../scenario/gallery/${name}.yaml`];
}
