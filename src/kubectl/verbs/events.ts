// kubectl events: the newer events command, sorted by time (unlike `get events`), with
// --for and --types filters (staging/src/k8s.io/kubectl/pkg/cmd/events).
import type { Event } from '../../engine/api/types';
import { parseTimestamp } from '../../engine/clock/clock';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { eventLastSeen } from '../printers/columns';
import { ColumnWidths } from '../printers/tabwriter';
import { ALL_NAMESPACES_FLAG, bool, fail, list, namespaceOf, str } from '../util/flags';
import { lookupType } from '../util/resources';

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const all = bool(args, 'all-namespaces');
  const namespace = namespaceOf(args);
  let events = ctx.sim.api.list<Event>('Event', all ? undefined : namespace);
  const forObject = str(args, 'for');
  if (forObject) {
    const slash = forObject.indexOf('/');
    const type = slash >= 0 ? lookupType(forObject.slice(0, slash)) : undefined;
    if (!type) return fail(`error: --for must be in resource/name form\n`);
    const name = forObject.slice(slash + 1);
    events = events.filter((e) => e.involvedObject.kind === type.kind && e.involvedObject.name === name);
  }
  const types = list(args, 'types');
  for (const t of types)
    if (t !== 'Normal' && t !== 'Warning') return fail(`error: valid --types are Normal or Warning\n`);
  if (types.length > 0) events = events.filter((e) => types.includes(e.type));
  if (events.length === 0) {
    return {
      stdout: '',
      stderr: all ? 'No events found.\n' : `No events found in ${namespace} namespace.\n`,
      exitCode: 0,
    };
  }
  const sorted = [...events].sort(
    (a, b) => parseTimestamp(a.lastTimestamp) - parseTimestamp(b.lastTimestamp),
  );
  const now = ctx.sim.clock.now();
  const header = ['LAST SEEN', 'TYPE', 'REASON', 'OBJECT', 'MESSAGE'];
  const rows = sorted.map((e) => [
    eventLastSeen(e, now),
    e.type,
    e.reason,
    `${e.involvedObject.kind}/${e.involvedObject.name}`,
    e.message.trim(),
  ]);
  const withNs = all
    ? [['NAMESPACE', ...header], ...rows.map((r, i) => [sorted[i]?.metadata.namespace ?? '', ...r])]
    : [header, ...rows];
  return {
    stdout: new ColumnWidths().render(bool(args, 'no-headers') ? withNs.slice(1) : withNs),
    stderr: '',
    exitCode: 0,
  };
}

// `kubectl events`.
registerVerb({
  name: 'events',
  usage: 'kubectl events [(-o|--output=)json|yaml|name] [--for TYPE/NAME] [--watch] [--types=Normal,Warning]',
  short: 'List events',
  flags: [
    ALL_NAMESPACES_FLAG,
    {
      name: 'for',
      type: 'string',
      description: 'Filter events to only those pertaining to the specified resource.',
    },
    { name: 'types', type: 'strings', description: 'Output only events of given types (Normal, Warning).' },
    {
      name: 'no-headers',
      type: 'bool',
      description: "When using the default output format, don't print headers.",
    },
  ],
  run,
});
