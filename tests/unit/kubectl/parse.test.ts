import { describe, expect, it } from 'vitest';
import { parseFlags, shellSplit } from '../../../src/kubectl/parse';
import type { FlagSpec } from '../../../src/kubectl/types';
import { kubectl, newCluster } from './helpers';

describe('kubectl command lines · shell splitting', () => {
  it.each([
    { name: 'splits on whitespace', line: 'get  pods\t-A', words: ['get', 'pods', '-A'] },
    {
      name: 'keeps single-quoted text literally',
      line: `get ds -o 'jsonpath={.items[*].metadata.name}'`,
      words: ['get', 'ds', '-o', 'jsonpath={.items[*].metadata.name}'],
    },
    {
      name: 'unescapes \\" inside double quotes',
      line: `annotate ds x note="a \\"quoted\\" word"`,
      words: ['annotate', 'ds', 'x', 'note=a "quoted" word'],
    },
    {
      name: 'keeps \\n inside double quotes for jsonpath',
      line: `get ds -o jsonpath="{\\"\\n\\"}"`,
      words: ['get', 'ds', '-o', 'jsonpath={"\\n"}'],
    },
    {
      name: 'treats a backslash outside quotes as an escape',
      line: 'label node n a\\ b=c',
      words: ['label', 'node', 'n', 'a b=c'],
    },
    { name: 'keeps an empty quoted word', line: `annotate ds x a=''`, words: ['annotate', 'ds', 'x', 'a='] },
  ])('$name', ({ line, words }) => {
    expect(shellSplit(line)).toEqual({ ok: true, words });
  });

  it('refuses an unterminated quote as a shell would', () => {
    expect(shellSplit(`get 'pods`)).toEqual({
      ok: false,
      message: "unexpected EOF while looking for matching `''",
    });
  });
});

const SPECS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', description: '' },
  { name: 'all-namespaces', short: 'A', type: 'bool', description: '' },
  { name: 'watch', short: 'w', type: 'bool', description: '' },
  { name: 'output', short: 'o', type: 'string', description: '' },
  { name: 'to-revision', type: 'int', description: '' },
  { name: 'label-columns', short: 'L', type: 'strings', description: '' },
  { name: 'dry-run', type: 'string', noValueDefault: 'client', description: '' },
];

describe('kubectl command lines · pflag flags', () => {
  it.each([
    { name: 'reads --flag=value', words: ['--namespace=kube-system'], flags: { namespace: 'kube-system' } },
    {
      name: 'reads --flag value',
      words: ['--namespace', 'kube-system'],
      flags: { namespace: 'kube-system' },
    },
    { name: 'reads -n value', words: ['-n', 'kube-system'], flags: { namespace: 'kube-system' } },
    { name: 'reads -nvalue', words: ['-nkube-system'], flags: { namespace: 'kube-system' } },
    { name: 'reads -n=value', words: ['-n=kube-system'], flags: { namespace: 'kube-system' } },
    { name: 'reads -owide', words: ['-owide'], flags: { output: 'wide' } },
    { name: 'reads bundled bool shorthands', words: ['-Aw'], flags: { 'all-namespaces': true, watch: true } },
    { name: 'reads --bool=false', words: ['--watch=false'], flags: { watch: false } },
    { name: 'reads an int flag', words: ['--to-revision=2'], flags: { 'to-revision': 2 } },
    {
      name: 'appends and comma-splits a list flag',
      words: ['-L', 'app,tier', '-L', 'zone'],
      flags: { 'label-columns': ['app', 'tier', 'zone'] },
    },
    { name: 'gives a bare --dry-run its default', words: ['--dry-run'], flags: { 'dry-run': 'client' } },
  ])('$name', ({ words, flags }) => {
    expect(Object.fromEntries(parseFlags(words, SPECS).flags)).toEqual(flags);
  });

  it('keeps positional words in order around flags and stops at --', () => {
    const parsed = parseFlags(['pods', '-n', 'x', 'web', '--', 'sh', '-c', 'ls'], SPECS);
    expect(parsed.positional).toEqual(['pods', 'web']);
    expect(parsed.afterDash).toEqual(['sh', '-c', 'ls']);
  });

  it.each([
    { name: 'an unknown long flag', words: ['--foo'], message: 'unknown flag: --foo' },
    { name: 'an unknown shorthand', words: ['-x'], message: "unknown shorthand flag: 'x' in -x" },
    { name: 'a missing value', words: ['--namespace'], message: 'flag needs an argument: --namespace' },
    { name: 'a missing shorthand value', words: ['-n'], message: "flag needs an argument: 'n' in -n" },
    {
      name: 'a bad bool',
      words: ['--watch=maybe'],
      message:
        'invalid argument "maybe" for "--watch" flag: strconv.ParseBool: parsing "maybe": invalid syntax',
    },
    {
      name: 'a bad int',
      words: ['--to-revision=two'],
      message:
        'invalid argument "two" for "--to-revision" flag: strconv.ParseInt: parsing "two": invalid syntax',
    },
  ])('refuses $name with pflag wording', ({ words, message }) => {
    expect(() => parseFlags(words, SPECS)).toThrow(message);
  });
});

describe('kubectl command lines · errors as kubectl prints them', () => {
  const sim = newCluster({ nodes: 0 });

  it('answers an unknown verb with cobra’s error and usage hint', () => {
    expect(kubectl(sim, 'kubectl frobnicate')).toEqual({
      stdout: '',
      stderr: 'error: unknown command "frobnicate" for "kubectl"\nRun \'kubectl --help\' for usage.\n',
      exitCode: 1,
    });
  });

  it('suggests the verb that was probably meant', () => {
    expect(kubectl(sim, 'gte pods').stderr).toBe(
      'error: unknown command "gte" for "kubectl"\n\nDid you mean this?\n\tget\n\nRun \'kubectl --help\' for usage.\n',
    );
  });

  it('answers an unknown flag with the command’s help hint', () => {
    expect(kubectl(sim, 'get pods --foo')).toEqual({
      stdout: '',
      stderr: "error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n",
      exitCode: 1,
    });
  });

  it('names the subcommand in the hint for a subcommand’s unknown flag', () => {
    expect(kubectl(sim, 'rollout status ds/x --foo').stderr).toBe(
      "error: unknown flag: --foo\nSee 'kubectl rollout status --help' for usage.\n",
    );
  });

  it('selects a subcommand by any of its aliases, as cobra does (top nodes, top no)', () => {
    expect(kubectl(sim, 'top no --foo').stderr).toBe(
      "error: unknown flag: --foo\nSee 'kubectl top node --help' for usage.\n",
    );
    expect(kubectl(sim, 'help top pods').stdout).toContain('Usage:\n  kubectl top pod [NAME | -l label]\n');
  });

  it('accepts global flags before the verb', () => {
    expect(kubectl(sim, '-n kube-system get pods').stderr).toBe(
      'No resources found in kube-system namespace.\n',
    );
  });

  it('accepts the line with or without a leading kubectl', () => {
    expect(kubectl(sim, 'get nodes')).toEqual(kubectl(sim, 'kubectl get nodes'));
  });

  it('prints help for --help and for a bare verb with subcommands', () => {
    expect(kubectl(sim, 'get --help').stdout).toContain('Usage:\n  kubectl get');
    expect(kubectl(sim, 'rollout').stdout).toContain('Available Commands:\n  status');
    expect(kubectl(sim, 'kubectl').stdout).toContain('kubectl controls the Kubernetes cluster manager');
  });
});
