// kubectl uncordon: mark node as schedulable again; pods kept away by the cordon may be scheduled there.
import { registerVerb } from '../registry';
import { DRY_RUN_FLAG, SELECTOR_FLAG, dryRunOf, fail } from '../util/flags';
import { selectNodes, setUnschedulable } from '../util/cordon';

// `kubectl uncordon`.
registerVerb({
  name: 'uncordon',
  usage: 'kubectl uncordon NODE',
  short: 'Mark node as schedulable',
  flags: [SELECTOR_FLAG, DRY_RUN_FLAG],
  run: (args, ctx) => {
    const dry = dryRunOf(args);
    if (typeof dry === 'object') return fail(dry.error);
    const selection = selectNodes(ctx.sim, args, 'uncordon');
    if (!selection.ok) return fail(selection.error);
    const { stdout, stderr } = setUnschedulable(ctx.sim, selection.nodes, false, dry);
    const errors = selection.errors + stderr;
    return { stdout, stderr: errors, exitCode: errors ? 1 : 0 };
  },
});
