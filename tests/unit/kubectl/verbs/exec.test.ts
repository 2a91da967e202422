// kubectl exec as exec.go answers it, and the read-only shell a running container gets.
import { describe, expect, it } from 'vitest';
import type { Pod } from '../../../../src/engine/api/types';
import { fluentdYaml, kubectl, mustRun, newCluster, podNames } from '../helpers';

// A log agent as the guide writes one: the node's name from the downward API, /var/log and the
// node's os-release from hostPath, its configuration from a ConfigMap.
const AGENT = `apiVersion: apps/v1
kind: DaemonSet
metadata: {name: agent, namespace: kube-system}
spec:
  selector: {matchLabels: {app: agent}}
  template:
    metadata: {labels: {app: agent}}
    spec:
      containers:
      - name: agent
        image: fluent/fluentd:v1.16-1
        env:
        - {name: NODE_NAME, valueFrom: {fieldRef: {fieldPath: spec.nodeName}}}
        - {name: LOG_LEVEL, valueFrom: {configMapKeyRef: {name: agent-cfg, key: level}}}
        volumeMounts:
        - {name: varlog, mountPath: /var/log}
        - {name: osr, mountPath: /host/os-release}
        - {name: cfg, mountPath: /etc/agent}
      volumes:
      - {name: varlog, hostPath: {path: /var/log}}
      - {name: osr, hostPath: {path: /etc/os-release}}
      - {name: cfg, configMap: {name: agent-cfg}}
`;

function agentCluster() {
  const sim = newCluster({ nodes: 1 });
  mustRun(
    sim,
    'create configmap agent-cfg -n kube-system --from-literal=level=info --from-literal=agent.conf=tail',
  );
  mustRun(sim, 'apply -f -', AGENT);
  sim.runUntil(30);
  const pod = sim.api.list<Pod>('Pod', 'kube-system')[0]!;
  return {
    sim,
    pod: pod.metadata.name,
    run: (cmd: string) => kubectl(sim, `exec ${pod.metadata.name} -n kube-system -- ${cmd}`),
  };
}

describe('kubectl exec refuses as kubectl does', () => {
  const sim = newCluster({ nodes: 1, manifests: [fluentdYaml()], until: 10 });
  const [pod = ''] = podNames(sim, 'kube-system');
  it.each([
    ['no pod', 'exec', 'error: pod, type/name or --filename must be specified\n'],
    [
      'no command',
      `exec ${pod} -n kube-system`,
      'error: you must specify at least one command for the container\n',
    ],
    ['a missing pod', 'exec nope -- ls', 'Error from server (NotFound): pods "nope" not found\n'],
    [
      'the command without --',
      `exec ${pod} -n kube-system ls`,
      "error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples\n",
    ],
    [
      'an unknown -c container',
      `exec ${pod} -n kube-system -c sidecar -- ls`,
      `error: container sidecar is not valid for pod ${pod} out of: fluentd\n`,
    ],
  ])('%s', (_, line, stderr) => {
    expect(kubectl(sim, line)).toEqual({ stdout: '', stderr, exitCode: 1 });
  });

  it('refuses a completed pod with its phase', () => {
    const s = newCluster({ nodes: 1 });
    mustRun(s, 'run once --image=busybox:1.36 --restart=Never -- true');
    const p = s.api.get<Pod>('Pod', 'default', 'once')!;
    s.api.mutateStatus(p, (d) => {
      d.status = { ...d.status, phase: 'Succeeded' };
    });
    expect(kubectl(s, 'exec once -- ls').stderr).toBe(
      'error: cannot exec into a container in a completed pod; current phase is Succeeded\n',
    );
  });

  it('gives the API server’s answer for a pod without a node, and the kubelet’s for a container not running', () => {
    const s = newCluster({ nodes: 0 });
    mustRun(s, 'run pending --image=nginx');
    expect(kubectl(s, 'exec pending -- ls').stderr).toBe(
      'Error from server (BadRequest): pod pending does not have a host assigned\n',
    );
    const p = s.api.get<Pod>('Pod', 'default', 'pending')!;
    s.api.mutateStatus(p, (d) => {
      d.spec = { ...d.spec, nodeName: 'node-1' };
    });
    expect(kubectl(s, 'exec pending -- ls').stderr).toBe(
      'error: unable to upgrade connection: container not found ("pending")\n',
    );
  });

  it('says plainly that -it has no terminal here, and how to run one command instead', () => {
    const r = kubectl(sim, `exec -it ${pod} -n kube-system -- sh`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toContain('runs one command at a time');
    expect(r.stderr).toContain('kubectl exec POD -- hostname');
  });
});

describe('the read-only shell of a running container', () => {
  const { sim, pod, run } = agentCluster();
  const node = sim.api.get<Pod>('Pod', 'kube-system', pod)!.spec.nodeName!;

  it.each([
    ['hostname prints the pod name', 'hostname', `${pod}\n`],
    ['cat /etc/hostname agrees', 'cat /etc/hostname', `${pod}\n`],
    ['a configMap volume holds its keys as files', 'ls /etc/agent', 'agent.conf\nlevel\n'],
    ['a configMap key reads as its value', 'cat /etc/agent/level', 'info'],
    [
      'a hostPath /var/log shows the node’s log directories',
      'ls /var/log',
      'containers\njournal\npods\nsyslog\n',
    ],
    [
      'a file hostPath reads the node’s os-release',
      'cat /host/os-release',
      'PRETTY_NAME="Simulated Linux"\nNAME="Simulated"\n',
    ],
    ['sh -c runs one simple command', "sh -c 'echo hi'", 'hi\n'],
    ['date follows the virtual clock', 'date', 'Wed Jan  1 00:00:30 UTC 2025\n'],
    [
      'uname -a names the kernel and the host',
      'uname -a',
      `Linux ${pod} 6.1.0-28-amd64 #1 SMP PREEMPT_DYNAMIC x86_64 GNU/Linux\n`,
    ],
  ])('%s', (_, cmd, stdout) => {
    expect(run(cmd)).toEqual({ stdout, stderr: '', exitCode: 0 });
  });

  it('lists each container log of the node under /var/log/containers', () => {
    expect(run('ls /var/log/containers').stdout).toBe(`${pod}_kube-system_agent.log\n`);
  });

  it('env holds the service variables, then the container env with fieldRef and configMapKeyRef resolved', () => {
    const lines = run('env').stdout.split('\n');
    expect(lines).toContain('KUBERNETES_SERVICE_HOST=10.96.0.1');
    expect(lines).toContain('KUBERNETES_PORT_443_TCP=tcp://10.96.0.1:443');
    expect(lines).toContain(`HOSTNAME=${pod}`);
    expect(lines.slice(-3)).toEqual([`NODE_NAME=${node}`, 'LOG_LEVEL=info', '']);
  });

  it('hostname is the node’s name with hostNetwork', () => {
    const s = newCluster({ nodes: 1 });
    mustRun(s, 'apply -f -', AGENT.replace('    spec:\n', '    spec:\n      hostNetwork: true\n'));
    mustRun(s, 'create configmap agent-cfg -n kube-system --from-literal=level=debug');
    s.runUntil(30);
    const p = s.api.list<Pod>('Pod', 'kube-system')[0]!;
    expect(kubectl(s, `exec ${p.metadata.name} -n kube-system -- hostname`).stdout).toBe('node-1\n');
  });

  it.each([
    ['a missing path as ls does', 'ls /nope', "ls: cannot access '/nope': No such file or directory\n", 2],
    ['a directory given to cat', 'cat /var/log', 'cat: /var/log: Is a directory\n', 1],
    [
      'a program that writes',
      'rm -rf /var/log',
      /^rm: not permitted: the playground's containers have a read-only shell/,
      1,
    ],
    ['a write inside sh -c', "sh -c 'touch /tmp/x'", /^touch: not permitted/, 1],
    [
      'a pipe inside sh -c',
      "sh -c 'ls | wc -l'",
      /^sh: the playground's read-only shell runs one simple command/,
      2,
    ],
    ['a program the image lacks, inside sh -c', "sh -c 'curl x'", 'sh: curl: not found\n', 127],
    [
      'a program the image lacks, run directly',
      'curl x',
      'OCI runtime exec failed: exec failed: unable to start container process: exec: "curl": executable file not found in $PATH: unknown\n',
      126,
    ],
  ])('fails on %s with kubectl’s "command terminated with exit code"', (_, cmd, message, code) => {
    const r = run(cmd);
    expect(r.exitCode).toBe(code);
    const [first = '', last] =
      r.stderr.trimEnd().split('\n').length > 1
        ? [
            r.stderr.slice(0, r.stderr.lastIndexOf('command terminated')),
            r.stderr.slice(r.stderr.lastIndexOf('command terminated')),
          ]
        : [r.stderr, ''];
    if (typeof message === 'string') expect(first).toBe(message);
    else expect(first).toMatch(message);
    expect(last).toBe(`command terminated with exit code ${code}\n`);
  });
});
