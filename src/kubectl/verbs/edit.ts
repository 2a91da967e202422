// kubectl edit opens an editor; in the playground that editor is the YAML pane.
import { registerVerb } from '../registry';
import { fail } from '../util/flags';

// `kubectl edit` (UI-only: edit in the YAML editor, then apply).
registerVerb({
  name: 'edit',
  usage: 'kubectl edit (RESOURCE/NAME | -f FILENAME) [options]',
  short: 'Edit a resource on the server',
  flags: [{ name: 'output', short: 'o', type: 'string', description: 'Output format.' }],
  run: (args) =>
    fail(
      `error: kubectl edit needs an interactive editor, which the console does not have; open ${args.positional.join(' ') || 'the object'} in the YAML editor, change it and apply it (kubectl apply -f -)\n`,
    ),
});
