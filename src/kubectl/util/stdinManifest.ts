// What `apply -f -` and `create -f -` do alike before they send anything: the file they read is
// the editor's text (stdin), and the stream is decoded under the request's --validate directive.
import type { VerbArgs } from '../types';
import { namespaceOf, validationOf } from './flags';
import { readManifest } from './manifest';
import type { ManifestRead } from './manifest';

/** stdinPathError words a -f naming a file: the page has no file system, only the editor. */
export function stdinPathError(files: string[]): string | undefined {
  const notStdin = files.find((f) => f !== '-');
  return notStdin === undefined
    ? undefined
    : `error: the path "${notStdin}" does not exist (the playground reads manifests from the editor: use -f -)\n`;
}

/** readStdinManifest reads stdin's objects for `command`, or the error that stops it. */
export function readStdinManifest(
  args: VerbArgs,
  stdin: string | undefined,
  command: 'apply' | 'create',
): ManifestRead {
  const validation = validationOf(args);
  if (typeof validation === 'object') return { ok: false, error: validation.error };
  return readManifest(stdin, namespaceOf(args), args.flags.has('namespace'), command, validation);
}
