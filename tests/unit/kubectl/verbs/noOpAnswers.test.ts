// Every verb's no-op and error answers, word for word and with kubectl's exit code, as the
// kubectl source prints them (staging/src/k8s.io/kubectl/pkg/cmd/...). One table per verb; each
// row starts from the same cluster: node-1..3, DaemonSet kube-system/fluentd, Deployment web.
import { describe, expect, it } from 'vitest';
import type { Node } from '../../../../src/engine/api/types';
import type { Simulation } from '../../../../src/engine/simulation';
import { fluentdYaml, kubectl, mustRun, newCluster } from '../helpers';

const WEB = `apiVersion: apps/v1
kind: Deployment
metadata: {name: web, namespace: default}
spec:
  replicas: 2
  selector: {matchLabels: {app: web}}
  template:
    metadata: {labels: {app: web}}
    spec: {containers: [{name: web, image: nginx:1.27}]}
`;

interface Row {
  behaviour: string;
  setup?: string[];
  line: string;
  stdout: string;
  stderr: string;
  exitCode: number;
}

function cluster(setup: string[] = []): Simulation {
  const sim = newCluster({ nodes: 3, manifests: [fluentdYaml(), WEB], until: 60 });
  for (const line of setup) mustRun(sim, line);
  return sim;
}

function table(verb: string, rows: Row[]): void {
  describe(`kubectl ${verb}`, () => {
    it.each(rows)('$behaviour', ({ setup, line, stdout, stderr, exitCode }) => {
      expect(kubectl(cluster(setup), line)).toEqual({ stdout, stderr, exitCode });
    });
  });
}

// label.go: validateNoOverwrites refuses only a different value; updateDataChangeMsg compares labels.
table('label', [
  {
    behaviour: 'a label that already has that value: not labeled, exit 0',
    setup: ['label nodes node-1 disk=ssd'],
    line: 'label nodes node-1 disk=ssd',
    stdout: 'node/node-1 not labeled\n',
    stderr: '',
    exitCode: 0,
  },
  {
    behaviour: 'a different value without --overwrite: the validateNoOverwrites error',
    setup: ['label nodes node-1 disk=ssd'],
    line: 'label nodes node-1 disk=hdd',
    stdout: '',
    stderr: "error: 'disk' already has a value (ssd), and --overwrite is false\n",
    exitCode: 1,
  },
  {
    behaviour: 'removing a label that is not there: label "x" not found., then not labeled',
    line: 'label nodes node-1 disk-',
    stdout: 'label "disk" not found.\nnode/node-1 not labeled\n',
    stderr: '',
    exitCode: 0,
  },
  {
    behaviour: 'adding one label and removing another: label(s) changed',
    setup: ['label nodes node-1 disk=ssd'],
    line: 'label nodes node-1 disk- zone=a',
    stdout: 'node/node-1 label(s) changed\n',
    stderr: '',
    exitCode: 0,
  },
  {
    behaviour: 'a missing node: NotFound',
    line: 'label nodes node-9 disk=ssd',
    stdout: '',
    stderr: 'Error from server (NotFound): nodes "node-9" not found\n',
    exitCode: 1,
  },
]);

// annotate.go: validateNoAnnotationOverwrites refuses only a different value; it always prints "annotated".
table('annotate', [
  {
    behaviour: 'an annotation that already has that value: annotated, exit 0',
    setup: ['annotate nodes node-1 owner=ops'],
    line: 'annotate nodes node-1 owner=ops',
    stdout: 'node/node-1 annotated\n',
    stderr: '',
    exitCode: 0,
  },
  {
    behaviour: 'a different value without --overwrite',
    setup: ['annotate nodes node-1 owner=ops'],
    line: 'annotate nodes node-1 owner=dev',
    stdout: '',
    stderr:
      "error: --overwrite is false but found the following declared annotation(s): 'owner' already has a value (ops)\n",
    exitCode: 1,
  },
]);

// drain.go RunCordonOrUncordon: a node already in the wanted state is reported, not an error.
table('cordon / uncordon', [
  {
    behaviour: 'cordon a cordoned node',
    setup: ['cordon node-1'],
    line: 'cordon node-1',
    stdout: 'node/node-1 already cordoned\n',
    stderr: '',
    exitCode: 0,
  },
  {
    behaviour: 'uncordon a schedulable node',
    line: 'uncordon node-1',
    stdout: 'node/node-1 already uncordoned\n',
    stderr: '',
    exitCode: 0,
  },
  {
    behaviour: 'cordon a missing node',
    line: 'cordon node-9',
    stdout: '',
    stderr: 'Error from server (NotFound): nodes "node-9" not found\n',
    exitCode: 1,
  },
]);

// taint.go updateTaints / checkIfTaintsAlreadyExists, utils.go deleteTaints.
table('taint', [
  {
    behaviour: 'a taint with the same key and effect without --overwrite',
    setup: ['taint nodes node-1 dedicated=gpu:NoSchedule'],
    line: 'taint nodes node-1 dedicated=ml:NoSchedule',
    stdout: '',
    stderr:
      'error: node node-1 already has dedicated taint(s) with same effect(s) and --overwrite is false\n',
    exitCode: 1,
  },
  {
    behaviour: 'removing a taint the node does not have',
    line: 'taint nodes node-1 dedicated:NoSchedule-',
    stdout: '',
    stderr: 'error: taint "dedicated:NoSchedule" not found\n',
    exitCode: 1,
  },
]);

table('delete', [
  {
    behaviour: 'a missing DaemonSet: NotFound with the group-qualified resource',
    line: 'delete daemonset x -n kube-system',
    stdout: '',
    stderr: 'Error from server (NotFound): daemonsets.apps "x" not found\n',
    exitCode: 1,
  },
  {
    behaviour: 'a missing pod',
    line: 'delete pod x',
    stdout: '',
    stderr: 'Error from server (NotFound): pods "x" not found\n',
    exitCode: 1,
  },
]);

// set_image.go: an unknown container is an error; an unchanged image makes an empty patch, which is skipped in silence.
table('set image', [
  {
    behaviour: 'an unknown container',
    line: 'set image ds/fluentd -n kube-system x=fluent/fluentd:v1.15-1',
    stdout: '',
    stderr: 'error: unable to find container named "x"\n',
    exitCode: 1,
  },
  {
    behaviour: 'the image it already has: nothing printed, exit 0',
    line: 'set image ds/fluentd -n kube-system fluentd=fluent/fluentd:v1.14-1',
    stdout: '',
    stderr: '',
    exitCode: 0,
  },
]);

// polymorphichelpers rollback.go and objectpauser.go / objectresumer.go.
table('rollout', [
  {
    behaviour: 'undo to a revision the DaemonSet never had',
    line: 'rollout undo ds/fluentd -n kube-system --to-revision=5',
    stdout: '',
    stderr: 'error: unable to find specified revision 5 in history\n',
    exitCode: 1,
  },
  {
    behaviour: 'undo a DaemonSet with one revision',
    line: 'rollout undo ds/fluentd -n kube-system',
    stdout: '',
    stderr: 'error: no last revision to roll back to\n',
    exitCode: 1,
  },
  {
    behaviour: 'undo a Deployment with one ReplicaSet',
    line: 'rollout undo deploy/web',
    stdout: '',
    stderr: 'error: no rollout history found for deployment "web"\n',
    exitCode: 1,
  },
  {
    behaviour: 'pause a paused Deployment',
    setup: ['rollout pause deploy/web'],
    line: 'rollout pause deploy/web',
    stdout: '',
    stderr: 'error: deployments.apps "web" is already paused\n',
    exitCode: 1,
  },
  {
    behaviour: 'resume a Deployment that is not paused',
    line: 'rollout resume deploy/web',
    stdout: '',
    stderr: 'error: deployments.apps "web" is not paused\n',
    exitCode: 1,
  },
]);

table('scale', [
  {
    behaviour: 'a missing Deployment',
    line: 'scale deploy x --replicas=2',
    stdout: '',
    stderr: 'Error from server (NotFound): deployments.apps "x" not found\n',
    exitCode: 1,
  },
  {
    behaviour: 'a DaemonSet, which has no scale subresource',
    line: 'scale ds fluentd -n kube-system --replicas=2',
    stdout: '',
    stderr: 'Error from server (NotFound): the server could not find the requested resource\n',
    exitCode: 1,
  },
]);

// patch.go: "patched (no change)" when the server answers with the object as it was.
table('patch', [
  {
    behaviour: 'an empty patch',
    line: `patch node node-1 -p '{}'`,
    stdout: 'node/node-1 patched (no change)\n',
    stderr: '',
    exitCode: 0,
  },
  {
    behaviour: 'unschedulable false on a schedulable node, which the server stores as absent',
    line: `patch node node-1 -p '{"spec":{"unschedulable":false}}'`,
    stdout: 'node/node-1 patched (no change)\n',
    stderr: '',
    exitCode: 0,
  },
  {
    behaviour: 'unschedulable false on a cordoned node',
    setup: ['cordon node-1'],
    line: `patch node node-1 -p '{"spec":{"unschedulable":false}}'`,
    stdout: 'node/node-1 patched\n',
    stderr: '',
    exitCode: 0,
  },
]);

describe('a write that changes nothing is not written', () => {
  it('keeps the resourceVersion of a node patched to what it already is', () => {
    const sim = cluster();
    const before = sim.api.get<Node>('Node', undefined, 'node-1')?.metadata.resourceVersion;
    mustRun(sim, `patch node node-1 -p '{"spec":{"unschedulable":false}}'`);
    expect(sim.api.get<Node>('Node', undefined, 'node-1')?.metadata.resourceVersion).toBe(before);
  });
});
