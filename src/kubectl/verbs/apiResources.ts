// kubectl api-resources: the resource types this cluster serves, sorted by group then name.
import { registerVerb } from '../registry';
import { ColumnWidths } from '../printers/tabwriter';
import { OUTPUT_FLAG, fail, ok, str } from '../util/flags';
import { resourceTypes } from '../util/resources';

// `kubectl api-resources`.
registerVerb({
  name: 'api-resources',
  usage: 'kubectl api-resources [flags]',
  short: 'Print the supported API resources on the server',
  flags: [
    OUTPUT_FLAG,
    {
      name: 'namespaced',
      type: 'string',
      noValueDefault: 'true',
      description: 'If false, non-namespaced resources will be returned.',
    },
    { name: 'api-group', type: 'string', description: 'Limit to resources in the specified API group.' },
    {
      name: 'no-headers',
      type: 'bool',
      description: "When using the default or custom-column output format, don't print headers.",
    },
  ],
  run: (args) => {
    const output = str(args, 'output');
    if (output !== undefined && output !== 'wide' && output !== 'name')
      return fail(`error: --output ${output} is not available\n`);
    const namespaced = str(args, 'namespaced');
    const group = str(args, 'api-group');
    const types = resourceTypes()
      .filter((t) => namespaced === undefined || String(t.namespaced) === namespaced)
      .filter((t) => group === undefined || t.group === group)
      .sort((a, b) =>
        a.group !== b.group ? (a.group < b.group ? -1 : 1) : a.resource < b.resource ? -1 : 1,
      );
    if (output === 'name')
      return ok(types.map((t) => (t.group ? `${t.resource}.${t.group}\n` : `${t.resource}\n`)).join(''));
    const header = ['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND'];
    const rows = types.map((t) => [
      t.resource,
      t.shortNames.join(','),
      t.apiVersion,
      String(t.namespaced),
      t.kind,
    ]);
    const all = args.flags.get('no-headers') === true ? rows : [header, ...rows];
    return ok(new ColumnWidths().render(all));
  },
});
