// What the node dialogs' fields make: the command they run, or why they cannot run it yet.
import { describe, expect, it } from 'vitest';
import { createGridViewSource } from '../../../src/app/grid/gridViewStore';
import { buildAddNode, buildNodeKey } from '../../../src/app/grid/nodeDialogForm';
import { createClusterMirror } from '../../../src/app/store/clusterMirror';
import { createAppStore } from '../../../src/app/store/createAppStore';
import { newNode } from '../../fixtures/builders';

const add = { name: 'node-4', labels: '', taints: '', cpu: '4', memory: '8Gi' };

describe('"Add node" fields → sim node add', () => {
  it.each([
    { fields: add, command: 'sim node add node-4 --cpu 4 --memory 8Gi', error: '' },
    {
      fields: { ...add, labels: 'disktype=ssd, zone=a', taints: 'gpu=true:NoSchedule' },
      command:
        'sim node add node-4 --label disktype=ssd --label zone=a --taint gpu=true:NoSchedule --cpu 4 --memory 8Gi',
      error: '',
    },
    {
      fields: { ...add, name: '' },
      command: 'sim node add  --cpu 4 --memory 8Gi',
      error: 'Name is required',
    },
    {
      fields: { ...add, labels: 'disktype' },
      command: 'sim node add node-4 --label disktype --cpu 4 --memory 8Gi',
      error: 'Labels are key=value, separated by commas',
    },
    {
      fields: { ...add, taints: 'gpu=true:Sometimes' },
      command: 'sim node add node-4 --taint gpu=true:Sometimes --cpu 4 --memory 8Gi',
      error: 'Taints are key=value:Effect (NoSchedule, PreferNoSchedule or NoExecute)',
    },
  ])('$fields.name $fields.labels $fields.taints → "$error"', ({ fields, command, error }) => {
    expect(buildAddNode(fields)).toEqual({ command, error });
  });
});

describe('"Label…" and "Taint…" fields → kubectl label / taint', () => {
  const mirror = createClusterMirror();
  mirror.reset([
    newNode('n1', { labels: { disktype: 'ssd' }, taints: [{ key: 'gpu', effect: 'NoSchedule' }] }),
  ]);
  const card = createGridViewSource(mirror, createAppStore()).view().nodes[0]!;

  it.each([
    {
      kind: 'label' as const,
      fields: { key: 'zone', value: 'a', effect: 'NoSchedule' as const },
      command: 'kubectl label nodes n1 zone=a',
    },
    {
      kind: 'label' as const,
      fields: { key: 'disktype', value: 'hdd', effect: 'NoSchedule' as const },
      command: 'kubectl label nodes n1 disktype=hdd --overwrite',
    },
    {
      kind: 'taint' as const,
      fields: { key: 'gpu', value: '', effect: 'NoSchedule' as const },
      command: 'kubectl taint nodes n1 gpu:NoSchedule --overwrite',
    },
    {
      kind: 'taint' as const,
      fields: { key: 'gpu', value: '', effect: 'NoExecute' as const },
      command: 'kubectl taint nodes n1 gpu:NoExecute',
    },
  ])('$kind $fields.key=$fields.value:$fields.effect → $command', ({ kind, fields, command }) => {
    expect(buildNodeKey(kind, card, fields)).toEqual({ command, error: '' });
  });

  it('needs a key, and a key or value kubectl can take', () => {
    expect(buildNodeKey('label', card, { key: '', value: '', effect: 'NoSchedule' }).error).toBe(
      'Key is required',
    );
    expect(buildNodeKey('taint', card, { key: 'a b', value: '', effect: 'NoSchedule' }).error).toMatch(
      /^Key must not contain spaces/,
    );
    expect(buildNodeKey('label', card, { key: 'k', value: 'x:y', effect: 'NoSchedule' }).error).toMatch(
      /^Value must not contain/,
    );
  });
});
