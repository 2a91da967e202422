import { describe, expect, it } from 'vitest';
import { complete } from '../../../src/kubectl/index';
import { fluentdYaml, newCluster, podNames } from './helpers';

describe('console completion', () => {
  const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 5 });

  it.each([
    { name: 'verbs', line: 'ro', want: ['rollout'] },
    { name: 'verbs after kubectl', line: 'kubectl de', want: ['delete', 'describe'] },
    {
      name: 'resource types with short names',
      line: 'get d',
      want: ['daemonset', 'daemonsets', 'deploy', 'deployment', 'deployments', 'ds'],
    },
    {
      name: 'names of the typed kind in the namespace',
      line: 'describe ds -n kube-system fl',
      want: ['fluentd'],
    },
    { name: 'type/name forms', line: 'get node/node-', want: ['node/node-1', 'node/node-2'] },
    { name: 'flags of the verb', line: 'get pods --sh', want: ['--show-kind', '--show-labels'] },
    { name: 'subcommands', line: 'rollout re', want: ['restart', 'resume'] },
    {
      name: 'namespaces after -n',
      line: 'get pods -n kube-',
      want: ['kube-node-lease', 'kube-public', 'kube-system'],
    },
    { name: 'output formats after -o', line: 'get pods -o y', want: ['yaml'] },
    { name: 'node names for cordon', line: 'cordon ', want: ['node-1', 'node-2'] },
    { name: 'nodes after taint nodes', line: 'taint nodes node-2', want: ['node-2'] },
    { name: 'top subcommands', line: 'top ', want: ['node', 'pod'] },
    { name: 'node names after a top node alias', line: 'top nodes node-', want: ['node-1', 'node-2'] },
    { name: 'pod names after top pod', line: 'top po -n kube-system fl', want: podNames(sim, 'kube-system') },
    {
      name: 'flags of a subcommand given by alias',
      line: 'top pods --cont',
      want: ['--containers', '--context'],
    },
    {
      name: 'the generators of create',
      line: 'create ',
      want: ['configmap', 'cronjob', 'deployment', 'job', 'namespace', 'priorityclass'],
    },
    { name: 'flags of a create generator', line: 'create deployment web --im', want: ['--image'] },
    {
      name: 'flags of a generator given by alias',
      line: 'create pc high --val',
      want: ['--validate', '--value'],
    },
    { name: 'run and its flags', line: 'run web --rest', want: ['--restart'] },
    { name: 'no names for the new pod of run', line: 'run ', want: [] },
    { name: 'pod names for exec', line: 'exec -n kube-system fl', want: podNames(sim, 'kube-system') },
    { name: 'kustomize', line: 'kust', want: ['kustomize'] },
  ])('completes $name', ({ line, want }) => {
    expect(complete(sim, line)).toEqual(want);
  });

  it('completes nothing for an unknown verb', () => {
    expect(complete(sim, 'frob x')).toEqual([]);
  });
});
