import type { Container } from '../../api/types';

/** LogLine is one line a simulated container wrote, at its simulated time. */
export interface LogLine {
  t: number;
  text: string;
}

// Logs are capped per container, as the kubelet rotates container log files (10 MiB by default).
const MAX_LINES = 1000;

/**
 * ContainerLogs keeps what each simulated container printed: the current instance and the
 * previous one (what `kubectl logs -p` shows after a crash), keyed by pod uid and container.
 */
export class ContainerLogs {
  // pod uid → container name → lines, so dropping a pod's logs costs nothing per other pod.
  private readonly current = new Map<string, Map<string, LogLine[]>>();
  private readonly previous = new Map<string, Map<string, LogLine[]>>();

  append(uid: string, container: string, t: number, text: string): void {
    let pod = this.current.get(uid);
    if (!pod) {
      pod = new Map();
      this.current.set(uid, pod);
    }
    let lines = pod.get(container);
    if (!lines) {
      lines = [];
      pod.set(container, lines);
    }
    lines.push({ t, text });
    if (lines.length > MAX_LINES) lines.splice(0, lines.length - MAX_LINES);
  }

  /** restart starts a new container instance: the old lines become the previous instance's. */
  restart(uid: string, container: string): void {
    const lines = this.current.get(uid)?.get(container);
    if (!lines) return;
    let prev = this.previous.get(uid);
    if (!prev) {
      prev = new Map();
      this.previous.set(uid, prev);
    }
    prev.set(container, lines);
    this.current.get(uid)?.delete(container);
  }

  get(uid: string, container: string, previous = false): LogLine[] | undefined {
    return (previous ? this.previous : this.current).get(uid)?.get(container);
  }

  hasPrevious(uid: string, container: string): boolean {
    return this.previous.get(uid)?.has(container) ?? false;
  }

  drop(uid: string): void {
    this.current.delete(uid);
    this.previous.delete(uid);
  }
}

type Flavour = 'fluentd' | 'exporter' | 'nginx' | 'generic';

function flavourOf(image: string): Flavour {
  if (/fluent/.test(image)) return 'fluentd';
  if (/exporter|prom|dcgm/.test(image)) return 'exporter';
  if (/nginx/.test(image)) return 'nginx';
  return 'generic';
}

// The daemon pods of one revision share a frozen container and mostly start in the same
// instant: they print the same lines, so each pod's log can point at one copy of them.
const lastStartup = new WeakMap<Container, { ts: string; lines: readonly string[] }>();

/** startupLines is what a container prints as it starts, in the style of the program its image names. */
export function startupLines(container: Container, ts: string): readonly string[] {
  if (!Object.isFrozen(container)) return printStartup(container, ts);
  const last = lastStartup.get(container);
  if (last?.ts === ts) return last.lines;
  const lines = Object.freeze(printStartup(container, ts));
  lastStartup.set(container, { ts, lines });
  return lines;
}

function printStartup(container: Container, ts: string): string[] {
  const image = container.image;
  const version = image.includes(':') ? image.slice(image.lastIndexOf(':') + 1) : 'latest';
  switch (flavourOf(image)) {
    case 'fluentd':
      return [
        `${ts} [info]: init supervisor logger path=nil rotate_age=nil rotate_size=nil`,
        `${ts} [info]: parsing config file is succeeded path="/fluentd/etc/fluent.conf"`,
        `${ts} [info]: starting fluentd-${version} pid=7 ruby="3.2.2"`,
        `${ts} [info]: #0 fluentd worker is now running worker=0`,
      ];
    case 'exporter':
      return [
        `ts=${ts} level=info caller=main.go:199 msg="Starting ${container.name}" version="(version=${version})"`,
        `ts=${ts} level=info caller=tls_config.go:313 msg="Listening on" address=[::]:${container.ports?.[0]?.containerPort ?? 9100}`,
      ];
    case 'nginx':
      return [
        `${ts} [notice] 1#1: using the "epoll" event method`,
        `${ts} [notice] 1#1: nginx/${version}`,
        `${ts} [notice] 1#1: start worker processes`,
      ];
    default:
      return [`${ts} INFO starting ${container.name} (${image})`, `${ts} INFO ready to serve`];
  }
}

/** crashLines is the last thing a crash-looping container prints before it exits with code 1. */
export function crashLines(container: Container, ts: string): string[] {
  switch (flavourOf(container.image)) {
    case 'fluentd':
      return [
        `${ts} [error]: config error file="/fluentd/etc/fluent.conf" error_class=Fluent::ConfigError error="Unknown output plugin 'elasticsearch8'"`,
      ];
    case 'exporter':
      return [
        `ts=${ts} level=error caller=main.go:241 msg="Error creating collector" err="open /host/proc/stat: no such file or directory"`,
      ];
    default:
      return [
        `${ts} FATAL ${container.name}: cannot open /etc/${container.name}/config.yaml: no such file or directory`,
        `exit status 1`,
      ];
  }
}

/** probeLogLine is what a never-ready container logs when its readiness endpoint answers 503. */
export function probeLogLine(container: Container, ts: string): string {
  const path = container.readinessProbe?.httpGet?.path ?? '/ready';
  return `${ts} WARN GET ${path} 503 (dependency not ready)`;
}
