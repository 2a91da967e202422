// kubectl cluster-info: where the control plane "runs" (in this page).
import { registerVerb } from '../registry';
import { ok } from '../util/flags';

// `kubectl cluster-info`.
registerVerb({
  name: 'cluster-info',
  usage: 'kubectl cluster-info [flags]',
  short: 'Display cluster information',
  flags: [],
  run: () =>
    ok(
      'Kubernetes control plane is running at playground://in-this-page (simulated: API server and controllers run in your browser)\n' +
        "\nTo further debug and diagnose cluster problems, use 'kubectl get events -A' and 'kubectl describe'.\n",
    ),
});
