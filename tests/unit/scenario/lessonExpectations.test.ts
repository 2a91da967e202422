import { describe, expect, it } from 'vitest';
import { meetsExpectation } from '../../../src/scenario/lessons';
import type { Expectation } from '../../../src/scenario/lessons';
import { evaluateCheck } from '../../../src/scenario/lessons/checks';
import { newDaemonSet, newNodes } from '../../fixtures/builders';
import { newCluster } from '../../fixtures/cluster';

describe('lesson expectations', () => {
  const out = (stdout: string, exitCode = 0) => ({ stdout, stderr: '', exitCode });
  it.each<[string, ReturnType<typeof out>, Expectation, boolean]>([
    ['empty: true passes on no output', out(''), { empty: true }, true],
    ['empty: true fails on output', out('pod/a\n'), { empty: true }, false],
    ['no expectation means "prints something"', out('pod/a\n'), { empty: false }, true],
    ['equals ignores trailing spaces and newlines', out('3   \n'), { equals: '3' }, true],
    ['equals compares whole output', out('13\n'), { equals: '3' }, false],
    ['contains finds a substring', out('a b c\n'), { contains: 'b c' }, true],
    ['matches is a multiline regular expression', out('x\nready=3\n'), { matches: '^ready=\\d$' }, true],
    ['lines counts non-empty lines', out('a\n\nb\n'), { lines: { op: '==', count: 2 } }, true],
    ['lines compares with >=', out('a\n'), { lines: { op: '>=', count: 2 } }, false],
    ['a failing command fails the check', out('', 1), { empty: true }, false],
    ['error: true expects the command to fail', out('', 1), { error: true }, true],
    ['error: true fails when the command succeeds', out(''), { error: true }, false],
    ['every field must hold', out('a\n'), { contains: 'a', lines: { op: '==', count: 2 } }, false],
  ])('%s', (_name, result, expect_, passes) => {
    expect(meetsExpectation(result, expect_)).toBe(passes);
  });

  it.each<[string, string, string, boolean]>([
    ['every word of the other output, in any order', 'node-2 node-1', 'node-1 node-2', true],
    ['a word repeated, or one more', 'node-1 node-1 node-2 control-plane', 'node-1 node-2', true],
    ['one word of the other output missing', 'node-1 node-1', 'node-1 node-2', false],
    ['nothing printed, when the other prints something', '', 'node-1', false],
  ])('includesWordsOf passes on %s: %j has %j → %s', (_name, stdout, other, passes) => {
    expect(meetsExpectation(out(stdout), { includesWordsOf: 'get nodes' }, out(other))).toBe(passes);
  });

  it.each<[string, string, boolean]>([
    ['sameWordsAs, repeated words counted', 'node-1 node-1 node-2', false],
    ['sameWordsAs, the same words', 'node-2 node-1', true],
  ])('%s: %j against "node-1 node-2" → %s', (_name, stdout, passes) => {
    expect(meetsExpectation(out(stdout), { sameWordsAs: 'get nodes' }, out('node-1 node-2'))).toBe(passes);
  });
});

describe('a piped check judges what the last stage prints, with its exit status', () => {
  const sim = newCluster([...newNodes(1, 3), newDaemonSet('fluentd')]);
  sim.runUntil(60);
  it.each<[string, Expectation, boolean]>([
    ['get pods -o wide | grep -c node-3', { equals: '1' }, true],
    ['get pods -o wide | grep node-2 | wc -l', { equals: '1' }, true],
    ['get pods -o wide | grep node-9', { empty: true }, false],
    ['get pods -o wide | grep node-9', { error: true }, true],
    [`get ds fluentd -o json | jq '.status.numberReady'`, { equals: '3' }, true],
  ])('%s with %j → %s', (command, expect_, passes) => {
    expect(evaluateCheck(sim, { kind: 'kubectl', command, expect: expect_ })).toBe(passes);
  });
});
