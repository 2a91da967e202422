import { describe, expect, it } from 'vitest';
import { DEFAULT_SCENARIO } from '../../../src/app/defaultScenario';
import { appendDocuments, countDocuments } from '../../../src/share/importText';
import { commandSteps, runToScenarioYaml } from '../../../src/share/scenarioFile';
import { commandsToShellScript, shellQuote } from '../../../src/share/shellScript';
import { ScenarioSession } from '../../../src/scenario/session';

describe('console history as a shell script', () => {
  it('writes kubectl lines, manifests as quoted here-documents and sim actions as comments', () => {
    const script = commandsToShellScript([
      { t: 3, line: 'kubectl label nodes node-1 team=a' },
      { t: 65, line: 'get pods -A -o wide' },
      { t: 70, line: 'sim node add node-4 --label team=a' },
      { t: 71, line: 'kubectl apply -f -', stdin: 'kind: Node\nmetadata:\n  name: $(whoami)\n' },
    ]);
    expect(script).toMatchInlineSnapshot(`
      "#!/bin/sh
      # Commands from the DaemonSet Playground console, in the order they ran.
      # Read them before you run them against a real cluster: they change it.

      # t = 3s
      kubectl label nodes node-1 team=a
      # t = 1m05s
      kubectl get pods -A -o wide
      # t = 1m10s
      # sim node add node-4 --label team=a
      #   playground only, no kubectl equivalent: on a real cluster, a new machine joins the cluster (kubeadm join, or a larger node pool)
      # t = 1m11s
      kubectl apply -f - <<'EOF'
      kind: Node
      metadata:
        name: $(whoami)
      EOF
      "
    `);
  });

  it('keeps single-quoted shell syntax in a command line as literal arguments', () => {
    const script = commandsToShellScript([
      { t: 0, line: `kubectl annotate node n1 'note=a;b \`id\` $(rm -rf ~)' other='it''s'` },
    ]);
    expect(script).toContain(`kubectl annotate node n1 'note=a;b \`id\` $(rm -rf ~)' other=its\n`);
  });

  it('writes a line the console refused (command substitution in double quotes) as a comment', () => {
    const script = commandsToShellScript([{ t: 0, line: `kubectl annotate node n1 note="$(rm -rf ~)"` }]);
    expect(script).toContain(
      `# kubectl annotate node n1 note="$(rm -rf ~)"  (not run: the console does not run command substitution ("$(…)"))\n`,
    );
    expect(script.split('\n').filter((l) => l.includes('rm -rf') && !l.startsWith('#'))).toEqual([]);
  });

  it('writes a pipeline stage by stage, each word quoted', () => {
    const script = commandsToShellScript([
      { t: 0, line: `get ds -o json | jq '.items[] | .status' | grep -c "a b"` },
    ]);
    expect(script).toContain(`kubectl get ds -o json | jq '.items[] | .status' | grep -c 'a b'\n`);
  });

  it('picks a here-document delimiter the manifest does not contain', () => {
    const script = commandsToShellScript([{ t: 0, line: 'kubectl apply -f -', stdin: 'a: 1\nEOF\n' }]);
    expect(script).toContain(`<<'EOF_1'\na: 1\nEOF\nEOF_1\n`);
  });

  it('quotes words the way a POSIX shell reads them back', () => {
    expect(shellQuote('node-1')).toBe('node-1');
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
    expect(shellQuote('')).toBe(`''`);
  });
});

describe('a run as a scenario file', () => {
  it('turns commands into waits to the millisecond and steps', () => {
    expect(
      commandSteps(
        [
          { t: 1.2345, line: 'kubectl label nodes node-1 team=a' },
          { t: 1.2345, line: 'sim node add node-4' },
          { t: 30, line: 'kubectl apply -f -', stdin: 'x: 1\n' },
        ],
        45,
      ),
    ).toEqual([
      { wait: '1.235s' },
      { kubectl: 'label nodes node-1 team=a' },
      { sim: 'node add node-4' },
      { wait: '28.765s' },
      { kubectl: 'apply -f -', manifest: 'x: 1\n' },
      { wait: '15s' },
    ]);
  });

  it('adds the steps to the scenario’s own Scenario document, and the file replays the run', () => {
    const log = [
      { t: 5, line: 'kubectl label nodes node-1 team=a' },
      { t: 12.5, line: 'sim node add node-4 --label team=a' },
    ];
    const file = runToScenarioYaml({ text: DEFAULT_SCENARIO, seed: 9, log, time: 40, speed: 1 });
    expect(file.match(/kind: Scenario/g)).toHaveLength(1);
    expect(file).toContain('# A small cluster: one control-plane node and three workers.');
    const fromFile = ScenarioSession.create(file).session!;
    fromFile.runTo(40);
    const replayed = ScenarioSession.create(DEFAULT_SCENARIO, { seed: 9 }).session!;
    for (const c of log) {
      replayed.runTo(c.t);
      replayed.run(c.line);
    }
    replayed.runTo(40);
    const pods = (s: ScenarioSession) =>
      s.sim
        .snapshot()
        .filter((o) => o.kind === 'Pod')
        .map((p) => `${p.metadata.name}@${p.kind === 'Pod' ? p.spec.nodeName : ''}`)
        .sort();
    expect(pods(fromFile)).toEqual(pods(replayed));
    expect(pods(fromFile).some((p) => p.endsWith('@node-4'))).toBe(true);
  });

  it('appends a Scenario document to a text that has none', () => {
    const file = runToScenarioYaml({
      text: 'apiVersion: v1\nkind: Node\nmetadata:\n  name: n1',
      log: [{ t: 2, line: 'kubectl cordon n1' }],
      time: 2,
      speed: 1,
    });
    expect(file).toContain('---\napiVersion: playground/v1\nkind: Scenario\n');
    expect(ScenarioSession.create(file).errors).toEqual([]);
  });
});

describe('imported YAML', () => {
  it('joins the scenario as further documents', () => {
    expect(appendDocuments('a: 1\n', 'b: 2')).toBe('a: 1\n---\nb: 2\n');
    expect(appendDocuments('a: 1\n---\n', '---\nb: 2\r\n')).toBe('a: 1\n---\nb: 2\n');
    expect(appendDocuments('', 'b: 2')).toBe('b: 2\n');
    expect(appendDocuments('a: 1', '  \n')).toBe('a: 1');
  });

  it('counts documents, not separators or comments', () => {
    expect(countDocuments('# only a comment\n---\na: 1\n---\nb: 2\n---\n')).toBe(2);
  });
});
