// kubectl create namespace NAME (staging/src/k8s.io/kubectl/pkg/cmd/create/create_namespace.go):
// a Namespace with only a name; the API server adds its label, finalizer and phase.
import type { Namespace } from '../../engine/api/types';
import type { Generator } from '../util/generator';
import { clientMeta, finishGenerated, oneName } from '../util/generator';

/** namespaceGenerator runs `kubectl create namespace`. */
export const namespaceGenerator: Generator = {
  spec: {
    name: 'namespace',
    aliases: ['ns'],
    usage: 'kubectl create namespace NAME [--dry-run=server|client|none]',
    short: 'Create a namespace with the specified name',
    flags: [],
  },
  run(args, ctx) {
    const name = oneName(args);
    if (typeof name !== 'string') return name;
    const ns: Namespace = { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
    const client = {
      kind: 'Namespace',
      apiVersion: 'v1',
      metadata: clientMeta(args, ns.metadata, false),
      spec: {},
      status: {},
    };
    // Run returns the client's error as it is: no "failed to create" prefix here.
    return finishGenerated(args, ctx, { object: ns, client });
  },
};
