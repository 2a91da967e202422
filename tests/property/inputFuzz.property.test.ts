import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { runKubectl } from '../../src/kubectl';
import { loadManifests } from '../../src/manifests';
import type { ManifestError } from '../../src/manifests';
import { ScenarioSession } from '../../src/scenario/session';

const fixtures = join(__dirname, '../fixtures/scenarios');
const samples = readdirSync(fixtures)
  .filter((f) => f.endsWith('.yaml'))
  .map((f) => readFileSync(join(fixtures, f), 'utf8'));

function expectWellFormed(errors: ManifestError[]): void {
  for (const e of errors) {
    expect(e.message.length).toBeGreaterThan(0);
    expect(e.line).toBeGreaterThanOrEqual(1);
    expect(e.column).toBeGreaterThanOrEqual(1);
    expect(e.document).toBeGreaterThanOrEqual(1);
  }
}

// One edit a person makes while typing: insert, delete or replace a few characters, or a line.
const edit = fc.oneof(
  fc.record({
    kind: fc.constant('insert' as const),
    at: fc.nat(),
    text: fc.constantFrom(':', ' ', '-', '\n', '  ', '{', '[', '"', "'", '#', '&a', '*a', 'x', '0', '\t'),
  }),
  fc.record({ kind: fc.constant('delete' as const), at: fc.nat(), length: fc.integer({ min: 1, max: 12 }) }),
  fc.record({ kind: fc.constant('dropLine' as const), at: fc.nat() }),
);

type Edit = { kind: 'insert' | 'delete' | 'dropLine'; at: number; text?: string; length?: number };

function applyEdit(text: string, e: Edit): string {
  const at = text.length ? e.at % text.length : 0;
  if (e.kind === 'insert') return text.slice(0, at) + (e.text ?? '') + text.slice(at);
  if (e.kind === 'delete') return text.slice(0, at) + text.slice(at + (e.length ?? 1));
  const lines = text.split('\n');
  lines.splice(e.at % lines.length, 1);
  return lines.join('\n');
}

describe('fuzz · the manifest loader never throws and always says where (fast-check, fixed seed)', () => {
  it('handles every keystroke state of a mutated sample scenario with positioned errors', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...samples),
        fc.array(edit, { minLength: 1, maxLength: 6 }),
        (text, edits) => {
          const mutated = edits.reduce(applyEdit, text);
          const result = loadManifests(mutated);
          expectWellFormed(result.errors);
          // A text the loader accepts must also start a session (or report positioned errors).
          if (result.errors.length === 0) expectWellFormed(ScenarioSession.create(mutated).errors);
        },
      ),
      { seed: 1337, numRuns: 2000 },
    );
  }, 120_000);

  it.each([
    {
      name: 'a YAML alias bomb',
      text: 'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\nc: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: &d [*c,*c,*c,*c,*c,*c,*c,*c,*c]\ne: &e [*d,*d,*d,*d,*d,*d,*d,*d,*d]\nf: [*e,*e,*e,*e,*e,*e,*e,*e,*e]\n',
    },
    { name: 'deep nesting', text: 'a: ' + '['.repeat(5000) + ']'.repeat(5000) + '\n' },
    {
      name: 'a 5 MB paste',
      text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n\n  labels:\n' + '    k: v\n'.repeat(650_000),
    },
    {
      name: 'binary junk',
      text: String.fromCharCode(...Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256)),
    },
    { name: 'duplicate keys', text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: a\n  name: b\n' },
    {
      name: 'a word where a number belongs',
      text: 'apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: d}\nspec:\n  replicas: "three"\n  selector: {matchLabels: {a: b}}\n  template:\n    metadata: {labels: {a: b}}\n    spec: {containers: [{name: c, image: i}]}\n',
    },
    {
      name: 'a quantity that is not one',
      text: 'apiVersion: v1\nkind: Pod\nmetadata: {name: p}\nspec:\n  containers: [{name: c, image: i, resources: {requests: {cpu: lots}}}]\n',
    },
  ])('rejects $name quickly with a clear message', ({ text }) => {
    const started = performance.now();
    const result = loadManifests(text);
    const elapsed = performance.now() - started;
    expect(result.errors.length).toBeGreaterThan(0);
    expectWellFormed(result.errors);
    // A generous bound against a hang, not a benchmark (the bench measures speed).
    expect(elapsed).toBeLessThan(5000);
  });
});

const words = fc.constantFrom(
  'kubectl',
  'get',
  'describe',
  'apply',
  'delete',
  'label',
  'annotate',
  'taint',
  'cordon',
  'uncordon',
  'drain',
  'set',
  'image',
  'resources',
  'patch',
  'rollout',
  'status',
  'history',
  'undo',
  'restart',
  'pause',
  'top',
  'logs',
  'explain',
  'scale',
  'ds',
  'daemonset/fluentd',
  'pods',
  'nodes',
  'node-1',
  'fluentd',
  '-n',
  'kube-system',
  '-A',
  '-o',
  'yaml',
  'json',
  'wide',
  'jsonpath={.items[*].metadata.name}',
  '-l',
  'app=fluentd',
  '--overwrite',
  'k=v:NoSchedule',
  'k-',
  '--to-revision=0',
  '--type',
  'merge',
  '-p',
  '{"spec":',
  "'{}'",
  '"',
  '--',
  '--bogus',
  '-w',
  'fluentd=img:2',
  '=',
  '--replicas=3',
  '--ignore-daemonsets',
  '--force',
  '--grace-period=-1',
  '--tail=-5',
  '-c',
  '💥',
);

describe('fuzz · kubectl answers every command line without throwing (fast-check, fixed seed)', () => {
  it('returns stdout, stderr and an exit code for random command lines', () => {
    const base = readFileSync(join(fixtures, '01-logging-agent-everywhere.yaml'), 'utf8');
    const { session } = ScenarioSession.create(base);
    if (!session) throw new Error('fixture did not load');
    session.runTo(20);
    fc.assert(
      fc.property(fc.array(words, { minLength: 1, maxLength: 8 }), (ws) => {
        const res = runKubectl(session.sim, ws.join(' '));
        expect(typeof res.stdout).toBe('string');
        expect(typeof res.stderr).toBe('string');
        expect([0, 1]).toContain(res.exitCode);
        if (res.exitCode !== 0) expect(res.stderr.length + res.stdout.length).toBeGreaterThan(0);
        expect(res.stderr).not.toMatch(/\n\s+at .*\(/);
      }),
      { seed: 2026, numRuns: 3000 },
    );
  }, 120_000);
});
