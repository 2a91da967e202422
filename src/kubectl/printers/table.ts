// Building table rows for `get`: the kind's columns plus NAMESPACE (-A), kind-prefixed names
// (several types at once), -L label columns and --show-labels, with kubectl's header spelling.
import type { AnyObject } from '../util/resources';
import { qualifiedKind } from '../util/resources';
import { formatLabels, tableFor } from './columns';

/** TableOptions are the `get` flags that shape a table. */
export interface TableOptions {
  wide: boolean;
  showLabels: boolean;
  /** `-L key`: one column per key, headed by the key's last path segment in capitals. */
  labelColumns: string[];
  withNamespace: boolean;
  /** Prefix names with `kind.group/` (several types in one `get`, or --show-kind). */
  withKind: boolean;
}

/** tableHeader is the header row for a kind under these options. */
export function tableHeader(kind: string, opts: TableOptions): string[] {
  const def = tableFor(kind, opts.wide);
  const header = [...def.headers, ...(opts.wide ? def.wideHeaders : [])];
  for (const key of opts.labelColumns) header.push((key.split('/').pop() ?? key).toUpperCase());
  if (opts.showLabels) header.push('LABELS');
  return opts.withNamespace ? ['NAMESPACE', ...header] : header;
}

/** tableRow is one object's row under these options, with ages relative to `now`. */
export function tableRow(obj: AnyObject, opts: TableOptions, now: number): string[] {
  const def = tableFor(obj.kind, opts.wide);
  const row = [...def.row(obj, now), ...(opts.wide ? def.wideRow(obj, now) : [])];
  if (opts.withKind) row[0] = `${qualifiedKind(obj.kind)}/${row[0] ?? ''}`;
  const labels: Record<string, string> = obj.metadata.labels ?? {};
  for (const key of opts.labelColumns) row.push(labels[key] ?? '');
  if (opts.showLabels) row.push(formatLabels(labels));
  if (opts.withNamespace) {
    const ns = 'namespace' in obj.metadata ? (obj.metadata.namespace ?? '') : '';
    row.unshift(ns);
  }
  return row;
}
