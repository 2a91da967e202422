// kubectl create priorityclass NAME --value=N [--global-default] [--description=…]
// [--preemption-policy=…] (staging/src/k8s.io/kubectl/pkg/cmd/create/create_priorityclass.go
// createPriorityClass): value 0 and PreemptLowerPriority unless given; the API server judges them.
import type { PriorityClass } from '../../engine/api/types';
import { bool, int, str } from '../util/flags';
import type { Generator } from '../util/generator';
import { clientMeta, finishGenerated, oneName } from '../util/generator';

/** priorityClassGenerator runs `kubectl create priorityclass`. */
export const priorityClassGenerator: Generator = {
  spec: {
    name: 'priorityclass',
    aliases: ['pc'],
    usage:
      'kubectl create priorityclass NAME --value=VALUE --global-default=BOOL [--dry-run=server|client|none]',
    short: 'Create a priority class with the specified name',
    flags: [
      { name: 'value', type: 'int', description: 'the value of this priority class.' },
      {
        name: 'global-default',
        type: 'bool',
        description:
          'global-default specifies whether this PriorityClass should be considered as the default priority.',
      },
      {
        name: 'description',
        type: 'string',
        description:
          'description is an arbitrary string that usually provides guidelines on when this priority class should be used.',
      },
      {
        name: 'preemption-policy',
        type: 'string',
        description: 'preemption-policy is the policy for preempting pods with lower priority.',
      },
    ],
  },
  run(args, ctx) {
    const name = oneName(args);
    if (typeof name !== 'string') return name;
    const description = str(args, 'description') ?? '';
    const globalDefault = bool(args, 'global-default');
    const pc = {
      kind: 'PriorityClass',
      apiVersion: 'scheduling.k8s.io/v1',
      metadata: { name },
      value: int(args, 'value') ?? 0,
      // Go's omitempty drops false and "", as the generator's struct serialises them.
      ...(globalDefault ? { globalDefault } : {}),
      ...(description ? { description } : {}),
      preemptionPolicy: str(args, 'preemption-policy') ?? 'PreemptLowerPriority',
    } as PriorityClass;
    const client = { ...pc, metadata: clientMeta(args, pc.metadata, false) };
    return finishGenerated(args, ctx, { object: pc, client }, 'failed to create priorityclass');
  },
};
