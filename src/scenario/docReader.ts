// Placing problems in a raw Scenario document: every error carries the line and column of the
// field it names (or of its closest recorded parent), the way the manifest loader reports.
import type { ManifestError, Position, RawScenarioDoc } from '../manifests';

export type Loose = Record<string, unknown>;

export function isMapping(v: unknown): v is Loose {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** DocReader collects the errors found while reading one raw document. */
export class DocReader {
  readonly errors: ManifestError[] = [];
  constructor(protected readonly raw: RawScenarioDoc) {}

  /** at is the position of a path's value (its key for `key`), else of its closest recorded parent. */
  at(path: string, key = false): Position {
    const own = key ? this.raw.keyPositions[path] : undefined;
    if (own) return own;
    for (let p = path; p; p = p.replace(/(\.[^.[\]]*|\[\d+\])$/, '')) {
      const pos = this.raw.positions[p];
      if (pos) return pos;
      if (!/[.[]/.test(p)) break;
    }
    return { line: this.raw.line, column: 1 };
  }

  /** error records a problem at a path's value, or at its key when `key` is set (unknown fields). */
  error(path: string, message: string, key = false): undefined {
    this.errors.push({ document: this.raw.document, ...this.at(path, key), path, message });
    return undefined;
  }

  /** unknownKeys reports every key of `value` that `allowed` does not name. */
  unknownKeys(value: Loose, allowed: string[], path: string, what: string): void {
    for (const k of Object.keys(value)) {
      if (!allowed.includes(k))
        this.error(`${path}.${k}`, `unknown field "${k}": ${what} has ${allowed.join(', ')}`, true);
    }
  }
}
