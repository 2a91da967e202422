// kubectl rollout status|history|undo|restart|pause|resume for DaemonSets and Deployments, as
// polymorphichelpers implements them (rollout_status.go, history.go, rollback.go,
// objectpauser.go, objectrestarter.go). Each subcommand lives in ../rollout/.
import { rolloutHistoryCommand } from '../rollout/history';
import { rolloutPauseCommand } from '../rollout/pause';
import { rolloutRestartCommand } from '../rollout/restart';
import { rolloutStatusCommand } from '../rollout/status';
import { rolloutUndoCommand } from '../rollout/undo';
import { registerVerb } from '../registry';
import { DRY_RUN_FLAG, SELECTOR_FLAG } from '../util/flags';

const SELECT = [SELECTOR_FLAG];

// `kubectl rollout`.
registerVerb({
  name: 'rollout',
  usage: 'kubectl rollout SUBCOMMAND [options]',
  short: 'Manage the rollout of a resource',
  flags: [],
  subcommands: [
    {
      name: 'status',
      usage: 'kubectl rollout status (TYPE NAME | TYPE/NAME) [flags]',
      short: 'Show the status of the rollout',
      flags: [
        ...SELECT,
        {
          name: 'watch',
          short: 'w',
          type: 'bool',
          description: 'Watch the status of the rollout until it is done.',
        },
        { name: 'revision', type: 'int', description: 'Pin to a specific revision (Deployments only).' },
        { name: 'timeout', type: 'string', description: 'The length of time to wait before ending watch.' },
      ],
    },
    {
      name: 'history',
      usage: 'kubectl rollout history (TYPE NAME | TYPE/NAME) [flags]',
      short: 'View rollout history',
      flags: [
        ...SELECT,
        {
          name: 'revision',
          type: 'int',
          description: 'See the details, including podTemplate of the revision specified.',
        },
      ],
    },
    {
      name: 'undo',
      usage: 'kubectl rollout undo (TYPE NAME | TYPE/NAME) [flags]',
      short: 'Undo a previous rollout',
      flags: [
        ...SELECT,
        DRY_RUN_FLAG,
        {
          name: 'to-revision',
          type: 'int',
          description: 'The revision to rollback to. Default to 0 (last revision).',
        },
      ],
    },
    {
      name: 'restart',
      usage: 'kubectl rollout restart RESOURCE',
      short: 'Restart a resource',
      flags: [...SELECT, DRY_RUN_FLAG],
    },
    {
      name: 'pause',
      usage: 'kubectl rollout pause RESOURCE',
      short: 'Mark the provided resource as paused',
      flags: SELECT,
    },
    {
      name: 'resume',
      usage: 'kubectl rollout resume RESOURCE',
      short: 'Resume a paused resource',
      flags: SELECT,
    },
  ],
  run: (args, ctx) => {
    switch (args.sub) {
      case 'status':
        return rolloutStatusCommand(args, ctx);
      case 'history':
        return rolloutHistoryCommand(args, ctx);
      case 'undo':
        return rolloutUndoCommand(args, ctx);
      case 'restart':
        return rolloutRestartCommand(args, ctx);
      case 'pause':
        return rolloutPauseCommand(args, ctx, true);
      default:
        return rolloutPauseCommand(args, ctx, false);
    }
  },
});
