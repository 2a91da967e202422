// Containers of a pod spec: names, images, ports, probes, lifecycle hooks, volume mounts and
// resources, after validateContainers / validateInitContainers / validateContainerCommon in
// pkg/apis/core/validation/validation.go.
import type { Container, ContainerPort, Probe } from '../api/types';
import { isDNS1123Label, isValidPortName, isValidPortNum } from './content';
import type { FieldError } from './fieldErrors';
import {
  childPath,
  duplicate,
  forbidden,
  indexPath,
  invalid,
  notFound,
  notSupported,
  required,
} from './fieldErrors';
import { validateNonnegativeField } from './objectMeta';
import { validateResourceRequirements } from './resources';

type Loose = Record<string, unknown>;

const PULL_POLICIES = ['Always', 'IfNotPresent', 'Never'];
const TERMINATION_MESSAGE_POLICIES = ['File', 'FallbackToLogsOnError'];
const PROTOCOLS = ['SCTP', 'TCP', 'UDP'];

function validatePortNumOrName(port: unknown, path: string): FieldError[] {
  if (typeof port === 'number') return isValidPortNum(port).map((m) => invalid(path, port, m));
  if (typeof port === 'string') return isValidPortName(port).map((m) => invalid(path, port, m));
  return [required(path)];
}

function validateContainerPorts(ports: readonly ContainerPort[] | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set<string>();
  (ports ?? []).forEach((port, i) => {
    const p = indexPath(path, i);
    if (port.name) {
      const msgs = isValidPortName(port.name);
      if (msgs.length > 0) errs.push(...msgs.map((m) => invalid(childPath(p, 'name'), port.name, m)));
      else if (names.has(port.name)) errs.push(duplicate(childPath(p, 'name'), port.name));
      else names.add(port.name);
    }
    if (!port.containerPort) errs.push(required(childPath(p, 'containerPort')));
    else
      errs.push(
        ...isValidPortNum(port.containerPort).map((m) =>
          invalid(childPath(p, 'containerPort'), port.containerPort, m),
        ),
      );
    if (port.hostPort)
      errs.push(
        ...isValidPortNum(port.hostPort).map((m) => invalid(childPath(p, 'hostPort'), port.hostPort, m)),
      );
    if (!port.protocol) errs.push(required(childPath(p, 'protocol')));
    else if (!PROTOCOLS.includes(port.protocol))
      errs.push(notSupported(childPath(p, 'protocol'), port.protocol, PROTOCOLS));
  });
  return errs;
}

// A handler is one of exec / httpGet / tcpSocket / grpc (probes) or sleep (lifecycle hooks).
function validateHandler(handler: Loose, gracePeriod: number | undefined, path: string): FieldError[] {
  const errs: FieldError[] = [];
  let count = 0;
  for (const kind of ['exec', 'httpGet', 'tcpSocket', 'grpc', 'sleep']) {
    const h = handler[kind] as Loose | undefined;
    if (h === undefined || h === null) continue;
    const p = childPath(path, kind);
    if (count > 0) {
      errs.push(forbidden(p, 'may not specify more than 1 handler type'));
      continue;
    }
    count++;
    if (kind === 'exec' && !(Array.isArray(h.command) && h.command.length > 0))
      errs.push(required(childPath(p, 'command')));
    if (kind === 'httpGet') {
      if (!h.path) errs.push(required(childPath(p, 'path')));
      errs.push(...validatePortNumOrName(h.port, childPath(p, 'port')));
      if (h.scheme !== undefined && h.scheme !== 'HTTP' && h.scheme !== 'HTTPS') {
        errs.push(notSupported(childPath(p, 'scheme'), h.scheme, ['HTTP', 'HTTPS']));
      }
    }
    if (kind === 'tcpSocket' || kind === 'grpc')
      errs.push(...validatePortNumOrName(h.port, childPath(p, 'port')));
    if (kind === 'sleep' && gracePeriod !== undefined) {
      const seconds = typeof h.seconds === 'number' ? h.seconds : 0;
      // Zero became valid with PodLifecycleSleepActionAllowZero (beta, on by default since 1.33).
      if (seconds < 0 || seconds > gracePeriod) {
        errs.push(
          invalid(
            p,
            seconds,
            `must be non-negative and less than terminationGracePeriodSeconds (${gracePeriod})`,
          ),
        );
      }
    }
  }
  if (count === 0) errs.push(required(path, 'must specify a handler type'));
  return errs;
}

function validateProbe(
  probe: Probe | undefined,
  kind: 'liveness' | 'readiness' | 'startup',
  gracePeriod: number | undefined,
  path: string,
): FieldError[] {
  if (!probe) return [];
  const p = probe as Probe & Loose;
  const { sleep: _sleep, ...handler } = p;
  const errs = validateHandler(handler, gracePeriod, path);
  for (const f of [
    'initialDelaySeconds',
    'timeoutSeconds',
    'periodSeconds',
    'successThreshold',
    'failureThreshold',
  ] as const) {
    errs.push(...validateNonnegativeField(probe[f], childPath(path, f)));
  }
  if (kind !== 'readiness' && probe.successThreshold !== undefined && probe.successThreshold !== 1) {
    errs.push(invalid(childPath(path, 'successThreshold'), probe.successThreshold, 'must be 1'));
  }
  if (kind === 'readiness' && p.terminationGracePeriodSeconds !== undefined) {
    errs.push(
      invalid(
        childPath(path, 'terminationGracePeriodSeconds'),
        p.terminationGracePeriodSeconds,
        'must not be set for readinessProbes',
      ),
    );
  }
  return errs;
}

function validateVolumeMounts(
  mounts: unknown[] | undefined,
  volumes: ReadonlySet<string>,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const paths = new Set<string>();
  (mounts ?? []).forEach((raw, i) => {
    const m = (raw ?? {}) as Loose;
    const p = indexPath(path, i);
    const name = typeof m.name === 'string' ? m.name : '';
    const mountPath = typeof m.mountPath === 'string' ? m.mountPath : '';
    if (!name) errs.push(required(childPath(p, 'name')));
    if (!volumes.has(name)) errs.push(notFound(childPath(p, 'name'), name));
    if (!mountPath) errs.push(required(childPath(p, 'mountPath')));
    if (paths.has(mountPath)) errs.push(invalid(childPath(p, 'mountPath'), mountPath, 'must be unique'));
    paths.add(mountPath);
  });
  return errs;
}

/** ContainerContext is what container checks need from the surrounding pod spec. */
export interface ContainerContext {
  volumes: ReadonlySet<string>;
  gracePeriod: number | undefined;
}

function validateContainerCommon(c: Container, ctx: ContainerContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const loose = c as Container & Loose;
  if (!c.name) errs.push(required(childPath(path, 'name')));
  else errs.push(...isDNS1123Label(c.name).map((m) => invalid(childPath(path, 'name'), c.name, m)));
  if (!c.image) errs.push(required(childPath(path, 'image')));
  const tmp = loose.terminationMessagePolicy;
  if (!tmp) errs.push(required(childPath(path, 'terminationMessagePolicy')));
  else if (!TERMINATION_MESSAGE_POLICIES.includes(String(tmp))) {
    errs.push(notSupported(childPath(path, 'terminationMessagePolicy'), tmp, TERMINATION_MESSAGE_POLICIES));
  }
  errs.push(...validateContainerPorts(c.ports, childPath(path, 'ports')));
  errs.push(...validateVolumeMounts(c.volumeMounts, ctx.volumes, childPath(path, 'volumeMounts')));
  if (!c.imagePullPolicy) errs.push(required(childPath(path, 'imagePullPolicy')));
  else if (!PULL_POLICIES.includes(c.imagePullPolicy)) {
    errs.push(notSupported(childPath(path, 'imagePullPolicy'), c.imagePullPolicy, PULL_POLICIES));
  }
  errs.push(...validateResourceRequirements(c.resources, childPath(path, 'resources')));
  return errs;
}

function validateLifecycleAndProbes(c: Container, ctx: ContainerContext, path: string): FieldError[] {
  const errs: FieldError[] = [];
  const lifecycle = c.lifecycle as Loose | undefined;
  for (const hook of ['postStart', 'preStop']) {
    const h = lifecycle?.[hook] as Loose | undefined;
    if (h) errs.push(...validateHandler(h, ctx.gracePeriod, childPath(path, 'lifecycle', hook)));
  }
  errs.push(...validateProbe(c.livenessProbe, 'liveness', ctx.gracePeriod, childPath(path, 'livenessProbe')));
  errs.push(
    ...validateProbe(c.readinessProbe, 'readiness', ctx.gracePeriod, childPath(path, 'readinessProbe')),
  );
  errs.push(...validateProbe(c.startupProbe, 'startup', ctx.gracePeriod, childPath(path, 'startupProbe')));
  return errs;
}

// Host ports may not collide within a pod: the key is protocol/hostIP/port (AccumulateUniqueHostPorts).
function checkHostPortConflicts(containers: readonly Container[], path: string): FieldError[] {
  const errs: FieldError[] = [];
  const seen = new Set<string>();
  containers.forEach((c, ci) => {
    (c.ports ?? []).forEach((port, pi) => {
      if (!port.hostPort) return;
      const hostIP = (port as ContainerPort & Loose).hostIP ?? '';
      const key = `${port.protocol ?? ''}/${String(hostIP)}/${port.hostPort}`;
      if (seen.has(key))
        errs.push(
          duplicate(childPath(indexPath(childPath(indexPath(path, ci), 'ports'), pi), 'hostPort'), key),
        );
      else seen.add(key);
    });
  });
  return errs;
}

/** validateContainers checks the regular containers: at least one, unique names, no restartPolicy. */
export function validateContainers(
  containers: readonly Container[] | undefined,
  ctx: ContainerContext,
  path: string,
): FieldError[] {
  if (!containers || containers.length === 0) return [required(path)];
  const errs: FieldError[] = [];
  const names = new Set<string>();
  containers.forEach((c, i) => {
    const p = indexPath(path, i);
    errs.push(...validateContainerCommon(c, ctx, p));
    if (names.has(c.name)) errs.push(duplicate(childPath(p, 'name'), c.name));
    else names.add(c.name);
    errs.push(...validateLifecycleAndProbes(c, ctx, p));
    if ((c as Container & Loose).restartPolicy !== undefined) {
      errs.push(forbidden(childPath(p, 'restartPolicy'), 'may not be set for non-init containers'));
    }
  });
  errs.push(...checkHostPortConflicts(containers, path));
  return errs;
}

/**
 * validateInitContainers checks init containers: names unique across both lists; restartPolicy
 * only Always (a sidecar); probes and lifecycle hooks only on sidecars.
 */
export function validateInitContainers(
  inits: readonly Container[] | undefined,
  regular: readonly Container[] | undefined,
  ctx: ContainerContext,
  path: string,
): FieldError[] {
  const errs: FieldError[] = [];
  const names = new Set((regular ?? []).map((c) => c.name));
  (inits ?? []).forEach((c, i) => {
    const p = indexPath(path, i);
    errs.push(...validateContainerCommon(c, ctx, p));
    const restartPolicy = (c as Container & Loose).restartPolicy;
    if (restartPolicy !== undefined && restartPolicy !== 'Always') {
      errs.push(notSupported(childPath(p, 'restartPolicy'), restartPolicy, ['Always']));
    }
    if (names.has(c.name)) errs.push(duplicate(childPath(p, 'name'), c.name));
    else if (c.name) names.add(c.name);
    errs.push(...checkHostPortConflicts([c], path));
    if (restartPolicy === 'Always') {
      errs.push(...validateLifecycleAndProbes(c, ctx, p));
    } else {
      const why = 'may not be set for init containers without restartPolicy=Always';
      for (const f of ['lifecycle', 'livenessProbe', 'readinessProbe', 'startupProbe'] as const) {
        if (c[f] !== undefined) errs.push(forbidden(childPath(p, f), why));
      }
    }
  });
  return errs;
}
