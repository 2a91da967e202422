// Golden tests: what each kubectl verb prints against one fixed cluster, at a fixed seed and
// simulated time, compared with the checked-in transcripts in tests/golden/kubectl/. A change in
// any output shows as a diff of the transcript. After an intended change, regenerate them all
// with `npm run golden:update` and review the diff before committing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Pod } from '../../src/engine/api/types';
import type { Simulation } from '../../src/engine/simulation';
import { setExplainSchema } from '../../src/kubectl/index';
import { allVerbs } from '../../src/kubectl/registry';
import { loadManifestSchema } from '../../src/manifests/explain';
import { ScenarioSession } from '../../src/scenario/session';
import { newDaemonSet, newDeployment, newNode, newStatefulSet } from '../fixtures/builders';
import { manifestYaml } from '../fixtures/cluster';

const SEED = 7;
/** START: simulated seconds before the first command; every pod is Running and Ready by then. */
const START = 120;

// Three machines (two zones and a tainted GPU node), a log agent on every node that tolerates
// the taint, and a two-replica Deployment.
const CLUSTER = manifestYaml(
  newNode('node-1', { labels: { 'topology.kubernetes.io/zone': 'zone-a' } }),
  newNode('node-2', { labels: { 'topology.kubernetes.io/zone': 'zone-b' } }),
  newNode('gpu-1', {
    labels: { 'topology.kubernetes.io/zone': 'zone-b', gpu: 'true' },
    taints: [{ key: 'nvidia.com/gpu', value: 'present', effect: 'NoSchedule' }],
  }),
  newDaemonSet('fluentd', {
    namespace: 'kube-system',
    image: 'fluent/fluentd:v1.16-1',
    resources: { requests: { cpu: '100m', memory: '200Mi' }, limits: { memory: '200Mi' } },
    tolerations: [{ key: 'nvidia.com/gpu', operator: 'Exists', effect: 'NoSchedule' }],
  }),
  newDeployment('web', { replicas: 2, requests: { cpu: '250m', memory: '128Mi' } }),
);

/** A step: a command line (with optional standard input) or simulated seconds passing. */
type Step = string | { line: string; stdin: string } | { wait: number };

/**
 * Pod names carry seeded random suffixes; `{pod:<namespace>:<key>=<value>}` in a command line
 * names the first live pod (by name) with that label, so a case does not hard-code a suffix.
 */
function resolvePods(sim: Simulation, line: string): string {
  return line.replace(/\{pod:([^:}]+):([^=}]+)=([^}]+)\}/g, (_, ns: string, key: string, value: string) => {
    const pod = sim.api
      .list<Pod>('Pod', ns)
      .filter((p) => !p.metadata.deletionTimestamp && p.metadata.labels?.[key] === value)
      .map((p) => p.metadata.name)
      .sort()[0];
    if (!pod) throw new Error(`no pod in ${ns} labelled ${key}=${value}`);
    return pod;
  });
}

/**
 * transcript runs the steps on a fresh cluster, through the session the console drives (each
 * command settles the controllers, as in the page), and writes what a terminal would show.
 */
function transcript(steps: Step[]): string {
  const { session, errors } = ScenarioSession.create(CLUSTER, { seed: SEED });
  if (!session) throw new Error(errors.map((e) => e.message).join('\n'));
  session.advance(START);
  let out = '';
  for (const step of steps) {
    if (typeof step === 'object' && 'wait' in step) {
      session.advance(step.wait);
      out += `# ${step.wait}s later\n`;
      continue;
    }
    const { line, stdin } = typeof step === 'string' ? { line: step, stdin: undefined } : step;
    const resolved = resolvePods(session.sim, line);
    const r = session.run(`kubectl ${resolved}`, stdin);
    out += `$ kubectl ${resolved}\n`;
    if (stdin !== undefined) out += stdin.replace(/\n$/, '').replace(/^/gm, '> ') + '\n';
    const printed = r.stdout + r.stderr;
    // jsonpath prints no final newline; say so rather than run into the next prompt.
    out += printed && !printed.endsWith('\n') ? `${printed}\n[no newline at end]\n` : printed;
    if (r.exitCode !== 0) out += `[exit ${r.exitCode}]\n`;
  }
  return out;
}

const DS = '-n kube-system';
const FLUENTD_POD = '{pod:kube-system:app=fluentd}';
const WEB_POD = '{pod:default:app=web}';

/** CASES: one transcript file each, named after the verb (and the aspect) it pins. */
const CASES: Record<string, Step[]> = {
  'get-tables': [
    'get nodes',
    'get nodes -o wide',
    'get pods -A',
    'get pods -A -o wide',
    'get all',
    `get ds ${DS}`,
  ],
  'get-labels-and-selectors': [
    'get nodes --show-labels',
    'get nodes -l gpu=true',
    'get nodes -L topology.kubernetes.io/zone',
    'get pods -n kube-system --field-selector spec.nodeName=gpu-1',
  ],
  'get-yaml': [`get ds fluentd ${DS} -o yaml`, 'get node gpu-1 -o yaml'],
  'get-json': [`get ds fluentd ${DS} -o json`],
  'get-name-jsonpath-custom-columns': [
    'get pods -A -o name',
    "get nodes -o jsonpath='{.items[*].metadata.name}'",
    'get nodes -o custom-columns=NAME:.metadata.name,ZONE:.metadata.labels.topology\\.kubernetes\\.io/zone',
  ],
  'get-errors': ['get nodes node-9', 'get widgets', 'get nodes -o toml'],
  'describe-node': ['describe node gpu-1'],
  'describe-daemonset': [`describe ds fluentd ${DS}`],
  'describe-pod': [`describe pod ${FLUENTD_POD} ${DS}`],
  'describe-deployment': ['describe deployment web'],
  label: [
    'label node node-1 disk=ssd',
    'label node node-1 disk=ssd',
    'label node node-1 disk=hdd',
    'label node node-1 disk=hdd --overwrite',
    'get node node-1 --show-labels',
    'label node node-1 disk-',
  ],
  annotate: [
    `annotate ds fluentd ${DS} kubernetes.io/change-cause="pin fluentd"`,
    `annotate ds fluentd ${DS} kubernetes.io/change-cause="again"`,
    `get ds fluentd ${DS} -o jsonpath='{.metadata.annotations}'`,
  ],
  taint: [
    'taint nodes node-2 dedicated=infra:NoExecute',
    { wait: 30 },
    'get pods -A -o wide',
    'taint nodes node-2 dedicated=infra:NoExecute',
    'taint nodes node-2 dedicated-',
  ],
  cordon: ['cordon node-1', 'cordon node-1', 'get nodes', 'describe node node-1'],
  uncordon: ['cordon node-1', 'uncordon node-1', 'uncordon node-1', 'get nodes'],
  drain: [
    'drain node-1',
    'drain node-1 --ignore-daemonsets',
    { wait: 60 },
    'get pods -A -o wide',
    'uncordon node-1',
  ],
  delete: [
    `delete pod ${WEB_POD}`,
    { wait: 30 },
    'get pods',
    'delete deployment web',
    { wait: 60 },
    'get pods',
    'delete deployment web',
  ],
  'set-image-and-rollout': [
    `set image ds/fluentd fluentd=fluent/fluentd:v1.17-1 ${DS}`,
    `rollout status ds/fluentd ${DS}`,
    { wait: 300 },
    `rollout status ds/fluentd ${DS}`,
    `rollout history ds/fluentd ${DS}`,
    `rollout history ds/fluentd ${DS} --revision=2`,
    `rollout undo ds/fluentd ${DS}`,
    { wait: 300 },
    `rollout history ds/fluentd ${DS}`,
    `rollout restart ds/fluentd ${DS}`,
  ],
  'rollout-deployment': [
    'rollout pause deployment/web',
    'set image deployment/web web=nginx:1.28',
    'rollout status deployment/web',
    'rollout resume deployment/web',
    { wait: 120 },
    'rollout status deployment/web',
    'rollout history deployment/web',
  ],
  statefulset: [
    { line: 'apply -f -', stdin: manifestYaml(newStatefulSet('db', { replicas: 2, serviceName: 'db' })) },
    'get sts',
    { wait: 60 },
    'get statefulsets -o wide',
    'get pods -l app=db -L apps.kubernetes.io/pod-index',
    'describe sts db',
    'set image sts/db db=nginx:1.26',
    'rollout status sts/db',
    { wait: 120 },
    'rollout status statefulset/db',
    'rollout history sts/db',
    'scale sts db --replicas=1',
    { wait: 60 },
    'get pods -l app=db',
    'delete sts db',
  ],
  'set-resources': [
    `set resources ds/fluentd ${DS} --limits=memory=300Mi --requests=cpu=150m`,
    `get ds fluentd ${DS} -o jsonpath='{.spec.template.spec.containers[0].resources}'`,
  ],
  patch: [
    `patch ds fluentd ${DS} --type merge -p '{"spec":{"updateStrategy":{"rollingUpdate":{"maxUnavailable":2}}}}'`,
    `patch ds fluentd ${DS} --type merge -p '{"spec":{"updateStrategy":{"rollingUpdate":{"maxUnavailable":2}}}}'`,
    `patch ds fluentd ${DS} --type json -p '[{"op":"replace","path":"/spec/minReadySeconds","value":5}]'`,
    `patch ds fluentd ${DS} --type json -p '[{"op":"add","path":"/spec/minReadySeconds","value":5}]'`,
    `get ds fluentd ${DS} -o jsonpath='{.spec.updateStrategy}{"\\n"}{.spec.minReadySeconds}'`,
  ],
  scale: [
    'scale deployment web --replicas=3',
    { wait: 60 },
    'get deployment web',
    `scale ds fluentd ${DS} --replicas=2`,
  ],
  apply: [
    {
      line: 'apply -f -',
      stdin: manifestYaml(newDeployment('api', { replicas: 1, image: 'nginx:1.27' })),
    },
    {
      line: 'apply -f -',
      stdin: manifestYaml(newDeployment('api', { replicas: 1, image: 'nginx:1.27' })),
    },
  ],
  create: [
    { line: 'create -f -', stdin: manifestYaml(newDeployment('api')) },
    { line: 'create -f -', stdin: manifestYaml(newDeployment('api')) },
  ],
  'create-generators': [
    'create deployment web2 --image=nginx:1.27 --replicas=2 --port=80 --dry-run=client -o yaml',
    'create deployment web2 --image=nginx:1.27 --replicas=2',
    'create deployment web2 --image=nginx:1.27',
    { wait: 30 },
    'get deployment web2',
    'create namespace monitoring --dry-run=client -o yaml',
    'create namespace monitoring',
    'get namespaces',
    'create namespace default',
    'create priorityclass node-agents --value=100000 --description="log and metrics agents"',
    'get priorityclass node-agents',
    'create configmap fluentd-config -n kube-system --from-literal=fluent.conf="@include /etc/fluent/*.conf" --dry-run=client -o json',
    'create configmap fluentd-config -n kube-system --from-literal=log_level=info --from-literal=buffer=64m',
    'get cm -n kube-system',
    'describe cm fluentd-config -n kube-system',
    'create configmap other --from-file=app.conf',
    'create job once --image=busybox:1.36 --dry-run=client -o yaml -- echo hi',
    'create daemonset fluentd --image=fluent/fluentd:v1.16-1',
    'create daemonset fluentd',
    'delete namespace monitoring',
    'delete namespace kube-system',
  ],
  run: [
    'run debug --image=busybox:1.36 --restart=Never --dry-run=client -o yaml -- sleep 3600',
    'run debug --image=busybox:1.36 --restart=Never -- sleep 3600',
    { wait: 30 },
    'get pod debug -o wide',
    'run debug --image=busybox:1.36',
    'run shell -it --rm --image=busybox:1.36 -- sh',
  ],
  kustomize: ['apply -k overlays/production', 'kustomize overlays/production'],
  top: ['top nodes', 'top pods -A', `top pod ${FLUENTD_POD} ${DS} --containers`],
  logs: [`logs ${FLUENTD_POD} ${DS}`, `logs ${FLUENTD_POD} ${DS} --tail=2`, `logs ds/fluentd ${DS}`],
  events: [`events ${DS}`, 'events --for node/node-1'],
  explain: ['explain daemonset.spec.updateStrategy', 'explain pods.spec.tolerations'],
  'edit-and-exec': [
    `edit ds/fluentd ${DS}`,
    `exec ${FLUENTD_POD} ${DS} -- hostname`,
    `exec ${FLUENTD_POD} ${DS} -- env`,
    `exec ${FLUENTD_POD} ${DS} -- cat /etc/resolv.conf`,
    `exec ${FLUENTD_POD} ${DS} -- ls /var/run/secrets/kubernetes.io/serviceaccount`,
    `exec ${FLUENTD_POD} ${DS} -- rm -rf /var/log`,
    `exec ${FLUENTD_POD} ${DS} -- curl localhost`,
    `exec -it ${FLUENTD_POD} ${DS} -- sh`,
    `exec ${FLUENTD_POD} ${DS} -c sidecar -- ls`,
    `exec nope ${DS} -- ls`,
  ],
  'cluster-info-version-api-resources': ['cluster-info', 'version', 'api-resources'],
  cronjob: [
    "create cronjob backup --image=busybox:1.36 --schedule='*/5 * * * *' --dry-run=client -o yaml",
    "create cronjob backup --image=busybox:1.36 --schedule='*/5 * * * *' -- sh -c 'echo backup'",
    "create cronjob bad --image=busybox:1.36 --schedule='61 * * * *'",
    'get cronjobs',
    { wait: 200 },
    'get cronjobs',
    'get jobs',
    'create job backup-now --from=cronjob/backup',
    'describe cronjob backup',
    'patch cronjob backup -p \'{"spec":{"suspend":true}}\'',
    'get cronjobs -o wide',
    'delete cronjob backup',
    'get jobs,cronjobs',
  ],
};

describe('kubectl golden transcripts (tests/golden/kubectl/*.txt; `npm run golden:update` regenerates)', () => {
  beforeAll(async () => setExplainSchema(await loadManifestSchema()));
  afterAll(() => setExplainSchema(undefined));

  it.each(Object.keys(CASES))('%s', async (name) => {
    await expect(transcript(CASES[name] ?? [])).toMatchFileSnapshot(`./kubectl/${name}.txt`);
  });

  it('covers every verb and subcommand kubectl knows', () => {
    const lines = Object.values(CASES)
      .flat()
      .flatMap((s) => (typeof s === 'string' ? [s] : 'line' in s ? [s.line] : []));
    const used = new Set(lines.map((l) => l.split(' ').slice(0, 2).join(' ')));
    const usedVerbs = new Set(lines.map((l) => l.split(' ')[0]));
    const missing = allVerbs().flatMap((v) =>
      v.subcommands?.length
        ? v.subcommands
            .filter((s) => ![s.name, ...(s.aliases ?? [])].some((n) => used.has(`${v.name} ${n}`)))
            .map((s) => `${v.name} ${s.name}`)
        : usedVerbs.has(v.name)
          ? []
          : [v.name],
    );
    expect(missing).toEqual([]);
  });
});
