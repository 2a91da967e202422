import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '../../..');
const tsx = join(root, 'node_modules/.bin/tsx');

function sim(args: string[], input?: string) {
  const r = spawnSync(tsx, [join(root, 'src/cli/sim.ts'), ...args], { input, encoding: 'utf8', cwd: root });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

function file(text: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'dsp-'));
  const path = join(dir, 'scenario.yaml');
  writeFileSync(path, text);
  return path;
}

const node = `apiVersion: v1\nkind: Node\nmetadata: {name: n1}\n`;

describe('npm run sim, as a new user runs it', () => {
  it('prints the run report as JSON and exits 0', () => {
    const r = sim([
      join(root, 'tests/fixtures/scenarios/01-logging-agent-everywhere.yaml'),
      '--until',
      '30s',
    ]);
    expect(r.code).toBe(0);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['time', 'nodes', 'daemonSets', 'pods', 'events', 'trace', 'steps']);
    expect(report.time).toBe(30);
  });

  it.each([
    { name: 'a YAML syntax error', text: `${node}---\nkind: DaemonSet\n  bad: [\n`, want: /^.*:\d+:\d+: / },
    {
      name: 'an unknown kind',
      text: `apiVersion: v1\nkind: Foo\nmetadata: {name: x}\n`,
      want: /no matches for kind "Foo" in version "v1"/,
    },
    {
      name: 'a selector that does not match the template',
      text: `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: b}}\n    spec: {containers: [{name: c, image: i}]}\n`,
      want: /spec\.template\.metadata\.labels: Invalid value: .*`selector` does not match template `labels`/,
    },
    {
      name: 'a misspelt field (strict decoding, kubectl --validate=strict)',
      text: `apiVersion: apps/v1\nkind: DaemonSet\nmetadata: {name: d}\nspec:\n  selector: {matchLabels: {app: a}}\n  template:\n    metadata: {labels: {app: a}}\n    spec:\n      containers: [{name: c, image: i, imagePulPolicy: Always}]\n`,
      want: /:9:40: spec\.template\.spec\.containers\[0\]\.imagePulPolicy: strict decoding error: unknown field "spec\.template\.spec\.containers\[0\]\.imagePulPolicy"/,
    },
  ])('rejects $name with line:column and exit 1, never a stack trace', ({ text, want }) => {
    const r = sim([file(text)]);
    expect(r.code).toBe(1);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(want);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });

  it('reads the scenario from stdin with -', () => {
    const r = sim(['-', '--until', '5s'], node);
    expect(r.code).toBe(0);
    expect(JSON.parse(r.stdout).nodes[0].name).toBe('n1');
  });

  it('answers a missing file with an error, not a stack trace', () => {
    const r = sim(['/nonexistent/x.yaml']);
    expect(r.code).toBe(1);
    expect(r.stderr).toMatch(/cannot read .*ENOENT/);
  });
});
