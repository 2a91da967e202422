import { describe, expect, it } from 'vitest';
import {
  NODE_COMMANDS,
  addNodeCommand,
  checkToken,
  labelCommand,
  nextNodeName,
  parseList,
  taintCommand,
  untaintCommand,
  unlabelCommand,
} from '../../../src/app/grid/nodeCommands';

describe('node action command lines', () => {
  it('adds a node with labels, taints and resources as `sim node add`', () => {
    expect(
      addNodeCommand({
        name: 'node-4',
        labels: ['disktype=ssd'],
        taints: ['gpu=true:NoSchedule'],
        cpu: '8',
        memory: '16Gi',
      }),
    ).toBe('sim node add node-4 --label disktype=ssd --taint gpu=true:NoSchedule --cpu 8 --memory 16Gi');
    expect(addNodeCommand({ name: 'n', labels: [], taints: [], cpu: '', memory: '' })).toBe('sim node add n');
  });

  it('labels and taints with --overwrite only when changing an existing one', () => {
    expect(labelCommand('n1', 'disktype', 'ssd', false)).toBe('kubectl label nodes n1 disktype=ssd');
    expect(labelCommand('n1', 'disktype', 'hdd', true)).toBe(
      'kubectl label nodes n1 disktype=hdd --overwrite',
    );
    expect(unlabelCommand('n1', 'disktype')).toBe('kubectl label nodes n1 disktype-');
    expect(taintCommand('n1', 'maintenance', 'true', 'NoExecute', false)).toBe(
      'kubectl taint nodes n1 maintenance=true:NoExecute',
    );
    expect(taintCommand('n1', 'gpu', '', 'NoSchedule', true)).toBe(
      'kubectl taint nodes n1 gpu:NoSchedule --overwrite',
    );
    expect(untaintCommand('n1', 'maintenance', 'NoExecute')).toBe(
      'kubectl taint nodes n1 maintenance:NoExecute-',
    );
  });

  it('uses the real kubectl and sim verbs for one-click actions', () => {
    expect(Object.values(NODE_COMMANDS).map((f) => f('n1'))).toEqual([
      'kubectl cordon n1',
      'kubectl uncordon n1',
      'kubectl drain n1 --ignore-daemonsets',
      'sim node fail n1',
      'sim node recover n1',
      'sim node remove n1',
      'kubectl delete node n1',
    ]);
  });

  it("prints the plain drain during a lesson, so the menu does not give away a task's flag", () => {
    expect(NODE_COMMANDS.drain('node-2', true)).toBe('kubectl drain node-2');
  });

  it('rejects what cannot go on a command line', () => {
    expect(checkToken('Key', '')).toBe('Key is required');
    expect(checkToken('Value', '', true)).toBe('');
    expect(checkToken('Key', 'a b')).toMatch(/must not contain spaces/);
    expect(checkToken('Key', 'example.com/role')).toBe('');
  });

  it('splits lists on commas and spaces', () => {
    expect(parseList(' a=b, c=d  e=f,,')).toEqual(['a=b', 'c=d', 'e=f']);
  });

  it('proposes the first free node-N name', () => {
    expect(nextNodeName(['control-plane', 'node-1', 'node-3'])).toBe('node-2');
  });
});
