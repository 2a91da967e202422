/**
 * deepClone copies plain JSON data (API objects). It is several times faster than structuredClone
 * for the small nested objects the engine writes thousands of times per simulated second, which
 * matters at 5,000 nodes. Objects here never hold Dates, Maps or cycles.
 */
export function deepClone<T>(value: T): T {
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    const out = new Array<unknown>(value.length);
    for (let i = 0; i < value.length; i++) out[i] = deepClone(value[i]);
    return out as T;
  }
  const out: Record<string, unknown> = {};
  for (const key in value as Record<string, unknown>) {
    const v = (value as Record<string, unknown>)[key];
    if (v !== undefined) out[key] = deepClone(v);
  }
  return out as T;
}

/**
 * deepFreeze makes shared data read-only, so code that would change a stored object in place
 * (instead of writing a copy through the API) fails loudly rather than corrupting its sharers.
 */
export function deepFreeze<T>(value: T): T {
  if (value === null || typeof value !== 'object' || Object.isFrozen(value)) return value;
  for (const key of Object.keys(value)) deepFreeze((value as Record<string, unknown>)[key]);
  return Object.freeze(value);
}
