// The console history as a shell script: each kubectl line (or pipeline) re-quoted word by
// word, so what runs in a real shell is exactly what ran in the playground (a line the console
// refused, with `;`, `$( )` or backticks, stays a comment), manifests as quoted here-documents,
// and `sim` actions as comments that say what would cause them on a real cluster.
import { pipelineStages } from '../kubectl';
import type { RunCommand } from './run';

// What each playground action stands for on a real cluster.
const SIM_EXPLANATIONS: readonly [RegExp, string][] = [
  [/^node add\b/, 'a new machine joins the cluster (kubeadm join, or a larger node pool)'],
  [/^node remove\b/, 'the machine is deleted (then: kubectl delete node <name>)'],
  [/^node fail\b/, 'the kubelet stops reporting (e.g. systemctl stop kubelet on the node)'],
  [/^node recover\b/, 'the kubelet reports again (systemctl start kubelet)'],
  [/^node pressure\b/, 'the node runs short of memory, disk or PIDs'],
  [/^pod crash\b/, 'the container exits on its own'],
];

const SAFE_WORD = /^[A-Za-z0-9_@%+=:,./-]+$/;

/** shellQuote quotes one word for a POSIX shell: bare when safe, else in single quotes. */
export function shellQuote(word: string): string {
  if (SAFE_WORD.test(word)) return word;
  return `'${word.replace(/'/g, `'\\''`)}'`;
}

// A comment must stay one line whatever the text holds.
function comment(text: string): string {
  return `# ${text.replace(/[\r\n]+/g, ' ')}`;
}

function hereDocument(text: string): { open: string; body: string } {
  const lines = text.replace(/\r\n/g, '\n').replace(/\n$/, '').split('\n');
  let tag = 'EOF';
  for (let n = 1; lines.includes(tag); n++) tag = `EOF_${n}`;
  // A quoted delimiter turns off every expansion inside the document.
  return { open: `<<'${tag}'`, body: `${lines.join('\n')}\n${tag}` };
}

function kubectlLine(c: RunCommand): string[] {
  const split = pipelineStages(c.line);
  if (!split.ok)
    return [comment(`${c.line}  (not run: ${split.message.replace(/^(error|playground): /, '')})`)];
  const command = split.stages
    .map((words, i) => (i === 0 ? ['kubectl', ...words] : words).map(shellQuote).join(' '))
    .join(' | ');
  if (c.stdin === undefined) return [command];
  const doc = hereDocument(c.stdin);
  return [`${command} ${doc.open}`, doc.body];
}

function simLines(line: string): string[] {
  const action = line.replace(/^sim\s+/, '');
  const why = SIM_EXPLANATIONS.find(([re]) => re.test(action))?.[1];
  return [
    comment(line),
    comment(`  playground only, no kubectl equivalent${why ? `: on a real cluster, ${why}` : ''}`),
  ];
}

/** clockLabel renders simulated seconds as the console does: 1m05s. */
function clockLabel(t: number): string {
  const s = Math.floor(t);
  const m = Math.floor(s / 60);
  return m > 0 ? `${m}m${String(s % 60).padStart(2, '0')}s` : `${s}s`;
}

/** commandsToShellScript renders a command log as a `#!/bin/sh` script. */
export function commandsToShellScript(log: readonly RunCommand[]): string {
  const out = [
    '#!/bin/sh',
    '# Commands from the DaemonSet Playground console, in the order they ran.',
    '# Read them before you run them against a real cluster: they change it.',
    '',
  ];
  if (log.length === 0) out.push('# (no commands were run)');
  for (const c of log) {
    out.push(comment(`t = ${clockLabel(c.t)}`));
    out.push(...(/^sim(\s|$)/.test(c.line) ? simLines(c.line) : kubectlLine(c)));
  }
  return `${out.join('\n')}\n`;
}
