// The files a container sees, built from its pod: /etc/hostname and friends that the kubelet
// writes, the service-account mount, and each volumeMount — a ConfigMap's keys as files, an
// emptyDir empty, and a hostPath a small plausible listing of the well-known node paths that
// node agents mount (/var/log, /proc, /sys, /etc/os-release …). Nothing is ever written.
import type { ConfigMap, Container, Node, Pod } from '../../engine/api/types';
import type { Simulation } from '../../engine/simulation';
import { podHostname } from './env';

/** FileTree maps absolute paths to file contents; a directory is `null`. */
export type FileTree = Map<string, string | null>;

interface Volume {
  name: string;
  hostPath?: { path: string };
  configMap?: { name: string; items?: { key: string; path: string }[] };
  emptyDir?: object;
}

interface VolumeMount {
  name: string;
  mountPath: string;
  subPath?: string;
}

function addFile(tree: FileTree, path: string, content: string | null): void {
  const parts = path.split('/').filter(Boolean);
  for (let i = 1; i < parts.length; i++) {
    const dir = '/' + parts.slice(0, i).join('/');
    if (!tree.has(dir)) tree.set(dir, null);
  }
  tree.set('/' + parts.join('/'), content);
}

// The node's /etc/os-release, from the osImage its kubelet reports.
function osRelease(node: Node | undefined): string {
  const image = node?.status.nodeInfo?.['osImage'] ?? 'Ubuntu 22.04.4 LTS';
  return `PRETTY_NAME="${image}"\nNAME="${image.split(' ')[0] ?? 'Linux'}"\n`;
}

// What a node's well-known directories hold, as seen through a hostPath mount.
function hostTree(sim: Simulation, node: Node | undefined): Record<string, [string, string | null][]> {
  const pods = node ? sim.api.store.podsOnNode(node.metadata.name) : [];
  const cpu = node?.status.capacity?.['cpu'] ?? '2';
  const memory = node?.status.capacity?.['memory'] ?? '4Gi';
  const tree: Record<string, [string, string | null][]> = {
    '/var/log': [
      ['containers', null],
      ['pods', null],
      ['journal', null],
      ['syslog', ''],
    ],
    '/var/log/containers': pods.flatMap((p) =>
      p.spec.containers.map((c): [string, string | null] => [
        `${p.metadata.name}_${p.metadata.namespace ?? 'default'}_${c.name}.log`,
        '',
      ]),
    ),
    '/var/log/pods': pods.map((p): [string, string | null] => [
      `${p.metadata.namespace ?? 'default'}_${p.metadata.name}_${p.metadata.uid ?? ''}`,
      null,
    ]),
    '/proc': [
      ['1', null],
      ['cpuinfo', `processor\t: 0\nmodel name\t: virtual CPU (${cpu} on ${node?.metadata.name ?? 'node'})\n`],
      ['meminfo', `MemTotal:       ${memory} (${node?.metadata.name ?? 'node'})\n`],
      ['uptime', `${Math.floor(sim.now())}.00 0.00\n`],
      ['loadavg', '0.08 0.03 0.01 1/120 1\n'],
    ],
    '/sys': ['block', 'bus', 'class', 'dev', 'devices', 'firmware', 'fs', 'kernel', 'module', 'power'].map(
      (d): [string, string | null] => [d, null],
    ),
    '/etc': [
      ['hostname', `${node?.metadata.name ?? ''}\n`],
      ['os-release', osRelease(node)],
    ],
    '/var/lib/kubelet': [
      ['pods', null],
      ['plugins', null],
      ['device-plugins', null],
    ],
  };
  return tree;
}

/** containerFiles builds the file tree a container of the pod sees. */
export function containerFiles(sim: Simulation, pod: Pod, container: Container): FileTree {
  const tree: FileTree = new Map([['/', null]]);
  const ns = pod.metadata.namespace ?? 'default';
  const node = pod.spec.nodeName ? sim.api.get<Node>('Node', undefined, pod.spec.nodeName) : undefined;
  for (const dir of ['/bin', '/dev', '/etc', '/home', '/proc', '/root', '/sys', '/tmp', '/usr', '/var'])
    addFile(tree, dir, null);
  addFile(tree, '/etc/hostname', `${podHostname(pod)}\n`);
  addFile(tree, '/etc/hosts', `127.0.0.1\tlocalhost\n${pod.status?.podIP ?? ''}\t${podHostname(pod)}\n`);
  addFile(
    tree,
    '/etc/resolv.conf',
    `search ${ns}.svc.cluster.local svc.cluster.local cluster.local\nnameserver 10.96.0.10\noptions ndots:5\n`,
  );
  addFile(
    tree,
    '/etc/os-release',
    'PRETTY_NAME="Debian GNU/Linux 12 (bookworm)"\nNAME="Debian GNU/Linux"\nID=debian\n',
  );
  const sa = '/var/run/secrets/kubernetes.io/serviceaccount';
  addFile(tree, `${sa}/namespace`, ns);
  addFile(tree, `${sa}/ca.crt`, '-----BEGIN CERTIFICATE-----\n(the cluster CA)\n-----END CERTIFICATE-----\n');
  addFile(tree, `${sa}/token`, '(a projected service account token)');
  const volumes = (pod.spec.volumes ?? []) as Volume[];
  for (const mount of (container.volumeMounts ?? []) as VolumeMount[]) {
    const volume = volumes.find((v) => v.name === mount.name);
    const at = mount.mountPath.replace(/\/+$/, '') || '/';
    if (!volume) continue;
    // A mount hides what the image had at that path.
    for (const path of [...tree.keys()]) if (path.startsWith(at + '/')) tree.delete(path);
    if (volume.hostPath) {
      const host = hostTree(sim, node);
      const raw = mount.subPath ? `${volume.hostPath.path}/${mount.subPath}` : volume.hostPath.path;
      const source = raw.replace(/\/+$/, '') || '/';
      // A file mounted on its own (`/etc/os-release`): its content, not a directory.
      const fileName = source.split('/').pop() ?? '';
      const parent = source.slice(0, source.length - fileName.length - 1) || '/';
      const asFile = (host[parent] ?? []).find(([n, c]) => n === fileName && c !== null);
      if (asFile) addFile(tree, at, asFile[1]);
      else {
        addFile(tree, at, null);
        // The known directory and the known ones below it (/var/log and /var/log/containers).
        for (const [dir, entries] of Object.entries(host)) {
          if (dir !== source && !dir.startsWith(source === '/' ? '/' : source + '/')) continue;
          const under = at + dir.slice(source.length);
          for (const [name, content] of entries) addFile(tree, `${under}/${name}`, content);
        }
      }
    } else if (volume.configMap) {
      const cm = sim.api.get<ConfigMap>('ConfigMap', ns, volume.configMap.name);
      addFile(tree, at, null);
      const items = volume.configMap.items ?? Object.keys(cm?.data ?? {}).map((key) => ({ key, path: key }));
      for (const item of items) addFile(tree, `${at}/${item.path}`, cm?.data?.[item.key] ?? '');
    } else addFile(tree, at, null);
  }
  return tree;
}

/** listDir lists a directory's entries, sorted; undefined when the path is not a directory. */
export function listDir(tree: FileTree, path: string): string[] | undefined {
  const dir = path.replace(/\/+$/, '') || '/';
  if (tree.get(dir) !== null) return undefined;
  const prefix = dir === '/' ? '/' : dir + '/';
  const names = new Set<string>();
  for (const p of tree.keys()) {
    if (p !== dir && p.startsWith(prefix)) names.add(p.slice(prefix.length).split('/')[0]!);
  }
  return [...names].sort();
}
