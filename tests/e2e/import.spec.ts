import { readFile } from 'node:fs/promises';
import { TID } from '../../src/app/testIds';
import { expect, test } from './fixtures';

// What people paste into Import: `kubectl get nodes -o yaml` from a real cluster (server fields,
// status and all) and a DaemonSet manifest that should only land on the GPU node.
const NODES_LIST = `apiVersion: v1
items:
- apiVersion: v1
  kind: Node
  metadata:
    annotations:
      kubeadm.alpha.kubernetes.io/cri-socket: unix:///run/containerd/containerd.sock
      node.alpha.kubernetes.io/ttl: "0"
    creationTimestamp: "2024-11-02T09:14:11Z"
    labels:
      beta.kubernetes.io/arch: amd64
      beta.kubernetes.io/os: linux
      kubernetes.io/arch: amd64
      kubernetes.io/hostname: gpu-a
      kubernetes.io/os: linux
      nvidia.com/gpu.present: "true"
    name: gpu-a
    resourceVersion: "918273"
    uid: 0b7c3c7e-4a57-4f0e-9d5e-2f1f3f9b7e11
  spec:
    podCIDR: 10.244.1.0/24
    podCIDRs:
    - 10.244.1.0/24
    taints:
    - effect: NoSchedule
      key: nvidia.com/gpu
      value: present
  status:
    addresses:
    - address: 10.0.0.11
      type: InternalIP
    - address: gpu-a
      type: Hostname
    allocatable:
      cpu: "8"
      ephemeral-storage: "95551679124"
      memory: 32813636Ki
      nvidia.com/gpu: "1"
      pods: "110"
    capacity:
      cpu: "8"
      ephemeral-storage: 102625208Ki
      memory: 32916036Ki
      nvidia.com/gpu: "1"
      pods: "110"
    conditions:
    - lastHeartbeatTime: "2024-11-20T10:01:22Z"
      lastTransitionTime: "2024-11-02T09:14:40Z"
      message: kubelet is posting ready status
      reason: KubeletReady
      status: "True"
      type: Ready
    nodeInfo:
      architecture: amd64
      containerRuntimeVersion: containerd://1.7.22
      kernelVersion: 6.1.0-26-amd64
      kubeProxyVersion: v1.31.2
      kubeletVersion: v1.31.2
      operatingSystem: linux
      osImage: Debian GNU/Linux 12 (bookworm)
- apiVersion: v1
  kind: Node
  metadata:
    labels:
      kubernetes.io/hostname: cpu-b
      kubernetes.io/os: linux
    name: cpu-b
  spec: {}
  status:
    allocatable:
      cpu: "4"
      memory: 16Gi
      pods: "110"
kind: List
metadata:
  resourceVersion: ""
`;

const GPU_DAEMONSET = `apiVersion: apps/v1
kind: DaemonSet
metadata:
  name: gpu-plugin
  namespace: kube-system
spec:
  selector:
    matchLabels: { app: gpu-plugin }
  template:
    metadata:
      labels: { app: gpu-plugin }
    spec:
      nodeSelector:
        nvidia.com/gpu.present: "true"
      tolerations:
      - key: nvidia.com/gpu
        operator: Exists
        effect: NoSchedule
      containers:
      - name: plugin
        image: nvcr.io/nvidia/k8s-device-plugin:v0.16.2
`;

test.describe('import', () => {
  test('pasted nodes and a DaemonSet join the scenario, and the grid shows where it lands', async ({
    playground: pg,
    page,
  }) => {
    await pg.setSpeed(20);
    await page.getByTestId(TID.importOpen).click();
    await page.getByTestId(TID.importText).fill(`${NODES_LIST}---\n${GPU_DAEMONSET}`);
    await page.getByTestId(TID.importSubmit).click();
    await expect(page.getByTestId(TID.notice)).toContainText('Imported 2 documents');
    await expect(pg.nodes()).toHaveCount(6);
    await expect(pg.editor).toContainText('scenario.yaml');
    // gpu-plugin tolerates the GPU taint and selects the GPU label: gpu-a only.
    await expect(pg.node('gpu-a').locator('[data-pod^="gpu-plugin-"]')).toHaveCount(1);
    await expect(pg.grid.locator('[data-pod^="gpu-plugin-"]')).toHaveCount(1);
    // fluentd does not tolerate the GPU taint; cpu-b lacks the GPU label.
    await expect(pg.podsOn('gpu-a')).toHaveCount(1);
    await expect(pg.node('cpu-b').locator('[data-pod^="fluentd-"]')).toHaveCount(1);
    await expect(pg.podsOn('cpu-b')).toHaveCount(1);
    await pg.node('cpu-b').click();
    await expect(pg.inspector).toContainText('gpu-plugin does not run here');
    await pg.node('gpu-a').click();
    await expect(pg.inspector).toContainText('fluentd does not run here');
    await expect(pg.inspector).toContainText('nvidia.com/gpu=present:NoSchedule is not tolerated');
    await pg.screenshot('import');
  });

  test('YAML with errors is reported and nothing is applied', async ({ playground: pg, page }) => {
    await page.getByTestId(TID.importOpen).click();
    await page.getByTestId(TID.importText).fill('apiVersion: v1\nkind: Node\nmetadata: {}\n');
    await page.getByTestId(TID.importSubmit).click();
    await expect(page.getByTestId(TID.notice)).toContainText('The imported YAML has errors');
    await expect(pg.editorErrors).toContainText('metadata.name');
    await expect(pg.nodes()).toHaveCount(4);
  });
});

test.describe('export', () => {
  test('manifests download as YAML for kubectl apply, playground fields only on request', async ({
    playground: pg,
    page,
  }) => {
    await pg.run('kubectl label nodes node-1 team=a');
    await page.getByTestId(TID.exportOpen).click();
    const preview = page.getByTestId(TID.exportPreview);
    await expect(preview).toHaveValue(/kind: DaemonSet/);
    const yaml = await preview.inputValue();
    expect(yaml).toContain('team: a');
    expect(yaml).not.toMatch(/\buid:|resourceVersion:|creationTimestamp:|^status:|playground\//m);
    // Daemon pods are the controller's: they are recreated, never exported.
    expect(yaml).not.toContain('kind: Pod');
    await page.getByTestId(TID.exportKeepPlayground).check();
    await expect(preview).toHaveValue(/allocatable:/);

    const download = page.waitForEvent('download');
    await page.getByTestId(TID.exportManifests).click();
    const file = await download;
    expect(file.suggestedFilename()).toBe('manifests.yaml');
    expect(await readFile(await file.path(), 'utf8')).toContain('kind: DaemonSet');
  });

  test('the console history downloads as a shell script', async ({ playground: pg, page }) => {
    await pg.run('kubectl label nodes node-1 team=a');
    await pg.run('sim node add node-4');
    await page.getByTestId(TID.exportOpen).click();
    const download = page.waitForEvent('download');
    await page.getByTestId(TID.exportScript).click();
    const script = await readFile(await (await download).path(), 'utf8');
    expect(script.startsWith('#!/bin/sh\n')).toBe(true);
    expect(script).toContain('\nkubectl label nodes node-1 team=a\n');
    expect(script).toContain('\n# sim node add node-4\n');
    expect(script).toContain('no kubectl equivalent');
  });
});
