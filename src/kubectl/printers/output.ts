// `-o` formats other than the table: yaml, json, name, jsonpath and custom-columns.
import type { AnyObject } from '../util/resources';
import { nameOf } from '../util/resources';
import { ColumnWidths } from './tabwriter';
import { JsonPathError, jsonPath, jsonPathValues } from './jsonpath';
import { asList, toJsonText, toYaml } from './serialize';

/** OutputFormat is a parsed `-o` value. */
export type OutputFormat =
  | { kind: 'table'; wide: boolean }
  | { kind: 'yaml' }
  | { kind: 'json' }
  | { kind: 'name' }
  | { kind: 'jsonpath'; template: string }
  | { kind: 'custom-columns'; columns: { header: string; expr: string }[] };

const ALLOWED =
  'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';

/** parseOutput reads `-o`; the error text is kubectl's when no printer matches. */
export function parseOutput(value: string | undefined): OutputFormat | { error: string } {
  if (value === undefined || value === '') return { kind: 'table', wide: false };
  if (value === 'wide') return { kind: 'table', wide: true };
  if (value === 'yaml' || value === 'json' || value === 'name') return { kind: value };
  const eq = value.indexOf('=');
  const name = eq >= 0 ? value.slice(0, eq) : value;
  const arg = eq >= 0 ? value.slice(eq + 1) : '';
  if (name === 'jsonpath' || name === 'template' || name === 'go-template') {
    if (name !== 'jsonpath')
      return { error: `error: go templates are not supported in the playground; use -o jsonpath=...\n` };
    if (!arg) return { error: 'error: template format specified but no template given\n' };
    return { kind: 'jsonpath', template: arg };
  }
  if (name === 'custom-columns') {
    const columns: { header: string; expr: string }[] = [];
    for (const spec of arg.split(',')) {
      const colon = spec.indexOf(':');
      if (colon < 0)
        return {
          error: `error: unexpected custom-columns spec: ${spec}, expected <header>:<json-path-expr>\n`,
        };
      columns.push({ header: spec.slice(0, colon), expr: spec.slice(colon + 1) });
    }
    if (columns.length === 0)
      return { error: 'error: custom-columns format specified but no custom columns given\n' };
    return { kind: 'custom-columns', columns };
  }
  return {
    error: `error: unable to match a printer suitable for the output format "${value}", allowed formats are: ${ALLOWED}\n`,
  };
}

/**
 * printDocuments prints objects in a non-table format. `single` prints the lone object itself
 * (a `get` of one named object); otherwise objects are wrapped in a `v1 List` as kubectl does.
 * Throws JsonPathError for a bad template.
 */
export function printDocuments(
  objs: readonly AnyObject[],
  format: OutputFormat,
  single: boolean,
  widths?: ColumnWidths,
): string {
  const root: unknown = single && objs.length === 1 ? objs[0] : asList(objs);
  switch (format.kind) {
    case 'yaml':
      return toYaml(root);
    case 'json':
      return toJsonText(root);
    case 'name':
      return objs.map((o) => nameOf(o) + '\n').join('');
    case 'jsonpath':
      return jsonPath(format.template, root);
    case 'custom-columns': {
      const rows = objs.map((o) =>
        format.columns.map((c) => {
          const values = jsonPathValues(c.expr, o);
          return values.length === 0
            ? '<none>'
            : values.map((v) => (typeof v === 'object' ? JSON.stringify(v) : String(v))).join(',');
        }),
      );
      const w = widths ?? new ColumnWidths();
      return w.render([format.columns.map((c) => c.header), ...rows]);
    }
    case 'table':
      return '';
  }
}

/** jsonPathErrorText words a template error as kubectl does. */
export function jsonPathErrorText(template: string, e: unknown): string {
  const detail = e instanceof JsonPathError ? e.message : String(e);
  return `error: error parsing jsonpath ${template}, ${detail}\n`;
}
