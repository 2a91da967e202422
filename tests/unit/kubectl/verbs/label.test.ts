import { describe, expect, it } from 'vitest';
import { kubectl, mustRun, newCluster } from '../helpers';

describe('kubectl label', () => {
  it.each([
    {
      name: 'adds a label',
      lines: ['label node node-1 disk=ssd'],
      out: 'node/node-1 labeled\n',
      labels: { disk: 'ssd' },
    },
    {
      name: 'changes a label with --overwrite',
      lines: ['label node node-1 disk=ssd', 'label node node-1 disk=hdd --overwrite'],
      out: 'node/node-1 labeled\n',
      labels: { disk: 'hdd' },
    },
    {
      name: 'removes a label with key-',
      lines: ['label node node-1 disk=ssd', 'label node node-1 disk-'],
      out: 'node/node-1 unlabeled\n',
      labels: {},
    },
    {
      name: 'says not labeled when nothing changes',
      lines: ['label node node-1 disk=ssd', 'label node node-1 disk=ssd --overwrite'],
      out: 'node/node-1 not labeled\n',
      labels: { disk: 'ssd' },
    },
  ])('$name', ({ lines, out, labels }) => {
    const sim = newCluster({ nodes: 1 });
    let last = '';
    for (const line of lines) last = mustRun(sim, line).stdout;
    expect(last).toBe(out);
    expect(sim.api.get('Node', undefined, 'node-1')?.metadata.labels).toEqual({
      'kubernetes.io/hostname': 'node-1',
      ...labels,
    });
  });

  it('refuses to overwrite a label without --overwrite', () => {
    const sim = newCluster({ nodes: 1 });
    mustRun(sim, 'label node node-1 disk=ssd');
    expect(kubectl(sim, 'label node node-1 disk=hdd')).toEqual({
      stdout: '',
      stderr: "error: 'disk' already has a value (ssd), and --overwrite is false\n",
      exitCode: 1,
    });
  });

  it('labels every node selected by -l, and says which labels to remove were missing', () => {
    const sim = newCluster({ nodes: 2 });
    expect(mustRun(sim, 'label nodes -l kubernetes.io/hostname zone=a').stdout).toBe(
      'node/node-1 labeled\nnode/node-2 labeled\n',
    );
    expect(mustRun(sim, 'label node node-1 nope-').stdout).toBe(
      'label "nope" not found.\nnode/node-1 not labeled\n',
    );
  });

  it.each([
    {
      name: 'no label change',
      line: 'label node node-1',
      want: 'error: at least one label update is required\n',
    },
    {
      name: 'a pair before a resource',
      line: 'label a=b node node-1',
      want: 'error: all resources must be specified before label changes: node\n',
    },
    {
      name: 'modify and remove together',
      line: 'label node node-1 a=b a-',
      want: 'error: can not both modify and remove a label in the same command\n',
    },
    {
      name: 'an invalid key (the API server)',
      line: 'label node node-1 -bad=x',
      want: "error: unknown shorthand flag: 'b' in -bad=x\nSee 'kubectl label --help' for usage.\n",
    },
  ])('refuses $name', ({ line, want }) => {
    expect(kubectl(newCluster({ nodes: 1 }), line).stderr).toBe(want);
  });

  it('lets the API server reject an invalid label key', () => {
    const r = kubectl(newCluster({ nodes: 1 }), 'label node node-1 a/b/c=x');
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toMatch(/^The Node "node-1" is invalid: metadata\.labels: Invalid value: "a\/b\/c": /);
  });
});
