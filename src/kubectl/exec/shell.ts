// The playground's read-only container shell: the few programs people run through
// `kubectl exec POD -- …` to look around (hostname, env, ls, cat, ps, date, uname …), answered
// from the simulated pod. Programs that would change something, and anything else, say plainly
// that they cannot run here, with the exit code a real container would give.
import type { Container, Node, Pod } from '../../engine/api/types';
import { SIM_EPOCH_MS } from '../../engine/clock/clock';
import type { Simulation } from '../../engine/simulation';
import { shellSplit } from '../parse';
import { containerEnv, podHostname } from './env';
import type { FileTree } from './files';
import { containerFiles, listDir } from './files';

/** ShellResult is what the process printed and its exit status. */
export interface ShellResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

interface Process {
  sim: Simulation;
  pod: Pod;
  container: Container;
  files: FileTree;
}

/** READ_ONLY_PROGRAMS are the programs the shell answers. */
export const READ_ONLY_PROGRAMS = [
  'cat',
  'date',
  'echo',
  'env',
  'false',
  'hostname',
  'id',
  'ls',
  'printenv',
  'ps',
  'pwd',
  'sh -c',
  'true',
  'uname',
  'whoami',
];

const WRITERS = new Set([
  'apk',
  'apt',
  'apt-get',
  'chmod',
  'chown',
  'cp',
  'dd',
  'kill',
  'killall',
  'ln',
  'mkdir',
  'mv',
  'pkill',
  'reboot',
  'rm',
  'rmdir',
  'shutdown',
  'tee',
  'touch',
  'truncate',
  'yum',
]);

const ok = (stdout: string): ShellResult => ({ stdout, stderr: '', exitCode: 0 });

// Go's time.UnixDate, which `date` prints in UTC: `Wed Jan  1 00:02:00 UTC 2025`.
function unixDate(seconds: number): string {
  const d = new Date(SIM_EPOCH_MS + Math.floor(seconds) * 1000);
  const [wd, mon] = [
    ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'][d.getUTCDay()],
    ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][d.getUTCMonth()],
  ];
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${wd} ${mon} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} UTC ${d.getUTCFullYear()}`;
}

function absolute(path: string): string {
  const parts: string[] = [];
  for (const part of (path.startsWith('/') ? path : `/${path}`).split('/')) {
    if (part === '' || part === '.') continue;
    if (part === '..') parts.pop();
    else parts.push(part);
  }
  return '/' + parts.join('/');
}

function ls(p: Process, args: string[]): ShellResult {
  const flags = args.filter((a) => a.startsWith('-')).join('');
  const paths = args.filter((a) => !a.startsWith('-'));
  const all = flags.includes('a');
  const long = flags.includes('l');
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  const targets = paths.length > 0 ? paths : ['.'];
  targets.forEach((target, i) => {
    const path = absolute(target);
    const entries = listDir(p.files, path);
    if (entries === undefined && !p.files.has(path)) {
      stderr += `ls: cannot access '${target}': No such file or directory\n`;
      exitCode = 2;
      return;
    }
    const names = entries === undefined ? [target] : [...(all ? ['.', '..'] : []), ...entries];
    if (targets.length > 1 && entries !== undefined) stdout += `${i > 0 ? '\n' : ''}${target}:\n`;
    for (const name of names) {
      if (!long) {
        stdout += name + '\n';
        continue;
      }
      const full = entries === undefined ? path : absolute(`${path}/${name}`);
      const content = p.files.get(full);
      const dir = content === null || name === '.' || name === '..';
      const size = dir ? 4096 : (content ?? '').length;
      stdout += `${dir ? 'drwxr-xr-x' : '-rw-r--r--'} 1 root root ${String(size).padStart(5)} Jan  1 00:00 ${name}\n`;
    }
  });
  return { stdout, stderr, exitCode };
}

function cat(p: Process, args: string[]): ShellResult {
  let stdout = '';
  let stderr = '';
  let exitCode = 0;
  for (const target of args.filter((a) => a !== '--')) {
    const content = p.files.get(absolute(target));
    if (content === undefined) stderr += `cat: ${target}: No such file or directory\n`;
    else if (content === null) stderr += `cat: ${target}: Is a directory\n`;
    else stdout += content;
    if (content === undefined || content === null) exitCode = 1;
  }
  return { stdout, stderr, exitCode };
}

function ps(p: Process): ShellResult {
  const c = p.container;
  const main =
    [...(c.command ?? []), ...(c.args ?? [])].join(' ') || c.image.split('/').pop()!.split(':')[0]!;
  return ok(`PID   USER     TIME  COMMAND\n    1 root      0:00 ${main}\n   42 root      0:00 ps\n`);
}

function uname(p: Process, args: string[]): ShellResult {
  const node = p.pod.spec.nodeName ? p.sim.api.get<Node>('Node', undefined, p.pod.spec.nodeName) : undefined;
  const kernel = node?.status.nodeInfo?.['kernelVersion'] ?? '6.1.0-28-amd64';
  const flags = args.join('');
  if (flags.includes('a'))
    return ok(`Linux ${podHostname(p.pod)} ${kernel} #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\n`);
  if (flags.includes('r')) return ok(`${kernel}\n`);
  if (flags.includes('n')) return ok(`${podHostname(p.pod)}\n`);
  if (flags.includes('m')) return ok('x86_64\n');
  return ok('Linux\n');
}

function notPermitted(program: string): ShellResult {
  return {
    stdout: '',
    stderr: `${program}: not permitted: the playground's containers have a read-only shell (${READ_ONLY_PROGRAMS.join(', ')})\n`,
    exitCode: 1,
  };
}

function runProgram(p: Process, argv: string[], inShell: boolean): ShellResult {
  const [program = '', ...args] = argv;
  const name = program.split('/').pop() ?? program;
  switch (name) {
    case 'hostname':
      return ok(`${podHostname(p.pod)}\n`);
    case 'env':
    case 'printenv': {
      const env = containerEnv(p.sim, p.pod, p.container);
      if (name === 'printenv' && args.length > 0) {
        const found = args.map((a) => env.find(([k]) => k === a)?.[1]).filter((v) => v !== undefined);
        return {
          stdout: found.map((v) => v + '\n').join(''),
          stderr: '',
          exitCode: found.length === args.length ? 0 : 1,
        };
      }
      return ok(env.map(([k, v]) => `${k}=${v}\n`).join(''));
    }
    case 'ls':
      return ls(p, args);
    case 'cat':
      return cat(p, args);
    case 'ps':
      return ps(p);
    case 'date':
      return ok(unixDate(p.sim.now()) + '\n');
    case 'uname':
      return uname(p, args);
    case 'echo':
      return ok(args.join(' ') + '\n');
    case 'pwd':
      return ok('/\n');
    case 'whoami':
      return ok('root\n');
    case 'id':
      return ok('uid=0(root) gid=0(root) groups=0(root)\n');
    case 'true':
      return ok('');
    case 'false':
      return { stdout: '', stderr: '', exitCode: 1 };
    case 'sh':
    case 'bash':
    case 'ash':
      return shell(p, name, args);
    default:
      if (WRITERS.has(name)) return notPermitted(name);
      // A shell reports a missing program itself; a direct exec fails in the runtime.
      if (inShell) return { stdout: '', stderr: `sh: ${program}: not found\n`, exitCode: 127 };
      return {
        stdout: '',
        stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${program}": executable file not found in $PATH: unknown\n`,
        exitCode: 126,
      };
  }
}

// `sh -c 'one command'`: no pipes, lists or redirections in a read-only shell of one command.
function shell(p: Process, name: string, args: string[]): ShellResult {
  if (args[0] !== '-c') return ok(''); // no script and no stdin: the shell reads EOF and exits.
  const script = args[1] ?? '';
  if (/[|;&><`$()]/.test(script))
    return {
      stdout: '',
      stderr: `${name}: the playground's read-only shell runs one simple command: no pipes, lists, redirections or expansions\n`,
      exitCode: 2,
    };
  const split = shellSplit(script);
  if (!split.ok) return { stdout: '', stderr: `${name}: syntax error: ${split.message}\n`, exitCode: 2 };
  if (split.words.length === 0) return ok('');
  if (split.words[0] === 'exit')
    return { stdout: '', stderr: '', exitCode: Number(split.words[1] ?? 0) || 0 };
  return runProgram(p, split.words, true);
}

/** runInContainer runs one command line (already split) in a running container. */
export function runInContainer(sim: Simulation, pod: Pod, container: Container, argv: string[]): ShellResult {
  return runProgram({ sim, pod, container, files: containerFiles(sim, pod, container) }, argv, false);
}
