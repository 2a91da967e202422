// `kubectl get -w`: after the first listing, kubectl prints one line per watch event for the
// objects the query selects. The engine reports changes in batches (ChangeSet), so the watch
// keeps what it printed last per uid and turns each batch into the rows kubectl would print.
import type { ChangeSet, Simulation } from '../engine/simulation';
import type { KubectlWatch } from './types';
import type { OutputFormat } from './printers/output';
import { printDocuments } from './printers/output';
import type { TableOptions } from './printers/table';
import { tableHeader, tableRow } from './printers/table';
import type { ColumnWidths } from './printers/tabwriter';
import { toJsonText, toYaml } from './printers/serialize';
import type { AnyObject, ResourceType } from './util/resources';
import { nameOf } from './util/resources';
import type { ObjectFilter } from './util/selectors';

/** WatchQuery is what a `get -w` selects and how it prints. */
export interface WatchQuery {
  sim: Simulation;
  type: ResourceType;
  /** undefined: all namespaces (or a cluster-scoped type). */
  namespace: string | undefined;
  /** Only these names, when the command named objects. */
  names: string[];
  filter: ObjectFilter;
  format: OutputFormat;
  table: TableOptions;
  widths: ColumnWidths;
  /** The objects already printed by the initial listing, by uid. */
  seen: AnyObject[];
  /** True once a YAML document was printed, so the next one gets a `---` separator. */
  printedYaml: boolean;
  /** True once the table header was printed; the first rows of an empty listing bring it. */
  printedHeader: boolean;
}

function uidOf(obj: AnyObject): string {
  const uid = 'uid' in obj.metadata ? obj.metadata.uid : undefined;
  return (
    uid ?? `${obj.kind}/${'namespace' in obj.metadata ? obj.metadata.namespace : ''}/${obj.metadata.name}`
  );
}

/** createWatch builds the watch handle a `get -w` result carries. */
export function createWatch(q: WatchQuery): KubectlWatch {
  const known = new Map<string, AnyObject>(q.seen.map((o) => [uidOf(o), o]));
  let printedYaml = q.printedYaml;
  let printedHeader = q.printedHeader;
  const inScope = (obj: AnyObject): boolean => {
    if (obj.kind !== q.type.kind) return false;
    const ns = 'namespace' in obj.metadata ? obj.metadata.namespace : undefined;
    if (q.type.namespaced && q.namespace !== undefined && ns !== q.namespace) return false;
    if (q.names.length > 0 && !q.names.includes(obj.metadata.name)) return false;
    return q.filter(obj);
  };
  const print = (objs: AnyObject[], now: number): string => {
    if (objs.length === 0) return '';
    switch (q.format.kind) {
      case 'table': {
        const rows = objs.map((o) => tableRow(o, q.table, now));
        // The table printer prints the header with the first row it ever prints.
        if (!printedHeader) rows.unshift(tableHeader(q.type.kind, q.table));
        printedHeader = true;
        return q.widths.render(rows);
      }
      case 'yaml':
        return objs
          .map((o) => {
            const doc = (printedYaml ? '---\n' : '') + toYaml(o);
            printedYaml = true;
            return doc;
          })
          .join('');
      case 'json':
        return objs.map((o) => toJsonText(o)).join('');
      case 'name':
        return objs.map((o) => nameOf(o) + '\n').join('');
      default:
        return objs.map((o) => printDocuments([o], q.format, true, q.widths)).join('');
    }
  };
  return {
    format(changes: ChangeSet): string {
      const out: AnyObject[] = [];
      // The engine leaves Events out of its change sets; diff the event list instead.
      const upserted: AnyObject[] =
        q.type.kind === 'Event'
          ? q.sim.api.list('Event').filter((e) => {
              const before = known.get(uidOf(e));
              return (
                !before ||
                !('resourceVersion' in before.metadata) ||
                before.metadata.resourceVersion !== e.metadata.resourceVersion
              );
            })
          : changes.upserted;
      for (const obj of upserted) {
        const uid = uidOf(obj);
        if (inScope(obj)) {
          known.set(uid, obj);
          out.push(obj);
        } else if (known.has(uid) && obj.kind === q.type.kind) {
          // It stopped matching (a label changed): the API server sends DELETED with the new state.
          known.delete(uid);
          out.push(obj);
        }
      }
      for (const gone of changes.removed) {
        const last = known.get(gone.uid);
        if (!last) continue;
        known.delete(gone.uid);
        out.push(last);
      }
      return print(out, changes.time);
    },
  };
}
