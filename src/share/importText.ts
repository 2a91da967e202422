// Pasted YAML joins the scenario as more documents of the same stream: `kubectl get nodes -o
// yaml` prints one `v1 List`, which the manifest loader unwraps, and manifests may bring their
// own `---` separators.

/** appendDocuments adds `pasted` to `text` as further YAML documents. */
export function appendDocuments(text: string, pasted: string): string {
  const added = pasted
    .replace(/\r\n/g, '\n')
    .replace(/^\s*(---[ \t]*\n)?/, '')
    .replace(/\s*$/, '\n');
  if (!added.trim()) return text;
  const base = text.replace(/\s*$/, '');
  if (!base) return added;
  // A stream that already ends with its own separator needs no second one.
  return /(^|\n)---$/.test(base) ? `${base}\n${added}` : `${base}\n---\n${added}`;
}

/** countDocuments counts the non-empty documents of a YAML stream, for a short summary. */
export function countDocuments(text: string): number {
  return text
    .replace(/\r\n/g, '\n')
    .split(/^---[ \t]*$/m)
    .filter((d) => d.split('\n').some((l) => l.trim() && !l.trim().startsWith('#'))).length;
}
