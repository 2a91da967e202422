// kubectl get: list or fetch objects and print them as a table or in an -o format.
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import type { OutputFormat } from '../printers/output';
import { jsonPathErrorText, parseOutput, printDocuments } from '../printers/output';
import { jsonPathValues } from '../printers/jsonpath';
import type { TableOptions } from '../printers/table';
import { tableHeader, tableRow } from '../printers/table';
import { ColumnWidths } from '../printers/tabwriter';
import { toYaml } from '../printers/serialize';
import {
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  bool,
  fail,
  list,
  namespaceOf,
  str,
} from '../util/flags';
import type { AnyObject, ResourceRequest } from '../util/resources';
import { getObject, listObjects, notFoundError, parseResourceArgs } from '../util/resources';
import type { ObjectFilter } from '../util/selectors';
import { fieldFilter, labelFilter } from '../util/selectors';
import { createWatch } from '../watch';

const NO_TYPE =
  'You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.\n\n' +
  'error: Required resource not specified.\n' +
  'Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).\n' +
  "See 'kubectl get -h' for help and examples\n";

interface Fetched {
  request: ResourceRequest;
  objects: AnyObject[];
}

function sortValue(obj: AnyObject, expr: string): string | number {
  const v = jsonPathValues(expr, obj)[0];
  return typeof v === 'number' ? v : v === undefined || v === null ? '' : String(v);
}

function sortBy(objs: AnyObject[], expr: string): AnyObject[] {
  const keyed = objs.map((o) => ({ o, k: sortValue(o, expr) }));
  // Stable, and missing values first, as kubectl's RuntimeSort does.
  keyed.sort((a, b) => {
    if (typeof a.k === 'number' && typeof b.k === 'number') return a.k - b.k;
    const as = String(a.k);
    const bs = String(b.k);
    return as < bs ? -1 : as > bs ? 1 : 0;
  });
  return keyed.map((x) => x.o);
}

function noResources(fetched: Fetched[], namespace: string, allNamespaces: boolean): string {
  const namespaced = fetched.some((f) => f.request.type.namespaced);
  return namespaced && !allNamespaces
    ? `No resources found in ${namespace} namespace.\n`
    : 'No resources found\n';
}

function fetch(
  ctx: VerbContext,
  requests: ResourceRequest[],
  namespace: string,
  allNamespaces: boolean,
  filter: ObjectFilter,
): { fetched: Fetched[]; errors: string } {
  let errors = '';
  const fetched = requests.map((request) => {
    if (request.names.length === 0) {
      const objects = listObjects(ctx.sim, request.type, allNamespaces ? undefined : namespace).filter(
        filter,
      );
      return { request, objects };
    }
    const objects: AnyObject[] = [];
    for (const name of request.names) {
      const obj = getObject(ctx.sim, request.type, namespace, name);
      if (obj) objects.push(obj);
      else errors += notFoundError(request.type, name);
    }
    return { request, objects };
  });
  return { fetched, errors };
}

function printTables(
  fetched: Fetched[],
  opts: TableOptions,
  noHeaders: boolean,
  now: number,
  widths: ColumnWidths,
): string {
  const blocks: string[] = [];
  for (const f of fetched) {
    if (f.objects.length === 0) continue;
    const rows = f.objects.map((o) => tableRow(o, opts, now));
    const w = fetched.length === 1 ? widths : new ColumnWidths();
    blocks.push(w.render(noHeaders ? rows : [tableHeader(f.request.type.kind, opts), ...rows]));
  }
  return blocks.join('\n');
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const output = parseOutput(str(args, 'output'));
  if ('error' in output) return fail(output.error);
  const parsed = parseResourceArgs(args.positional);
  if (!parsed.ok) return fail(parsed.error);
  if (parsed.requests.length === 0) return fail(NO_TYPE);
  const watching = bool(args, 'watch') || bool(args, 'watch-only');
  if (watching && parsed.requests.length > 1)
    return fail('error: you may only specify a single resource type\n');
  const labels = labelFilter(str(args, 'selector'));
  if (!labels.ok) return fail(labels.error);
  const fields = fieldFilter(str(args, 'field-selector'));
  if (!fields.ok) return fail(fields.error);
  const filter: ObjectFilter = (o) => labels.filter(o) && fields.filter(o);
  const namespace = namespaceOf(args);
  const allNamespaces = bool(args, 'all-namespaces');
  const { fetched, errors } = fetch(ctx, parsed.requests, namespace, allNamespaces, filter);
  const sortExpr = str(args, 'sort-by');
  try {
    if (sortExpr) for (const f of fetched) f.objects = sortBy(f.objects, sortExpr);
  } catch (e) {
    return fail(jsonPathErrorText(sortExpr ?? '', e));
  }
  const now = ctx.sim.clock.now();
  const all = fetched.flatMap((f) => f.objects);
  const table: TableOptions = {
    wide: output.kind === 'table' && output.wide,
    showLabels: bool(args, 'show-labels'),
    labelColumns: list(args, 'label-columns'),
    withNamespace: allNamespaces && fetched.some((f) => f.request.type.namespaced),
    withKind: fetched.length > 1 || bool(args, 'show-kind'),
  };
  const widths = new ColumnWidths();
  const named = parsed.requests.some((r) => r.names.length > 0);
  let stdout = '';
  let stderr = errors;
  let printedYaml = false;
  // printGeneric (get.go): one named object is "single item implied", and its NotFound is the
  // whole answer; two or more names print a List of those found beside the errors.
  const singleImplied = parsed.requests.length === 1 && parsed.requests[0]?.names.length === 1;
  if (!bool(args, 'watch-only') && !(singleImplied && all.length === 0)) {
    try {
      stdout = render(fetched, all, output, table, named, now, widths, bool(args, 'no-headers'), watching);
    } catch (e) {
      return fail(jsonPathErrorText(output.kind === 'jsonpath' ? output.template : '', e));
    }
    printedYaml = watching && output.kind === 'yaml' && all.length > 0;
    if (all.length === 0 && !named && output.kind === 'table')
      stderr += noResources(fetched, namespace, allNamespaces);
  }
  const result: KubectlResult = { stdout, stderr, exitCode: errors ? 1 : 0 };
  const only = fetched[0];
  if (watching && only) {
    result.watch = createWatch({
      sim: ctx.sim,
      type: only.request.type,
      namespace: allNamespaces ? undefined : namespace,
      names: only.request.names,
      filter,
      format: output,
      table,
      widths,
      seen: only.objects,
      printedYaml,
      printedHeader: (!bool(args, 'watch-only') && only.objects.length > 0) || bool(args, 'no-headers'),
    });
  }
  return result;
}

function render(
  fetched: Fetched[],
  all: AnyObject[],
  output: OutputFormat,
  table: TableOptions,
  named: boolean,
  now: number,
  widths: ColumnWidths,
  noHeaders: boolean,
  watching: boolean,
): string {
  if (output.kind === 'table') return printTables(fetched, table, noHeaders, now, widths);
  // Watching prints each object as its own document, separated by `---` in YAML.
  if (watching && output.kind === 'yaml')
    return all.map((o, i) => (i > 0 ? '---\n' : '') + toYaml(o)).join('');
  if (watching && output.kind === 'json') return all.map((o) => printDocuments([o], output, true)).join('');
  const single = named && all.length === 1 && fetched.length === 1 && fetched[0]?.request.names.length === 1;
  return printDocuments(all, output, single, widths);
}

// `kubectl get`.
registerVerb({
  name: 'get',
  usage:
    'kubectl get [(-o|--output=)json|yaml|name|wide|jsonpath=...|custom-columns=...] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  short: 'Display one or many resources',
  flags: [
    OUTPUT_FLAG,
    SELECTOR_FLAG,
    ALL_NAMESPACES_FLAG,
    { name: 'show-labels', type: 'bool', description: 'When printing, show all labels as the last column.' },
    { name: 'label-columns', short: 'L', type: 'strings', description: 'Labels to present as columns.' },
    {
      name: 'watch',
      short: 'w',
      type: 'bool',
      description: 'After listing/getting the requested object, watch for changes.',
    },
    {
      name: 'watch-only',
      type: 'bool',
      description: 'Watch for changes to the requested object(s), without listing/getting first.',
    },
    {
      name: 'sort-by',
      type: 'string',
      description: 'Sort list types using this field specification (a JSONPath expression).',
    },
    FIELD_SELECTOR_FLAG,
    {
      name: 'no-headers',
      type: 'bool',
      description: "When using the default or custom-column output format, don't print headers.",
    },
    {
      name: 'show-kind',
      type: 'bool',
      description: 'If present, list the resource type for the requested object(s).',
    },
    { name: 'chunk-size', type: 'int', description: 'Return large lists in chunks (ignored).' },
    {
      name: 'ignore-not-found',
      type: 'bool',
      description: 'If set to true, suppress NotFound error for specific objects that do not exist.',
    },
  ],
  run: (args, ctx) => {
    const result = run(args, ctx);
    if (bool(args, 'ignore-not-found') && result.exitCode === 1 && result.stderr.includes('(NotFound)')) {
      return {
        ...result,
        stderr: result.stderr.replace(/^Error from server \(NotFound\).*\n/gm, ''),
        exitCode: 0,
      };
    }
    return result;
  },
});
