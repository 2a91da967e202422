// The containers and volumes blocks of kubectl describe (describe.go describeContainers,
// describeStatus, DescribeProbe, describeVolumes), shared by pods and pod templates.
import type { Container, ContainerState, ContainerStatus, Probe } from '../../engine/api/types';
import { canonicalQuantity } from '../../engine/api/quantity';
import { rfc1123z } from '../printers/age';
import type { PrefixWriter } from './writer';

/** describeProbe is DescribeProbe, with the API server's probe defaults filled in. */
export function describeProbe(p: Probe): string {
  const attrs =
    `delay=${p.initialDelaySeconds ?? 0}s timeout=${p.timeoutSeconds ?? 1}s period=${p.periodSeconds ?? 10}s ` +
    `#success=${p.successThreshold ?? 1} #failure=${p.failureThreshold ?? 3}`;
  if (p.exec) return `exec [${p.exec.command.join(' ')}] ${attrs}`;
  if (p.httpGet) return `http-get http://:${p.httpGet.port}${p.httpGet.path ?? ''} ${attrs}`;
  if (p.tcpSocket) return `tcp-socket :${p.tcpSocket.port} ${attrs}`;
  return `unknown ${attrs}`;
}

function describeState(w: PrefixWriter, name: string, state: ContainerState | undefined): void {
  if (state?.running) {
    w.write(2, `${name}:\tRunning\n`);
    w.write(3, `Started:\t${rfc1123z(state.running.startedAt)}\n`);
  } else if (state?.terminated) {
    const t = state.terminated;
    w.write(2, `${name}:\tTerminated\n`);
    if (t.reason) w.write(3, `Reason:\t${t.reason}\n`);
    if (t.message) w.write(3, `Message:\t${t.message}\n`);
    w.write(3, `Exit Code:\t${t.exitCode}\n`);
    w.write(3, `Started:\t${rfc1123z(t.startedAt)}\n`);
    w.write(3, `Finished:\t${rfc1123z(t.finishedAt)}\n`);
  } else {
    w.write(2, `${name}:\tWaiting\n`);
    if (state?.waiting?.reason) w.write(3, `Reason:\t${state.waiting.reason}\n`);
  }
}

function describeResourceList(
  w: PrefixWriter,
  level: number,
  title: string,
  list: Record<string, string> | undefined,
): void {
  const names = Object.keys(list ?? {}).sort();
  if (names.length === 0) return;
  w.write(level, `${title}:\n`);
  for (const n of names) w.write(level + 1, `${n}:\t${canonicalQuantity(String(list?.[n] ?? ''))}\n`);
}

interface EnvVar {
  name: string;
  value?: string;
  valueFrom?: {
    fieldRef?: { apiVersion?: string; fieldPath: string };
    secretKeyRef?: { name: string; key: string };
    configMapKeyRef?: { name: string; key: string };
  };
}
interface VolumeMount {
  name: string;
  mountPath: string;
  readOnly?: boolean;
  subPath?: string;
}

/** describeContainers prints the `Containers:` block; `space` is "  " inside a pod template. */
export function describeContainers(
  w: PrefixWriter,
  label: string,
  containers: readonly Container[],
  statuses: readonly ContainerStatus[] | undefined,
  space: string,
): void {
  w.write(0, `${space}${label}:${containers.length === 0 ? ' <none>' : ''}\n`);
  for (const c of containers) {
    const status = statuses?.find((s) => s.name === c.name);
    w.write(1, `${space ? ' ' : ''}${c.name}:\n`);
    if (status) w.write(2, `Container ID:\t${(status as { containerID?: string }).containerID ?? ''}\n`);
    w.write(2, `Image:\t${c.image}\n`);
    if (status) w.write(2, `Image ID:\t${status.imageID ?? ''}\n`);
    const ports = (c.ports ?? []).map((p) => `${p.containerPort}/${p.protocol ?? 'TCP'}`).join(', ');
    const hostPorts = (c.ports ?? []).map((p) => `${p.hostPort ?? 0}/${p.protocol ?? 'TCP'}`).join(', ');
    w.write(2, ports.includes(',') ? `Ports:\t${ports}\n` : `Port:\t${ports || '<none>'}\n`);
    w.write(
      2,
      hostPorts.includes(',') ? `Host Ports:\t${hostPorts}\n` : `Host Port:\t${hostPorts || '<none>'}\n`,
    );
    if (c.command?.length) {
      w.write(2, 'Command:\n');
      for (const s of c.command.flatMap((x) => x.split('\n'))) w.write(3, `${s}\n`);
    }
    if (c.args?.length) {
      w.write(2, 'Args:\n');
      for (const s of c.args.flatMap((x) => x.split('\n'))) w.write(3, `${s}\n`);
    }
    if (status) {
      describeState(w, 'State', status.state);
      if (status.lastState?.terminated) describeState(w, 'Last State', status.lastState);
      w.write(2, `Ready:\t${status.ready ? 'True' : 'False'}\n`);
      w.write(2, `Restart Count:\t${status.restartCount}\n`);
    }
    describeResourceList(w, 2, 'Limits', c.resources?.limits);
    describeResourceList(w, 2, 'Requests', c.resources?.requests);
    if (c.livenessProbe) w.write(2, `Liveness:\t${describeProbe(c.livenessProbe)}\n`);
    if (c.readinessProbe) w.write(2, `Readiness:\t${describeProbe(c.readinessProbe)}\n`);
    if (c.startupProbe) w.write(2, `Startup:\t${describeProbe(c.startupProbe)}\n`);
    const env = (c.env ?? []) as EnvVar[];
    w.write(2, `Environment:${env.length === 0 ? '\t<none>' : ''}\n`);
    for (const e of env) {
      if (e.valueFrom?.fieldRef)
        w.write(
          3,
          `${e.name}:\t (${e.valueFrom.fieldRef.apiVersion ?? 'v1'}:${e.valueFrom.fieldRef.fieldPath})\n`,
        );
      else if (e.valueFrom?.secretKeyRef) {
        w.write(
          3,
          `${e.name}:\t<set to the key '${e.valueFrom.secretKeyRef.key}' in secret '${e.valueFrom.secretKeyRef.name}'>\tOptional: false\n`,
        );
      } else if (e.valueFrom?.configMapKeyRef) {
        const r = e.valueFrom.configMapKeyRef;
        w.write(3, `${e.name}:\t<set to the key '${r.key}' of config map '${r.name}'>\tOptional: false\n`);
      } else {
        (e.value ?? '')
          .split('\n')
          .forEach((s, i) => w.write(3, i === 0 ? `${e.name}:\t${s}\n` : `\t${s}\n`));
      }
    }
    const mounts = [...((c.volumeMounts ?? []) as VolumeMount[])].sort((a, b) =>
      a.mountPath < b.mountPath ? -1 : 1,
    );
    w.write(2, `Mounts:${mounts.length === 0 ? '\t<none>' : ''}\n`);
    for (const m of mounts) {
      const flags = [m.readOnly ? 'ro' : 'rw', ...(m.subPath ? [`path="${m.subPath}"`] : [])];
      w.write(3, `${m.mountPath} from ${m.name} (${flags.join(',')})\n`);
    }
  }
}

interface Volume {
  name: string;
  hostPath?: { path: string; type?: string };
  emptyDir?: { medium?: string; sizeLimit?: string };
  configMap?: { name: string; optional?: boolean };
  secret?: { secretName: string; optional?: boolean };
}

/** describeVolumes prints the `Volumes:` block for the volume types the playground shows. */
export function describeVolumes(
  w: PrefixWriter,
  volumes: readonly unknown[] | undefined,
  space: string,
): void {
  const list = (volumes ?? []) as Volume[];
  if (list.length === 0) return w.write(0, `${space}Volumes:\t<none>\n`);
  w.write(0, `${space}Volumes:\n`);
  for (const v of list) {
    w.write(1, `${space ? ' ' : ''}${v.name}:\n`);
    if (v.hostPath) {
      w.write(
        2,
        `Type:\tHostPath (bare host directory volume)\n    Path:\t${v.hostPath.path}\n    HostPathType:\t${v.hostPath.type ?? ''}\n`,
      );
    } else if (v.emptyDir) {
      w.write(
        2,
        `Type:\tEmptyDir (a temporary directory that shares a pod's lifetime)\n    Medium:\t${v.emptyDir.medium ?? ''}\n    SizeLimit:\t${v.emptyDir.sizeLimit ?? '<unset>'}\n`,
      );
    } else if (v.configMap) {
      w.write(
        2,
        `Type:\tConfigMap (a volume populated by a ConfigMap)\n    Name:\t${v.configMap.name}\n    Optional:\t${v.configMap.optional ?? false}\n`,
      );
    } else if (v.secret) {
      w.write(
        2,
        `Type:\tSecret (a volume populated by a Secret)\n    SecretName:\t${v.secret.secretName}\n    Optional:\t${v.secret.optional ?? false}\n`,
      );
    } else {
      w.write(1, '<unknown>\n');
    }
  }
}
