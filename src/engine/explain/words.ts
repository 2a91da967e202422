// Small wording helpers the explanations share: counts, durations and resource amounts written
// the way kubectl and the Kubernetes docs write them (`37s`, `2m5s`, `200Mi`, `250m`).

/** plural writes `1 node`, `3 nodes`. */
export function plural(n: number, word: string, many = `${word}s`): string {
  return `${n} ${n === 1 ? word : many}`;
}

/** formatSeconds writes whole seconds as `45s`, `2m5s`, `1h3m` (rounded up: a timer never reads 0s early). */
export function formatSeconds(seconds: number): string {
  const s = Math.max(0, Math.ceil(seconds - 1e-9));
  if (s < 60) return `${s}s`;
  const m = Math.floor(s / 60);
  if (m < 60) return s % 60 ? `${m}m${s % 60}s` : `${m}m`;
  const h = Math.floor(m / 60);
  return m % 60 ? `${h}h${m % 60}m` : `${h}h`;
}

const MI = 1024 * 1024;
const GI = 1024 * MI;

/** formatBytes writes a memory amount in the binary units manifests use: `200Mi`, `7.5Gi`. */
export function formatBytes(bytes: number): string {
  if (bytes >= GI) return `${Number((bytes / GI).toFixed(bytes % GI === 0 ? 0 : 1))}Gi`;
  if (bytes >= MI || bytes === 0) return `${Math.round(bytes / MI)}Mi`;
  return `${Math.ceil(bytes / 1024)}Ki`;
}

/** formatMilliCpu writes millicores as a manifest would: `250m`, `2`, `1.5`. */
export function formatMilliCpu(milli: number): string {
  if (milli % 1000 === 0) return String(milli / 1000);
  return milli > 1000 ? String(Number((milli / 1000).toFixed(2))) : `${milli}m`;
}

/** formatAmount writes a scheduler amount (ResourceAmounts) of the named resource. */
export function formatAmount(resource: string, amount: number): string {
  if (resource === 'cpu') return formatMilliCpu(amount);
  if (resource === 'memory' || resource === 'ephemeral-storage') return formatBytes(amount);
  return String(amount);
}

/**
 * parseGoDuration reads the short durations the kubelet prints (`40s`, `5m0s`, `1m20s`) in
 * seconds; undefined when the text is not one.
 */
export function parseGoDuration(text: string): number | undefined {
  // Fractions are accepted in every unit: the simulated kubelet writes 80 s as `1.3333333333333333m0s`.
  const m = /^(?:(\d+(?:\.\d+)?)h)?(?:(\d+(?:\.\d+)?)m)?(?:(\d+(?:\.\d+)?)s)?$/.exec(text);
  if (!m || text === '') return undefined;
  return Math.round(Number(m[1] ?? 0) * 3600 + Number(m[2] ?? 0) * 60 + Number(m[3] ?? 0));
}
