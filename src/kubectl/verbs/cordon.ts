// kubectl cordon: mark node as unschedulable. Cordoning never touches running pods, daemon pods included.
import { registerVerb } from '../registry';
import { DRY_RUN_FLAG, SELECTOR_FLAG, dryRunOf, fail } from '../util/flags';
import { selectNodes, setUnschedulable } from '../util/cordon';

// `kubectl cordon`.
registerVerb({
  name: 'cordon',
  usage: 'kubectl cordon NODE',
  short: 'Mark node as unschedulable',
  flags: [SELECTOR_FLAG, DRY_RUN_FLAG],
  run: (args, ctx) => {
    const dry = dryRunOf(args);
    if (typeof dry === 'object') return fail(dry.error);
    const selection = selectNodes(ctx.sim, args, 'cordon');
    if (!selection.ok) return fail(selection.error);
    const { stdout, stderr } = setUnschedulable(ctx.sim, selection.nodes, true, dry);
    const errors = selection.errors + stderr;
    return { stdout, stderr: errors, exitCode: errors ? 1 : 0 };
  },
});
