import { describe, expect, it } from 'vitest';
import {
  formatLabelSelector,
  formatRequirement,
  labelSelectorMatches,
  parseSelector,
} from '../../../../src/engine/api/labels';
import type { LabelSelector, Labels } from '../../../../src/engine/api/types';

describe('labelSelectorMatches', () => {
  // Semantics of metav1.LabelSelectorAsSelector + labels.Requirement.Matches (selector_test.go).
  const cases: {
    name: string;
    selector: LabelSelector | undefined;
    labels: Labels | undefined;
    matches: boolean;
  }[] = [
    { name: 'an empty selector {} matches everything', selector: {}, labels: { a: 'b' }, matches: true },
    {
      name: 'an empty selector {} matches a pod without labels',
      selector: {},
      labels: undefined,
      matches: true,
    },
    { name: 'a missing selector matches nothing', selector: undefined, labels: { a: 'b' }, matches: false },
    {
      name: 'matchLabels needs every label equal',
      selector: { matchLabels: { app: 'fluentd', tier: 'node' } },
      labels: { app: 'fluentd', tier: 'node', x: 'y' },
      matches: true,
    },
    {
      name: 'matchLabels fails on one different value',
      selector: { matchLabels: { app: 'fluentd', tier: 'node' } },
      labels: { app: 'fluentd', tier: 'web' },
      matches: false,
    },
    {
      name: 'matchLabels fails on a missing label',
      selector: { matchLabels: { app: 'fluentd' } },
      labels: {},
      matches: false,
    },
    {
      name: 'In matches one of the values',
      selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a', 'b'] }] },
      labels: { tier: 'b' },
      matches: true,
    },
    {
      name: 'In does not match a missing label',
      selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: ['a'] }] },
      labels: {},
      matches: false,
    },
    {
      name: 'NotIn matches a missing label',
      selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] },
      labels: {},
      matches: true,
    },
    {
      name: 'NotIn rejects a listed value',
      selector: { matchExpressions: [{ key: 'tier', operator: 'NotIn', values: ['a'] }] },
      labels: { tier: 'a' },
      matches: false,
    },
    {
      name: 'Exists matches any value, even empty',
      selector: { matchExpressions: [{ key: 'gpu', operator: 'Exists' }] },
      labels: { gpu: '' },
      matches: true,
    },
    {
      name: 'DoesNotExist rejects a present label',
      selector: { matchExpressions: [{ key: 'gpu', operator: 'DoesNotExist' }] },
      labels: { gpu: 'x' },
      matches: false,
    },
    {
      name: 'matchLabels and matchExpressions are ANDed',
      selector: { matchLabels: { app: 'a' }, matchExpressions: [{ key: 'gpu', operator: 'Exists' }] },
      labels: { app: 'a' },
      matches: false,
    },
    {
      name: 'an In expression without values is invalid and matches nothing',
      selector: { matchExpressions: [{ key: 'tier', operator: 'In', values: [] }] },
      labels: { tier: 'a' },
      matches: false,
    },
  ];
  it.each(cases)('$name', ({ selector, labels, matches }) => {
    expect(labelSelectorMatches(selector, labels)).toBe(matches);
  });
});

describe('formatLabelSelector', () => {
  // As kubectl describe prints Selector: (metav1.FormatLabelSelector), sorted by key, values sorted.
  const cases: { name: string; selector: LabelSelector | undefined; text: string }[] = [
    {
      name: 'prints matchLabels as key=value',
      selector: { matchLabels: { app: 'fluentd' } },
      text: 'app=fluentd',
    },
    {
      name: 'sorts requirements by key and set values alphabetically',
      selector: {
        matchLabels: { tier: 'x', app: 'fluentd' },
        matchExpressions: [{ key: 'env', operator: 'In', values: ['b', 'a'] }],
      },
      text: 'app=fluentd,env in (a,b),tier=x',
    },
    {
      name: 'prints notin, Exists and DoesNotExist',
      selector: {
        matchExpressions: [
          { key: 'a', operator: 'NotIn', values: ['x'] },
          { key: 'b', operator: 'Exists' },
          { key: 'c', operator: 'DoesNotExist' },
        ],
      },
      text: 'a notin (x),b,!c',
    },
    { name: 'prints <none> for an empty selector', selector: {}, text: '<none>' },
    { name: 'prints <none> for no selector', selector: undefined, text: '<none>' },
    {
      name: 'prints <error> for an invalid selector',
      selector: { matchExpressions: [{ key: 'a', operator: 'Exists', values: ['x'] }] },
      text: '<error>',
    },
  ];
  it.each(cases)('$name', ({ selector, text }) => {
    expect(formatLabelSelector(selector)).toBe(text);
  });
});

describe('parseSelector (kubectl -l)', () => {
  const labels: Labels = { a: 'b', c: 'x', e: 'y', f: '1', n: '10' };
  // Grammar and matching of labels.Parse (selector_test.go TestSelectorParse / TestSelectorMatches).
  const cases: { name: string; text: string; matches: boolean; printed?: string }[] = [
    { name: 'an empty string selects everything', text: '', matches: true, printed: '' },
    { name: 'equality', text: 'a=b', matches: true, printed: 'a=b' },
    { name: 'double equals', text: 'a==b', matches: true, printed: 'a==b' },
    { name: 'inequality matches a different value', text: 'c!=d', matches: true, printed: 'c!=d' },
    {
      name: 'a full mixed selector',
      text: 'a=b,c!=d,e in (x,y),!g,f',
      matches: true,
      printed: 'a=b,c!=d,e in (x,y),f,!g',
    },
    {
      name: 'set values may be padded with blanks',
      text: 'e in ( y , z )',
      matches: true,
      printed: 'e in (y,z)',
    },
    { name: 'notin', text: 'e notin (y)', matches: false, printed: 'e notin (y)' },
    { name: 'a bare key means Exists', text: 'zzz', matches: false, printed: 'zzz' },
    { name: '!key means DoesNotExist', text: '!a', matches: false, printed: '!a' },
    { name: 'gt compares integers', text: 'n>9', matches: true, printed: 'n>9' },
    { name: 'lt compares integers', text: 'n<10', matches: false, printed: 'n<10' },
    { name: 'an empty exact value is allowed', text: 'a=', matches: false, printed: 'a=' },
    { name: '"in" can be a value', text: 'a in (in,b)', matches: true, printed: 'a in (b,in)' },
    { name: 'blanks between clauses are ignored', text: ' a = b , f ', matches: true, printed: 'a=b,f' },
  ];
  it.each(cases)('parses $name: "$text"', ({ text, matches, printed }) => {
    const r = parseSelector(text);
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.selector.matches(labels)).toBe(matches);
    if (printed !== undefined) expect(r.selector.requirements.map(formatRequirement).join(',')).toBe(printed);
  });

  const errors: { name: string; text: string; message: string }[] = [
    {
      name: 'a missing value list',
      text: 'a in',
      message: "unable to parse requirement: found '' expected: '('",
    },
    {
      name: 'an unclosed value list',
      text: 'a in (b',
      message: "unable to parse requirement: found '', expected: ',' or ')'",
    },
    {
      name: 'a missing operator value',
      text: 'a=b=c',
      message: "found '=', expected: ',' or 'end of string'",
    },
    { name: 'a trailing comma', text: 'a=b,', message: "found '', expected: identifier after ','" },
    {
      name: 'a leading operator',
      text: '=a',
      message: "found '=', expected: !, identifier, or 'end of string'",
    },
    {
      name: 'an unknown operator',
      text: 'a (b)',
      message: "unable to parse requirement: found '(', expected: in, notin, =, ==, !=, gt, lt",
    },
    {
      name: 'a non-integer for gt',
      text: 'a>b',
      message: "for 'Gt', 'Lt' operators, the value must be an integer",
    },
    { name: 'an invalid key', text: '-a=b', message: 'invalid label key "-a"' },
    {
      name: '! followed by an operator',
      text: '!a=b',
      message: "found '=', expected: ',' or 'end of string'",
    },
  ];
  it.each(errors)('reports $name: "$text"', ({ text, message }) => {
    const r = parseSelector(text);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(message);
  });
});
