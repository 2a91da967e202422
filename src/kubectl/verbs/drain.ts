// kubectl drain: cordon, then evict every pod kubectl may evict (pkg/drain filters.go rules:
// DaemonSet pods need --ignore-daemonsets and are never evicted, bare pods need --force,
// emptyDir pods need --delete-emptydir-data).
import type { Pod } from '../../engine/api/types';
import { registerVerb } from '../registry';
import type { KubectlResult, VerbArgs, VerbContext } from '../types';
import { apiErrorText } from '../util/errors';
import { DRY_RUN_FLAG, SELECTOR_FLAG, bool, dryRunOf, fail, int } from '../util/flags';
import type { DryRun } from '../util/flags';
import { selectNodes, setUnschedulable } from '../util/cordon';

const DAEMONSET_FATAL = 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)';
const DAEMONSET_WARNING = 'ignoring DaemonSet-managed Pods';
const LOCAL_STORAGE_FATAL = 'Pods with local storage (use --delete-emptydir-data to override)';
const LOCAL_STORAGE_WARNING = 'deleting Pods with local storage';
const UNMANAGED_FATAL = 'cannot delete Pods that declare no controller (use --force to override)';
const UNMANAGED_WARNING = 'deleting Pods that declare no controller';

type Status = { delete: boolean; kind: 'okay' | 'skip' | 'warning' | 'error'; message: string };

function classify(ctx: VerbContext, pod: Pod, args: VerbArgs): Status {
  const finished = pod.status?.phase === 'Succeeded' || pod.status?.phase === 'Failed';
  const controller = pod.metadata.ownerReferences?.find((r) => r.controller);
  if (controller?.kind === 'DaemonSet' && !finished) {
    const ds = ctx.sim.api.get('DaemonSet', pod.metadata.namespace, controller.name);
    if (!ds) {
      const message = `daemonsets.apps "${controller.name}" not found`;
      return bool(args, 'force')
        ? { delete: true, kind: 'warning', message }
        : { delete: false, kind: 'error', message };
    }
    if (!bool(args, 'ignore-daemonsets')) return { delete: false, kind: 'error', message: DAEMONSET_FATAL };
    return { delete: false, kind: 'warning', message: DAEMONSET_WARNING };
  }
  let status: Status = { delete: true, kind: 'okay', message: '' };
  const emptyDir = ((pod.spec.volumes ?? []) as { emptyDir?: unknown }[]).some(
    (v) => v.emptyDir !== undefined,
  );
  if (emptyDir && !finished) {
    if (!bool(args, 'delete-emptydir-data') && !bool(args, 'delete-local-data'))
      return { delete: false, kind: 'error', message: LOCAL_STORAGE_FATAL };
    status = { delete: true, kind: 'warning', message: LOCAL_STORAGE_WARNING };
  }
  // The last filter's warning wins, as upstream notes.
  if (!finished && !controller) {
    if (!bool(args, 'force')) return { delete: false, kind: 'error', message: UNMANAGED_FATAL };
    status = { delete: true, kind: 'warning', message: UNMANAGED_WARNING };
  }
  return status;
}

function group(entries: { pod: Pod; status: Status }[], kind: Status['kind']): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const { pod, status } of entries) {
    if (status.kind !== kind) continue;
    out.set(status.message, [
      ...(out.get(status.message) ?? []),
      `${pod.metadata.namespace}/${pod.metadata.name}`,
    ]);
  }
  return out;
}

function drainNode(
  ctx: VerbContext,
  args: VerbArgs,
  nodeName: string,
  dry: DryRun,
): { stdout: string; stderr: string; error?: string } {
  const pods = ctx.sim.api.store
    .podsOnNode(nodeName)
    .sort((a, b) =>
      `${a.metadata.namespace}/${a.metadata.name}` < `${b.metadata.namespace}/${b.metadata.name}` ? -1 : 1,
    );
  const entries = pods.map((pod) => ({ pod, status: classify(ctx, pod, args) }));
  const errors = [...group(entries, 'error')].map(([msg, names]) =>
    msg.toLowerCase().startsWith('cannot delete')
      ? `${msg}: ${names.join(', ')}`
      : `cannot delete ${msg}: ${names.join(', ')}`,
  );
  if (errors.length > 0)
    return {
      stdout: '',
      stderr: '',
      error: errors.length === 1 ? (errors[0] ?? '') : `[${errors.join(', ')}]`,
    };
  const warnings = [...group(entries, 'warning')]
    .map(([msg, names]) => `${msg}: ${names.join(', ')}`)
    .join('; ');
  let stdout = '';
  let stderr = warnings ? `Warning: ${warnings}\n` : '';
  const grace = int(args, 'grace-period');
  for (const { pod, status } of entries) {
    if (!status.delete) continue;
    const ref = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (dry === 'client') {
      stdout += `evicting pod ${ref} (dry run)\n`;
      continue;
    }
    stdout += `evicting pod ${ref}${dry === 'server' ? ' (server dry run)' : ''}\n`;
    if (dry === 'none') {
      const res = ctx.sim.api.evict(
        pod.metadata.namespace,
        pod.metadata.name,
        grace !== undefined && grace >= 0 ? { gracePeriodSeconds: grace } : {},
      );
      if (!res.ok) {
        stderr += apiErrorText(res.error);
        continue;
      }
    }
    // Real kubectl waits for each pod to be gone; simulated time does not pass during a command.
    stdout += `pod/${pod.metadata.name} evicted\n`;
  }
  return { stdout, stderr };
}

function run(args: VerbArgs, ctx: VerbContext): KubectlResult {
  const dry = dryRunOf(args);
  if (typeof dry === 'object') return fail(dry.error);
  const selection = selectNodes(ctx.sim, args, 'drain');
  if (!selection.ok) return fail(selection.error);
  if (selection.errors) return fail(selection.errors);
  const cordon = setUnschedulable(ctx.sim, selection.nodes, true, dry);
  let stdout = cordon.stdout;
  let stderr = cordon.stderr;
  const fatal: string[] = [];
  const remaining: string[] = [];
  for (const node of selection.nodes) {
    const name = node.metadata.name;
    const result = drainNode(ctx, args, name, dry);
    stdout += result.stdout;
    stderr += result.stderr;
    if (result.error === undefined) {
      stdout += `node/${name} drained${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`;
      continue;
    }
    stderr += `error: unable to drain node "${name}" due to error: ${result.error}, continuing command...\n`;
    fatal.push(result.error);
    remaining.push(name);
  }
  if (remaining.length > 0)
    stderr += `There are pending nodes to be drained:\n${remaining.map((n) => ` ${n}\n`).join('')}`;
  // The aggregate error is printed bare (cmdutil.CheckErr's MultipleErrors has no prefix).
  for (const f of fatal) stderr += `${f}\n`;
  return { stdout, stderr, exitCode: fatal.length > 0 ? 1 : 0 };
}

// `kubectl drain`.
registerVerb({
  name: 'drain',
  usage: 'kubectl drain NODE',
  short: 'Drain node in preparation for maintenance',
  flags: [
    SELECTOR_FLAG,
    DRY_RUN_FLAG,
    { name: 'ignore-daemonsets', type: 'bool', description: 'Ignore DaemonSet-managed pods.' },
    {
      name: 'force',
      type: 'bool',
      description: 'Continue even if there are pods that do not declare a controller.',
    },
    {
      name: 'delete-emptydir-data',
      type: 'bool',
      description:
        'Continue even if there are pods using emptyDir (local data that will be deleted when the node is drained).',
    },
    { name: 'delete-local-data', type: 'bool', description: 'Deprecated: use --delete-emptydir-data.' },
    {
      name: 'grace-period',
      type: 'int',
      description: 'Period of time in seconds given to each pod to terminate gracefully.',
    },
    {
      name: 'timeout',
      type: 'string',
      description: 'The length of time to wait before giving up (the playground does not wait).',
    },
    {
      name: 'disable-eviction',
      type: 'bool',
      description: 'Force drain to use delete, even if eviction is supported.',
    },
    {
      name: 'pod-selector',
      type: 'string',
      description: 'Label selector to filter pods on the node (not supported; ignored).',
    },
  ],
  run,
});
