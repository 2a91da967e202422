// kubectl set image | set resources: change containers in a pod template (or a pod).
import type { Container, KubeObject, PodSpec } from '../../engine/api/types';
import { canonicalQuantity, parseQuantity } from '../../engine/api/quantity';
import { registerVerb } from '../registry';
import type { FlagSpec, KubectlResult, VerbArgs, VerbContext } from '../types';
import { printDocuments } from '../printers/output';
import { apiErrorText } from '../util/errors';
import {
  ALL_FLAG,
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  SELECTOR_FLAG,
  bool,
  dryRunOf,
  dryRunSuffix,
  fail,
  str,
} from '../util/flags';
import { updatePodSpec } from '../util/podSpec';
import { nameOf } from '../util/resources';
import { findTargets, splitPairs } from '../util/targets';

const COMMON: FlagSpec[] = [
  SELECTOR_FLAG,
  ALL_FLAG,
  DRY_RUN_FLAG,
  OUTPUT_FLAG,
  {
    name: 'record',
    type: 'bool',
    description: 'Deprecated: record the command in the kubernetes.io/change-cause annotation.',
  },
  { name: 'local', type: 'bool', description: 'Not supported in the playground.' },
];

function containersOf(spec: PodSpec): Container[] {
  return [...(spec.initContainers ?? []), ...spec.containers];
}

type Change = (obj: KubeObject) => { ok: true; object: KubeObject } | { ok: false; error: string };

function applyToTargets(
  args: VerbArgs,
  ctx: VerbContext,
  words: string[],
  change: Change,
  operation: string,
): KubectlResult {
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const found = findTargets(ctx.sim, args, words);
  if ('error' in found) return fail(found.error);
  let stdout = '';
  let stderr = found.errors;
  for (const obj of found.objects) {
    const changed = change(obj);
    if (!changed.ok) {
      stderr += `error: ${changed.error}\n`;
      continue;
    }
    // An unchanged object sends an empty patch, which kubectl skips without a word.
    if (JSON.stringify(changed.object) === JSON.stringify(obj)) continue;
    let result = changed.object;
    if (dry === 'none') {
      const res = ctx.sim.api.update(changed.object);
      if (!res.ok) {
        stderr += apiErrorText(res.error);
        continue;
      }
      result = res.object;
    }
    const output = str(args, 'output');
    if (output === 'yaml' || output === 'json' || output === 'name')
      stdout += printDocuments([result], { kind: output }, true);
    else stdout += `${nameOf(obj)} ${operation}${dryRunSuffix(dry)}\n`;
  }
  return { stdout, stderr, exitCode: stderr ? 1 : 0 };
}

function setImage(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const split = splitPairs(args.positional, 'image');
  if ('error' in split) return fail(split.error);
  if (split.pairs.length === 0)
    return fail(
      "error: at least one image update is required\nSee 'kubectl set image -h' for help and examples\n",
    );
  const images = new Map<string, string>();
  for (const pair of split.pairs) {
    const eq = pair.indexOf('=');
    if (eq <= 0) return fail(`error: invalid image format: ${pair}\n`);
    images.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
  const change: Change = (obj) => {
    let missing: string | undefined;
    const res = updatePodSpec(obj, (spec) => {
      for (const [name, image] of images) {
        const matches = containersOf(spec).filter((c) => name === '*' || c.name === name);
        if (matches.length === 0) missing = name;
        for (const c of matches) c.image = image;
      }
    });
    if (res.ok && missing !== undefined)
      return { ok: false, error: `unable to find container named "${missing}"` };
    if (res.ok && bool(args, 'record'))
      res.object.metadata.annotations = {
        ...(res.object.metadata.annotations ?? {}),
        'kubernetes.io/change-cause': `kubectl set image ${args.positional.join(' ')}`,
      };
    return res;
  };
  return applyToTargets(args, ctx, split.resources, change, 'image updated');
}

function parseList(text: string | undefined, flag: string): Record<string, string> | { error: string } {
  const out: Record<string, string> = {};
  if (!text) return out;
  for (const item of text.split(',')) {
    const eq = item.indexOf('=');
    if (eq <= 0) return { error: `error: invalid ${flag} argument: ${item}` };
    const value = item.slice(eq + 1);
    const q = parseQuantity(value);
    if (!q.ok)
      return {
        error: `error: quantities must match the regular expression '^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'`,
      };
    out[item.slice(0, eq)] = canonicalQuantity(value);
  }
  return out;
}

function setResources(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const limits = parseList(str(args, 'limits'), 'limits');
  const requests = parseList(str(args, 'requests'), 'requests');
  if ('error' in limits) return fail(limits.error);
  if ('error' in requests) return fail(requests.error);
  if (Object.keys(limits).length === 0 && Object.keys(requests).length === 0) {
    return fail(
      'error: you must specify an update to requests or limits (in the form of --requests/--limits)\n',
    );
  }
  const containerName = str(args, 'containers') ?? '*';
  const change: Change = (obj) => {
    let found = false;
    const res = updatePodSpec(obj, (spec) => {
      for (const c of containersOf(spec)) {
        if (containerName !== '*' && c.name !== containerName) continue;
        found = true;
        const r = { ...(c.resources ?? {}) };
        if (Object.keys(limits).length > 0) r.limits = { ...(r.limits ?? {}), ...limits };
        if (Object.keys(requests).length > 0) r.requests = { ...(r.requests ?? {}), ...requests };
        c.resources = r;
      }
    });
    if (res.ok && !found) return { ok: false, error: `unable to find container named ${containerName}` };
    return res;
  };
  return applyToTargets(args, ctx, args.positional, change, 'resource requirements updated');
}

// `kubectl set image` and `kubectl set resources`.
registerVerb({
  name: 'set',
  usage: 'kubectl set SUBCOMMAND [options]',
  short: 'Set specific features on objects',
  flags: [],
  subcommands: [
    {
      name: 'image',
      usage:
        'kubectl set image (-f FILENAME | TYPE NAME) CONTAINER_NAME_1=CONTAINER_IMAGE_1 ... CONTAINER_NAME_N=CONTAINER_IMAGE_N',
      short: 'Update the image of a pod template',
      flags: COMMON,
    },
    {
      name: 'resources',
      usage: 'kubectl set resources (-f FILENAME | TYPE NAME) ([--limits=LIMITS & --requests=REQUESTS]',
      short: 'Update resource requests/limits on objects with pod templates',
      flags: [
        ...COMMON,
        {
          name: 'containers',
          short: 'c',
          type: 'string',
          description:
            'The names of containers in the selected pod templates to change, all containers are selected by default.',
        },
        {
          name: 'limits',
          type: 'string',
          description: "The resource requirement limits for this container, e.g. 'cpu=200m,memory=512Mi'.",
        },
        {
          name: 'requests',
          type: 'string',
          description: "The resource requirement requests for this container, e.g. 'cpu=100m,memory=256Mi'.",
        },
      ],
    },
  ],
  run: (args, ctx) => (args.sub === 'image' ? setImage(args, ctx) : setResources(args, ctx)),
});
