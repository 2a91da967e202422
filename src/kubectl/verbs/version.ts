// kubectl version: the playground's kubectl and API server, labelled as simulated.
import { registerVerb } from '../registry';
import { OUTPUT_FLAG, bool, fail, ok, str } from '../util/flags';
import { toJsonText, toYaml } from '../printers/serialize';

/** SIMULATED_VERSION is the Kubernetes version whose behaviour the playground follows. */
export const SIMULATED_VERSION = 'v1.34.1';

function info(): Record<string, string> {
  return { major: '1', minor: '34', gitVersion: SIMULATED_VERSION, platform: 'js/playground (simulated)' };
}

// `kubectl version`.
registerVerb({
  name: 'version',
  usage: 'kubectl version [flags]',
  short: 'Print the client and server version information',
  flags: [
    OUTPUT_FLAG,
    { name: 'client', type: 'bool', description: 'If true, shows client version only (no server required).' },
  ],
  run: (args) => {
    const client = bool(args, 'client');
    const output = str(args, 'output');
    if (output === 'json' || output === 'yaml') {
      const doc = {
        clientVersion: info(),
        kustomizeVersion: 'v5.7.1',
        ...(client ? {} : { serverVersion: info() }),
      };
      return ok(output === 'json' ? toJsonText(doc) : toYaml(doc));
    }
    if (output) return fail(`error: --output must be 'yaml' or 'json'\n`);
    let text = `Client Version: ${SIMULATED_VERSION}\nKustomize Version: v5.7.1\n`;
    if (!client) text += `Server Version: ${SIMULATED_VERSION}\n`;
    return ok(
      text +
        '(simulated: this kubectl and cluster are a small Kubernetes written in TypeScript, running in this page)\n',
    );
  },
});
