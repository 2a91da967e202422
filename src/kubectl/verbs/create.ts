// kubectl create -f -: create every object in the stream; existing ones are an error. The
// generators (`create deployment`, `create job`, …) are subcommands, one module each.
import { applyDefaults } from '../../engine/apiserver/defaults';
import { validateObject } from '../../engine/validation';
import { formatInvalid } from '../../engine/validation/fieldErrors';
import { registerVerb } from '../registry';
import { KUSTOMIZE_FLAG, kustomizeRequested } from './kustomize';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from '../util/errors';
import {
  DRY_RUN_FLAG,
  FILENAME_FLAG,
  OUTPUT_FLAG,
  bool,
  dryRunOf,
  dryRunSuffix,
  fail,
  list,
  str,
  VALIDATE_FLAG,
} from '../util/flags';
import { readStdinManifest, stdinPathError } from '../util/stdinManifest';
import { nameOf, qualifiedResourceName, typeOfKind } from '../util/resources';
import { printDocuments } from '../printers/output';
import { LAST_APPLIED, lastAppliedValue } from './apply';
import type { Generator } from '../util/generator';
import { configMapGenerator } from './createConfigMap';
import { cronJobGenerator } from './createCronJob';
import { deploymentGenerator } from './createDeployment';
import { jobGenerator } from './createJob';
import { namespaceGenerator } from './createNamespace';
import { priorityClassGenerator } from './createPriorityClass';

// The generators kubectl has for the kinds the playground serves, in `kubectl create --help` order.
const GENERATORS: Generator[] = [
  configMapGenerator,
  cronJobGenerator,
  deploymentGenerator,
  jobGenerator,
  namespaceGenerator,
  priorityClassGenerator,
];

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const kustomized = kustomizeRequested(args);
  if (kustomized) return kustomized;
  const generator = GENERATORS.find((g) => g.spec.name === args.sub);
  if (generator) return generator.run(args, ctx);
  const files = list(args, 'filename');
  if (files.length === 0) {
    // `kubectl create daemonset` does not exist (create.go has no such generator): the word is
    // an argument of create itself, and create takes none.
    if (args.positional.length > 0)
      return fail(
        `error: Unexpected args: [${args.positional.join(' ')}]\nSee 'kubectl create -h' for help and examples\n`,
      );
    return fail("error: must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples\n");
  }
  const pathError = stdinPathError(files);
  if (pathError) return fail(pathError);
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const read = readStdinManifest(args, ctx.stdin, 'create');
  if (!read.ok) return fail(read.error);
  const output = str(args, 'output');
  let stdout = '';
  let stderr = '';
  let failed = false;
  for (const item of read.items) {
    if (!item.ok) {
      stderr += item.error;
      failed = true;
      continue;
    }
    stderr += item.warnings;
    let obj = item.object;
    if (bool(args, 'save-config')) {
      obj = {
        ...obj,
        metadata: {
          ...obj.metadata,
          annotations: { ...(obj.metadata.annotations ?? {}), [LAST_APPLIED]: lastAppliedValue(item.raw) },
        },
      };
    }
    const exists = ctx.sim.api.get(obj.kind, obj.metadata.namespace, obj.metadata.name);
    if (dry !== 'none') {
      const type = typeOfKind(obj.kind);
      if (dry === 'server' && exists && type) {
        stderr += `Error from server (AlreadyExists): error when creating "STDIN": ${qualifiedResourceName(type)} "${obj.metadata.name}" already exists\n`;
        failed = true;
        continue;
      }
      const errors = dry === 'server' ? validateObject(applyDefaults(obj)) : [];
      if (errors.length > 0) {
        stderr += formatInvalid(obj.kind, obj.metadata.name, errors) + '\n';
        failed = true;
      } else stdout += `${nameOf(obj)} created${dryRunSuffix(dry)}\n`;
      continue;
    }
    const created = ctx.sim.api.create(obj);
    if (!created.ok) {
      stderr += apiErrorText(created.error, { verb: 'creating', file: 'STDIN' });
      failed = true;
    } else if (output === 'name' || output === 'yaml' || output === 'json')
      stdout += printDocuments([created.object], { kind: output }, true);
    else stdout += `${nameOf(created.object)} created\n`;
  }
  return { stdout, stderr, exitCode: failed ? 1 : 0 };
}

// `kubectl create -f -` and its generators.
registerVerb({
  name: 'create',
  usage: 'kubectl create -f FILENAME [options]',
  short: 'Create a resource from a file or from stdin',
  flags: [
    FILENAME_FLAG,
    KUSTOMIZE_FLAG,
    DRY_RUN_FLAG,
    OUTPUT_FLAG,
    {
      name: 'save-config',
      type: 'bool',
      description: 'Save the configuration in an annotation, so kubectl apply can be used later.',
    },
    VALIDATE_FLAG,
  ],
  subcommands: GENERATORS.map((g) => g.spec),
  runsWithoutSubcommand: true,
  run,
});
