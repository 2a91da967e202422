// kubectl patch: strategic merge (default), JSON merge (RFC 7386) or JSON patch (RFC 6902).
import { parse } from 'yaml';
import type { KubeObject } from '../../engine/api/types';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { printDocuments } from '../printers/output';
import { apiErrorText } from '../util/errors';
import { DRY_RUN_FLAG, OUTPUT_FLAG, dryRunOf, dryRunSuffix, fail, str } from '../util/flags';
import type { Json } from '../util/merge';
import { PatchError, jsonPatch, mergePatch, strategicMerge } from '../util/merge';
import { nameOf, qualifiedResourceName, typeOfKind } from '../util/resources';
import { findTargets } from '../util/targets';

const TYPES = ['json', 'merge', 'strategic'];

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const text = str(args, 'patch');
  if (text === undefined || text === '')
    return fail('error: must specify --patch or --patch-file containing the contents of the patch\n');
  const type = str(args, 'type') ?? 'strategic';
  if (!TYPES.includes(type))
    return fail(`error: --type must be one of [${TYPES.join(' ')}], not "${type}"\n`);
  let patch: Json;
  try {
    // kubectl accepts YAML as well as JSON here (it converts with yaml.ToJSON).
    patch = parse(text) as Json;
  } catch (e) {
    const detail =
      e instanceof Error
        ? (e.message.split('\n')[0] ?? '').replace(/ at line \d+, column \d+:?$/, '')
        : String(e);
    return fail(`error: unable to parse "${text}": ${detail}\n`);
  }
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const found = findTargets(ctx.sim, args, args.positional);
  if ('error' in found) return fail(found.error);
  let stdout = '';
  let stderr = found.errors;
  for (const obj of found.objects) {
    const { status, ...rest } = JSON.parse(JSON.stringify(obj)) as Record<string, Json>;
    let patched: Json;
    try {
      patched =
        type === 'json'
          ? jsonPatch(rest, patch)
          : type === 'merge'
            ? mergePatch(rest, patch)
            : strategicMerge(rest, patch);
    } catch (e) {
      const t = typeOfKind(obj.kind);
      const resource = t ? qualifiedResourceName(t) : obj.kind;
      const reason = e instanceof PatchError ? e.message : String(e);
      stderr += `The request is invalid: the server rejected our request due to an error in our request (${resource} "${obj.metadata.name}": ${reason})\n`;
      continue;
    }
    const next = {
      ...(patched as Record<string, Json>),
      ...(status !== undefined ? { status } : {}),
    } as unknown as KubeObject;
    let unchanged = JSON.stringify(next) === JSON.stringify(obj);
    let result: KubeObject = next;
    if (!unchanged && dry === 'none') {
      const res = ctx.sim.api.update(next);
      if (!res.ok) {
        stderr += apiErrorText(res.error);
        continue;
      }
      result = res.object;
      // patch.go compares the object before with what the server answers: a patch the server
      // stores as it was (`{"spec":{"paused":false}}`, dropped as an empty omitempty field) did nothing.
      unchanged = result === obj;
    }
    const output = str(args, 'output');
    if (output === 'yaml' || output === 'json' || output === 'name')
      stdout += printDocuments([result], { kind: output }, true);
    else stdout += `${nameOf(obj)} patched${unchanged ? ' (no change)' : ''}${dryRunSuffix(dry)}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

// `kubectl patch`.
registerVerb({
  name: 'patch',
  usage: 'kubectl patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE] [--type json|merge|strategic]',
  short: 'Update fields of a resource',
  flags: [
    {
      name: 'patch',
      short: 'p',
      type: 'string',
      description: 'The patch to be applied to the resource JSON file.',
    },
    {
      name: 'type',
      type: 'string',
      description: 'The type of patch being provided; one of [json merge strategic].',
    },
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
  ],
  run,
});
