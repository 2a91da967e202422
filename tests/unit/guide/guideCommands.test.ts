// Every kubectl line of the DaemonSet guide this project grew from, run in its order against the
// troubleshooting lesson's cluster (node-exporter in `monitoring`, labelled app=node-exporter),
// with the guide's placeholders filled in. Each answer must be what kubectl prints on a real
// cluster — an object, a table, a watch, or kubectl's own error where a real cluster gives one
// (a manifest file the page does not have, a generator kubectl does not have) — never an
// "unknown command" or "unknown flag" that only the playground would print.
import { beforeAll, describe, expect, it } from 'vitest';
import { ScenarioSession } from '../../../src/scenario/session';
import { galleryText } from '../scenario/galleryFiles';

// The guide's placeholders and what stands for them here.
const FILL: Record<string, string> = {
  '<namespace>': 'monitoring',
  '<name>': 'node-exporter',
  '<label>': 'node-exporter',
  '<container>': 'node-exporter',
  '<image>': 'quay.io/prometheus/node-exporter:v1.9.0',
  '<new-image>': 'quay.io/prometheus/node-exporter:v1.9.1',
  '<node-name>': 'node-1',
  '<test-node>': 'node-2',
};

interface Row {
  /** The line of the guide (its line number there), placeholders as the guide writes them. */
  at: number;
  line: string;
  exit: number;
  /** The start of what kubectl prints (stdout, then stderr). */
  prints: RegExp;
  /** A watch or a stream keeps running after the first output. */
  watch?: boolean;
}

const NOT_A_FILE = /^error: the path "daemonset\.yaml" does not exist/;

// Table order is the guide's order; each row runs on the cluster the rows before it left.
const ROWS: Row[] = [
  { at: 91, line: 'kubectl apply -f daemonset.yaml', exit: 1, prints: NOT_A_FILE },
  // create.go has no daemonset generator: `daemonset` is an argument of create, --image unknown.
  {
    at: 392,
    line: 'kubectl create daemonset my-daemon --image=nginx --dry-run=client -o yaml',
    exit: 1,
    prints: /^error: unknown flag: --image\nSee 'kubectl create --help' for usage\.\n$/,
  },
  {
    at: 395,
    line: 'kubectl create daemonset my-daemon --image=nginx --dry-run=client -o yaml | kubectl apply -f -',
    exit: 1,
    prints: /^error: unknown flag: --image\n[\s\S]*error: no objects passed to apply\n$/,
  },
  {
    at: 423,
    line: 'kubectl set image daemonset/<name> <container>=<image> -n <namespace>',
    exit: 0,
    prints: /^daemonset\.apps\/node-exporter image updated\n$/,
  },
  {
    at: 442,
    line: 'kubectl delete pod <pod-name> -n <namespace>',
    exit: 0,
    prints: /^pod "node-exporter-\w+" deleted\n$/,
  },
  {
    at: 500,
    line: 'kubectl taint nodes <test-node> dedicated=logging:NoSchedule',
    exit: 0,
    prints: /^node\/node-2 tainted\n$/,
  },
  {
    at: 557,
    line: 'kubectl get daemonset -n <namespace>',
    exit: 0,
    prints:
      /^NAME\s+DESIRED\s+CURRENT\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+NODE SELECTOR\s+AGE\nnode-exporter\s/,
  },
  {
    at: 558,
    line: 'kubectl get daemonset -A',
    exit: 0,
    prints: /^NAMESPACE\s+NAME\s+DESIRED[\s\S]*\nmonitoring\s+node-exporter\s/,
  },
  {
    at: 561,
    line: 'kubectl describe daemonset <name> -n <namespace>',
    exit: 0,
    prints: /^Name:\s+node-exporter\nNamespace:\s+monitoring\n/,
  },
  {
    at: 564,
    line: 'kubectl get daemonset <name> -n <namespace> -o yaml',
    exit: 0,
    prints: /^apiVersion: apps\/v1\nkind: DaemonSet\n/,
  },
  {
    at: 567,
    line: 'kubectl get daemonset -n <namespace> -w',
    exit: 0,
    prints: /^NAME\s+DESIRED/,
    watch: true,
  },
  {
    at: 574,
    line: 'kubectl get pods -l app=<label> -n <namespace> -o wide',
    exit: 0,
    prints:
      /^NAME\s+READY\s+STATUS\s+RESTARTS\s+AGE\s+IP\s+NODE\s+NOMINATED NODE\s+READINESS GATES\nnode-exporter-/,
  },
  {
    at: 577,
    line: 'kubectl describe pod <pod-name> -n <namespace>',
    exit: 0,
    prints: /^Name:\s+node-exporter-\w+\nNamespace:\s+monitoring\n/,
  },
  { at: 580, line: 'kubectl logs <pod-name> -n <namespace>', exit: 0, prints: /\S/ },
  { at: 581, line: 'kubectl logs -f <pod-name> -n <namespace>', exit: 0, prints: /\S/, watch: true },
  { at: 582, line: 'kubectl logs <pod-name> -n <namespace> --tail=50', exit: 0, prints: /\S/ },
  // The pod has not restarted, so there is no previous container: the API server's answer.
  {
    at: 583,
    line: 'kubectl logs -p <pod-name> -n <namespace>',
    exit: 1,
    prints:
      /^Error from server \(BadRequest\): previous terminated container "node-exporter" in pod "node-exporter-\w+" not found\n$/,
  },
  {
    at: 586,
    line: "kubectl get events -n <namespace> --sort-by='.lastTimestamp'",
    exit: 0,
    prints: /^LAST SEEN\s+TYPE\s+REASON\s+OBJECT\s+MESSAGE\n/,
  },
  {
    at: 596,
    line: 'kubectl get pods -o wide -l app=<label> -n <namespace>',
    exit: 0,
    prints: /^NAME\s+READY\s+STATUS[\s\S]*\nnode-exporter-/,
  },
  {
    at: 599,
    line: 'kubectl describe node <test-node> | grep -A 5 Taints',
    exit: 0,
    prints: /^Taints:\s+dedicated=logging:NoSchedule\n/,
  },
  {
    at: 602,
    line: 'kubectl get nodes -o wide',
    exit: 0,
    prints:
      /^NAME\s+STATUS\s+ROLES\s+AGE\s+VERSION\s+INTERNAL-IP\s+EXTERNAL-IP\s+OS-IMAGE\s+KERNEL-VERSION\s+CONTAINER-RUNTIME\n/,
  },
  { at: 607, line: 'kubectl uncordon <node-name>', exit: 0, prints: /^node\/node-1 already uncordoned\n$/ },
  {
    at: 633,
    line: 'kubectl set image daemonset/<name> <container>=<new-image> -n <namespace>',
    exit: 0,
    prints: /^daemonset\.apps\/node-exporter image updated\n$/,
  },
  {
    at: 636,
    line: `kubectl patch daemonset <name> -n <namespace> --type='json' -p='[{"op": "add", "path": "/spec/template/spec/containers/0/resources", "value": {"limits": {"memory": "500Mi"}}}]'`,
    exit: 0,
    prints: /^daemonset\.apps\/node-exporter patched\n$/,
  },
  { at: 640, line: 'kubectl describe node <node-name>', exit: 0, prints: /^Name:\s+node-1\nRoles:/ },
  {
    at: 654,
    line: 'kubectl top pod <pod-name> -n <namespace>',
    exit: 0,
    prints: /^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*\nnode-exporter-/,
  },
  {
    at: 655,
    line: 'kubectl top node <node-name>',
    exit: 0,
    prints: /^NAME\s+CPU\(cores\)\s+CPU\(%\)\s+MEMORY\(bytes\)\s+MEMORY\(%\)\s*\nnode-1\s/,
  },
  // No pod is Evicted here: grep selects nothing and xargs (without -r) runs `kubectl delete pod
  // -n monitoring` once, with no name — what GNU xargs and kubectl answer on a real cluster.
  {
    at: 687,
    line: "kubectl get pods -n <namespace> | grep Evicted | awk '{print $1}' | xargs kubectl delete pod -n <namespace>",
    exit: 123,
    prints: /^error: resource\(s\) were provided, but no name was specified\n$/,
  },
  {
    at: 697,
    line: 'kubectl get daemonset <name> -n <namespace> -o yaml | grep -A 5 updateStrategy',
    exit: 0,
    prints: /^ {2}updateStrategy:\n {4}rollingUpdate:\n/,
  },
  {
    at: 700,
    line: 'kubectl rollout status daemonset/<name> -n <namespace>',
    exit: 0,
    prints:
      /^(Waiting for daemon set "node-exporter" rollout to finish|daemon set "node-exporter" successfully rolled out)/,
  },
  {
    at: 703,
    line: 'kubectl rollout history daemonset/<name> -n <namespace>',
    exit: 0,
    prints: /^daemonset\.apps\/node-exporter \nREVISION\s+CHANGE-CAUSE\n1\s/,
  },
  {
    at: 709,
    line: 'kubectl rollout undo daemonset/<name> -n <namespace>',
    exit: 0,
    prints: /^daemonset\.apps\/node-exporter rolled back\n$/,
  },
  {
    at: 712,
    line: `kubectl patch daemonset <name> -n <namespace> --type='json' -p='[{"op": "replace", "path": "/spec/updateStrategy/rollingUpdate/maxUnavailable", "value":2}]'`,
    exit: 0,
    prints: /^daemonset\.apps\/node-exporter patched\n$/,
  },
  {
    at: 850,
    line: 'kubectl apply -k overlays/production/',
    exit: 1,
    prints: /^error: the playground cannot read the kustomization directory "overlays\/production\/"/,
  },
  { at: 859, line: 'kubectl apply -f daemonset.yaml -n kube-system', exit: 1, prints: NOT_A_FILE },
  {
    at: 870,
    line: 'kubectl label node <test-node> test-daemonset=true',
    exit: 0,
    prints: /^node\/node-2 labeled\n$/,
  },
  {
    at: 1192,
    line: `kubectl patch daemonset <name> -n <namespace> -p '{"spec":{"template":{"spec":{"nodeSelector":{"test-daemonset":"true"}}}}}'`,
    exit: 0,
    prints: /^daemonset\.apps\/node-exporter patched\n$/,
  },
  {
    at: 879,
    line: `kubectl patch daemonset <name> -n <namespace> --type json -p='[{"op":"remove","path":"/spec/template/spec/nodeSelector"}]'`,
    exit: 0,
    prints: /^daemonset\.apps\/node-exporter patched\n$/,
  },
  {
    at: 1179,
    line: 'kubectl get daemonset',
    exit: 0,
    prints: /^No resources found in default namespace\.\n$/,
  },
  {
    at: 1183,
    line: 'kubectl get daemonset <name> -n <namespace> -o wide',
    exit: 0,
    prints: /^NAME\s+DESIRED[\s\S]*CONTAINERS\s+IMAGES\s+SELECTOR\nnode-exporter\s/,
  },
  {
    at: 1188,
    line: 'kubectl get pods -l app=<label> -n <namespace> -w',
    exit: 0,
    prints: /^NAME\s+READY\s+STATUS/,
    watch: true,
  },
  // No terminal for an editor: the page says where to edit instead (kubectl itself would open $EDITOR).
  {
    at: 1191,
    line: 'kubectl edit daemonset <name> -n <namespace>',
    exit: 1,
    prints: /^error: kubectl edit needs an interactive editor/,
  },
  {
    at: 1206,
    line: 'kubectl exec -it <pod-name> -n <namespace> -- /bin/sh',
    exit: 1,
    prints: /^error: the playground console runs one command at a time/,
  },
  {
    at: 1206,
    line: 'kubectl exec <pod-name> -n <namespace> -- hostname',
    exit: 0,
    prints: /^node-exporter-\w+\n$/,
  },
  {
    at: 1213,
    line: "kubectl get events -n <namespace> --sort-by='.lastTimestamp'",
    exit: 0,
    prints: /^LAST SEEN/,
  },
  { at: 1214, line: 'kubectl top node', exit: 0, prints: /^NAME\s+CPU\(cores\)/ },
  {
    at: 1215,
    line: 'kubectl top pod -l app=<label> -n <namespace>',
    exit: 0,
    prints: /^NAME\s+CPU\(cores\)\s+MEMORY\(bytes\)\s*\nnode-exporter-/,
  },
  {
    at: 1216,
    line: "kubectl get daemonset <name> -n <namespace> -o json | jq '.status'",
    exit: 0,
    prints: /^\{\n {2}"currentNumberScheduled": \d+,\n/,
  },
  {
    at: 1210,
    line: 'kubectl delete daemonset <name> -n <namespace> --cascade=orphan',
    exit: 0,
    prints: /^daemonset\.apps "node-exporter" deleted\n$/,
  },
];

describe("the guide's kubectl lines, run as on a real cluster", () => {
  let session: ScenarioSession;
  let podName = '';
  beforeAll(() => {
    const created = ScenarioSession.create(galleryText('lesson-troubleshooting'));
    if (!created.session) throw new Error(JSON.stringify(created.errors));
    session = created.session;
    session.sim.runUntil(120);
  });

  const fill = (line: string) =>
    line.replace(/<[a-z-]+>/g, (p) => (p === '<pod-name>' ? podName : (FILL[p] ?? p)));

  it.each(ROWS)('guide line $at: $line', (row) => {
    // A pod of node-exporter as it is now (an earlier row may have replaced the last one).
    podName =
      /^pod\/(\S+)/m.exec(
        session.run('kubectl get pods -n monitoring -l app=node-exporter -o name').stdout,
      )?.[1] ?? '';
    const res = session.run(fill(row.line));
    const printed = res.stdout + res.stderr;
    expect(printed).not.toMatch(/unknown (command|flag|shorthand flag)(?!: --image)/);
    expect(printed).toMatch(row.prints);
    expect(res.exitCode).toBe(row.exit);
    expect(res.watch !== undefined).toBe(row.watch ?? false);
    session.sim.runUntil(session.sim.now() + 5);
  });

  it('covers every kubectl line of the guide', () => {
    // The guide's lines are kept as data here (the project never reads ../shared); a row per
    // command, so a new one in the list above is a new command exercised.
    expect(new Set(ROWS.map((r) => r.at)).size).toBeGreaterThanOrEqual(45);
  });
});
