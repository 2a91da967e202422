// kubectl create configmap NAME --from-literal=key=value… (staging/src/k8s.io/kubectl/pkg/cmd/
// create/create_configmap.go createConfigMap, addKeyFromLiteralToConfigMap). The page has no local
// files, so --from-file and --from-env-file say so instead of reading one.
import type { ConfigMap } from '../../engine/api/types';
import { isConfigMapKey } from '../../engine/validation/namespace';
import { fail, list } from '../util/flags';
import type { Generator } from '../util/generator';
import { clientMeta, finishGenerated, oneName } from '../util/generator';

const NO_FILES =
  'the playground runs in a browser page and has no local files to read; use --from-literal=KEY=VALUE, or write the ConfigMap in the editor and run kubectl apply -f -';

/** configMapGenerator runs `kubectl create configmap`. */
export const configMapGenerator: Generator = {
  spec: {
    name: 'configmap',
    aliases: ['cm'],
    usage:
      'kubectl create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1] [--dry-run=server|client|none]',
    short: 'Create a config map from a local file, directory or literal value',
    flags: [
      {
        name: 'from-literal',
        type: 'array',
        description: 'Specify a key and literal value to insert in configmap (i.e. mykey=somevalue)',
      },
      { name: 'from-file', type: 'strings', description: 'Key file (no local files in the playground).' },
      { name: 'from-env-file', type: 'strings', description: 'Env file (no local files in the playground).' },
    ],
  },
  run(args, ctx) {
    const name = oneName(args);
    if (typeof name !== 'string') return name;
    const files = [...list(args, 'from-file'), ...list(args, 'from-env-file')];
    if (files.length > 0) return fail(`error: error reading ${files[0]}: ${NO_FILES}\n`);
    const data: Record<string, string> = {};
    for (const source of list(args, 'from-literal')) {
      // ParseLiteralSource: the first "=" splits key from value; a leading one is an error.
      const eq = source.indexOf('=');
      if (eq <= 0) return fail(`error: invalid literal source ${source}, expected key=value\n`);
      const key = source.slice(0, eq);
      const errs = isConfigMapKey(key);
      if (errs.length > 0)
        return fail(`error: "${key}" is not a valid key name for a ConfigMap: ${errs.join(',')}\n`);
      if (key in data)
        return fail(
          `error: cannot add key "${key}", another key by that name already exists in Data for ConfigMap "${name}"\n`,
        );
      data[key] = source.slice(eq + 1);
    }
    const cm: ConfigMap = {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: { name },
      ...(Object.keys(data).length > 0 ? { data } : {}),
    };
    const client = { ...cm, metadata: clientMeta(args, cm.metadata, true) };
    return finishGenerated(args, ctx, { object: cm, client }, 'failed to create configmap');
  },
};
