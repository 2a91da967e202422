// The playground's registry: well-known images and tags their publishers really pushed (Docker
// Hub, quay.io, registry.k8s.io, nvcr.io, …), the ones the gallery, the lessons, the samples and
// common DaemonSet guides use. Only tags known to exist are listed; a tag missing here for a
// listed repository does not exist as far as the playground is concerned, and a pull of it
// fails as a real one does. Repositories that are not listed pull as before, so users' own
// images keep working. Tags are listed newest first: the first few make the "known tags" hint.

/** CatalogueEntry is one image published under one or more repository names (mirrors). */
export interface CatalogueEntry {
  /** Full repository names, as the runtime normalises them (docker.io/library/nginx). */
  repositories: readonly string[];
  /** Tags that exist, newest first. */
  tags: readonly string[];
}

const entry = (repositories: readonly string[], tags: readonly string[]): CatalogueEntry => ({
  repositories,
  tags,
});

export const CATALOGUE: readonly CatalogueEntry[] = [
  // Fluentd: since v1.4 every tag carries an image revision (`v1.16-1`, `v1.16.2-1.0`); the plain
  // `vX.Y` tags stopped at the v1.3 era (fluent/fluentd-docker-image README).
  entry(
    ['docker.io/fluent/fluentd'],
    [
      'v1.18-1',
      'v1.18-debian-1',
      'v1.18.0-1.0',
      'v1.18.0-debian-1.0',
      'v1.17-1',
      'v1.17-debian-1',
      'v1.17.0-1.0',
      'v1.17.0-debian-1.0',
      'v1.16-1',
      'v1.16-debian-1',
      'v1.16.2-1.0',
      'v1.16.2-debian-1.0',
      'v1.15-1',
      'v1.15-debian-1',
      'v1.14-1',
      'v1.14-debian-1',
      'v1.7-1',
      'v1.7-debian-1',
      'v1.4-2',
      'v1.4-debian-2',
      'v0.12-2',
      'v0.12-debian-2',
      'edge',
      'edge-debian',
      'latest',
      'stable',
    ],
  ),
  entry(
    ['docker.io/fluent/fluentd-kubernetes-daemonset'],
    [
      'v1-debian-elasticsearch',
      'v1-debian-elasticsearch8',
      'v1-debian-forward',
      'v1-debian-s3',
      'v1-debian-kafka',
      'v1-debian-cloudwatch',
      'v1-debian-syslog',
    ],
  ),
  entry(
    ['docker.io/fluent/fluent-bit', 'cr.fluentbit.io/fluent/fluent-bit'],
    [
      '4.0',
      '4.0.0',
      '3.2',
      '3.2.0',
      '3.1',
      '3.1.9',
      '3.1.0',
      '3.1-debug',
      '3.0',
      '3.0.7',
      '3.0.0',
      '3.0-debug',
      '2.2',
      '2.2.2',
      '2.1',
      '2.0',
      '1.9',
      '1.9.10',
      '1.9-debug',
      'latest',
      'latest-debug',
    ],
  ),
  entry(
    ['docker.io/prom/node-exporter', 'quay.io/prometheus/node-exporter'],
    [
      'v1.9.1',
      'v1.9.0',
      'v1.8.2',
      'v1.8.1',
      'v1.8.0',
      'v1.7.0',
      'v1.6.1',
      'v1.6.0',
      'v1.5.0',
      'v1.3.1',
      'latest',
      'master',
    ],
  ),
  entry(
    ['docker.io/prom/blackbox-exporter', 'quay.io/prometheus/blackbox-exporter'],
    ['v0.25.0', 'v0.24.0', 'v0.23.0', 'latest', 'master'],
  ),
  entry(
    ['quay.io/prometheuscommunity/smartctl-exporter', 'docker.io/prometheuscommunity/smartctl-exporter'],
    ['v0.12.0', 'v0.11.0', 'latest', 'master'],
  ),
  entry(
    ['docker.io/calico/node', 'quay.io/calico/node'],
    [
      'v3.29.1',
      'v3.29.0',
      'v3.28.2',
      'v3.28.1',
      'v3.28.0',
      'v3.27.3',
      'v3.27.0',
      'v3.26.4',
      'v3.26.1',
      'v3.25.0',
      'latest',
      'master',
    ],
  ),
  entry(['quay.io/cilium/cilium'], ['v1.17.0', 'v1.16.1', 'v1.16.0', 'v1.15.6', 'v1.15.0', 'v1.14.0']),
  // Every Kubernetes release publishes kube-proxy under its exact version; there is no `latest`.
  entry(['registry.k8s.io/kube-proxy'], kubernetesReleases()),
  entry(['registry.k8s.io/pause'], ['3.10', '3.9', '3.8', '3.7', '3.6', '3.5', '3.2', '3.1']),
  entry(
    ['docker.io/library/nginx'],
    [
      '1.29',
      '1.29.0',
      '1.28',
      '1.28.0',
      '1.27',
      '1.27.5',
      '1.27.4',
      '1.27.0',
      '1.27-alpine',
      '1.26',
      '1.26.2',
      '1.26.0',
      '1.25',
      '1.25.5',
      '1.25.4',
      '1.25-alpine',
      '1.24',
      '1.23',
      '1.21',
      '1.19',
      '1.16.1',
      '1.14.2',
      'latest',
      'stable',
      'mainline',
      'alpine',
      'stable-alpine',
      'mainline-alpine',
    ],
  ),
  entry(
    ['docker.io/library/busybox'],
    [
      '1.37',
      '1.37.0',
      '1.36',
      '1.36.1',
      '1.36.0',
      '1.35',
      '1.34',
      '1.28',
      'latest',
      'stable',
      'musl',
      'glibc',
      'uclibc',
    ],
  ),
  entry(
    ['docker.io/library/alpine'],
    ['3.22', '3.21', '3.20', '3.19', '3.18', '3.17', '3.16', 'latest', 'edge'],
  ),
  entry(
    ['docker.io/library/postgres'],
    ['17', '17.2', '16', '16.6', '16.4', '15', '16-alpine', 'alpine', 'latest'],
  ),
  entry(['docker.io/library/ubuntu'], ['24.04', '22.04', '20.04', 'noble', 'jammy', 'focal', 'latest']),
  entry(
    ['docker.io/datadog/agent', 'gcr.io/datadoghq/agent', 'public.ecr.aws/datadog/agent'],
    ['7.57.0', '7.56.0', '7.55.2', '7.55.1', '7.55.0', '7.54.0', '7', '7-jmx', 'latest', 'latest-jmx'],
  ),
  entry(
    ['docker.io/aquasec/kube-bench'],
    ['v0.12.0', 'v0.11.1', 'v0.10.1', 'v0.10.0', 'v0.9.1', 'v0.8.0', 'v0.7.3', 'v0.7.0', 'latest'],
  ),
  entry(['docker.io/falcosecurity/falco'], ['0.39.0', '0.38.2', '0.38.1', '0.38.0', '0.37.1', 'latest']),
  // Vector publishes a tag per distribution (`-debian`, `-alpine`, `-distroless-libc`), no bare `latest`.
  entry(
    ['docker.io/timberio/vector'],
    [
      '0.40.0-debian',
      '0.39.0-debian',
      '0.39.0-alpine',
      '0.39.0-distroless-libc',
      '0.38.0-debian',
      'latest-debian',
      'latest-alpine',
    ],
  ),
  entry(
    ['docker.io/jrottenberg/ffmpeg'],
    ['7.1-ubuntu', '7.0-ubuntu', '6.1-ubuntu', '6.0-ubuntu', '5.1-ubuntu', '4.4-ubuntu'],
  ),
  entry(
    ['nvcr.io/nvidia/k8s/dcgm-exporter'],
    [
      '3.3.9-3.6.1-ubuntu22.04',
      '3.3.8-3.6.0-ubuntu22.04',
      '3.3.7-3.5.0-ubuntu22.04',
      '3.3.5-3.4.0-ubuntu22.04',
    ],
  ),
  entry(
    ['nvcr.io/nvidia/k8s-device-plugin'],
    ['v0.17.0', 'v0.16.2', 'v0.16.1', 'v0.16.0', 'v0.15.0', 'v0.14.5', 'v0.14.0'],
  ),
];

/**
 * kubernetesReleases lists the patch releases of the minor versions the playground's content
 * uses, each up to a patch release known to be published (a conservative bound, not the latest).
 */
function kubernetesReleases(): string[] {
  const lastPatch: [minor: number, patch: number][] = [
    [34, 2],
    [33, 5],
    [32, 9],
    [31, 13],
    [30, 14],
    [29, 15],
    [28, 15],
    [27, 16],
    [26, 15],
  ];
  return lastPatch.flatMap(([minor, last]) =>
    Array.from({ length: last + 1 }, (_, p) => `v1.${minor}.${last - p}`),
  );
}
