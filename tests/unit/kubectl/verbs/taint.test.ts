import { describe, expect, it } from 'vitest';
import type { Node } from '../../../../src/engine/api/types';
import { kubectl, mustRun, newCluster } from '../helpers';

function taints(sim: ReturnType<typeof newCluster>, name = 'node-1'): string[] {
  return (sim.api.get<Node>('Node', undefined, name)?.spec.taints ?? []).map(
    (t) => `${t.key}=${t.value ?? ''}:${t.effect}`,
  );
}

describe('kubectl taint', () => {
  it.each([
    {
      name: 'adds a taint',
      setup: [],
      line: 'taint nodes node-1 dedicated=logging:NoSchedule',
      out: 'node/node-1 tainted\n',
      after: ['dedicated=logging:NoSchedule'],
    },
    {
      name: 'accepts node/name',
      setup: [],
      line: 'taint node/node-1 gpu:NoExecute',
      out: 'node/node-1 tainted\n',
      after: ['gpu=:NoExecute'],
    },
    {
      name: 'removes a taint by key and effect',
      setup: ['taint nodes node-1 a=1:NoSchedule a=1:NoExecute'],
      line: 'taint nodes node-1 a:NoSchedule-',
      out: 'node/node-1 untainted\n',
      after: ['a=1:NoExecute'],
    },
    {
      name: 'removes every taint with a key',
      setup: ['taint nodes node-1 a=1:NoSchedule a=1:NoExecute'],
      line: 'taint nodes node-1 a-',
      out: 'node/node-1 untainted\n',
      after: [],
    },
    {
      name: 'overwrites a taint with --overwrite and says modified',
      setup: ['taint nodes node-1 a=1:NoSchedule'],
      line: 'taint nodes node-1 a=2:NoSchedule --overwrite',
      out: 'node/node-1 modified\n',
      after: ['a=2:NoSchedule'],
    },
    {
      name: 'says modified when adding and removing at once',
      setup: ['taint nodes node-1 a=1:NoSchedule'],
      line: 'taint nodes node-1 b=1:NoSchedule a-',
      out: 'node/node-1 modified\n',
      after: ['b=1:NoSchedule'],
    },
  ])('$name', ({ setup, line, out, after }) => {
    const sim = newCluster({ nodes: 1 });
    for (const s of setup) mustRun(sim, s);
    expect(mustRun(sim, line).stdout).toBe(out);
    expect(taints(sim)).toEqual(after);
  });

  it.each([
    {
      name: 'an existing key and effect without --overwrite',
      setup: ['taint nodes node-1 a=1:NoSchedule'],
      line: 'taint nodes node-1 a=2:NoSchedule',
      want: 'error: node node-1 already has a taint(s) with same effect(s) and --overwrite is false\n',
    },
    {
      name: 'removing a taint that is not there',
      setup: [],
      line: 'taint nodes node-1 a:NoSchedule-',
      want: 'error: taint "a:NoSchedule" not found\n',
    },
    {
      name: 'an unknown effect',
      setup: [],
      line: 'taint nodes node-1 a=1:Sometimes',
      want: "error: invalid taint effect: Sometimes, unsupported taint effect\nSee 'kubectl taint -h' for help and examples\n",
    },
    {
      // Without a colon the whole word is the key, which is not a qualified name (parseTaint).
      name: 'a taint without effect',
      setup: [],
      line: 'taint nodes node-1 a=1',
      want:
        "error: invalid taint spec: a=1, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character " +
        "(e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\nSee 'kubectl taint -h' for help and examples\n",
    },
    {
      name: 'no taint at all',
      setup: [],
      line: 'taint nodes node-1',
      want: 'error: at least one taint update is required\n',
    },
    {
      name: 'a resource other than nodes',
      setup: [],
      line: 'taint pods p a=1:NoSchedule',
      want: 'error: invalid resource type pods, only node types are supported\n',
    },
    {
      name: 'a missing node',
      setup: [],
      line: 'taint nodes nope a=1:NoSchedule',
      want: 'Error from server (NotFound): nodes "nope" not found\n',
    },
    {
      name: 'modifying and removing the same taint',
      setup: [],
      line: 'taint nodes node-1 a=1:NoSchedule a:NoSchedule-',
      want: 'error: can not both modify and remove the following taint(s) in the same command: {"a":"NoSchedule"}\n',
    },
  ])('refuses $name', ({ setup, line, want }) => {
    const sim = newCluster({ nodes: 1 });
    for (const s of setup) mustRun(sim, s);
    expect(kubectl(sim, line)).toEqual({ stdout: '', stderr: want, exitCode: 1 });
  });

  it('taints every node with --all', () => {
    const sim = newCluster({ nodes: 2 });
    expect(mustRun(sim, 'taint nodes --all maintenance=true:PreferNoSchedule').stdout).toBe(
      'node/node-1 tainted\nnode/node-2 tainted\n',
    );
  });
});
