// The gallery's "A daemon pod under disk pressure", run headless to the outcome its description
// states: kubelet admission (eviction_manager.go managerImpl.Admit) refuses the ordinary daemon pod,
// the DaemonSet controller replaces it with back-off (daemon_controller.go podsShouldBeOnNode),
// the system-node-critical one runs, and clearing the pressure leaves no Failed pod.
import { describe, expect, it } from 'vitest';
import { runGallery } from './galleryFiles';

describe('gallery · daemon-pod-disk-pressure', () => {
  it('rejects fluentd on node-2 and retries it at 0, 1, 3, 7, 15, 31, 63 s, then 127 s after the pressure is gone', () => {
    const r = runGallery('daemon-pod-disk-pressure');
    const kills = r.events.filter((e) => e.reason === 'FailedDaemonPod');
    expect(kills.map((e) => e.t)).toEqual([0, 1, 3, 7, 15, 31, 63, 127]);
    expect(
      kills.every((e) => e.type === 'Warning' && / on node node-2, will try to kill it$/.test(e.message)),
    ).toBe(true);
    const rejections = r.events.filter((e) => e.reason === 'Evicted');
    expect(rejections).toHaveLength(8);
    expect(rejections.every((e) => e.message === 'The node had condition: [DiskPressure]. ')).toBe(true);
  });

  it('shows the Evicted pod beside the running kube-proxy while node-2 is under pressure', () => {
    const listed = runGallery('daemon-pod-disk-pressure').steps.find((s) =>
      s.step.includes('spec.nodeName=node-2'),
    );
    expect(listed?.output).toMatch(/^fluentd-\w{5}\s+0\/1\s+Evicted\s/m);
    expect(listed?.output).toMatch(/^kube-proxy-\w{5}\s+1\/1\s+Running\s/m);
    const mid = runGallery('daemon-pod-disk-pressure', '50s');
    expect(mid.nodes.find((n) => n.name === 'node-2')?.taints).toEqual([
      { key: 'node.kubernetes.io/disk-pressure', effect: 'NoSchedule' },
    ]);
    expect(mid.pods.filter((p) => p.node === 'node-2').map((p) => [p.owner, p.phase, p.reason])).toEqual([
      ['DaemonSet/kube-system/kube-proxy', 'Running', null],
      ['DaemonSet/kube-system/fluentd', 'Failed', 'Evicted'],
    ]);
  });

  it('admits the system-node-critical kube-proxy pod: never rejected, never replaced', () => {
    const r = runGallery('daemon-pod-disk-pressure');
    const proxyOnNode2 = r.trace.filter((e) => e.pod.includes('/kube-proxy-') && e.node === 'node-2');
    expect(proxyOnNode2.filter((e) => e.event === 'scheduled')).toHaveLength(1);
    expect(proxyOnNode2.some((e) => e.event === 'failed')).toBe(false);
  });

  it('ends with fluentd Running on every node, node-2 untainted, and no Failed pod left', () => {
    const r = runGallery('daemon-pod-disk-pressure');
    expect(r.pods.every((p) => p.phase === 'Running' && p.ready)).toBe(true);
    expect(
      r.pods
        .filter((p) => p.owner === 'DaemonSet/kube-system/fluentd')
        .map((p) => p.node)
        .sort(),
    ).toEqual(['node-1', 'node-2', 'node-3']);
    expect(r.nodes.find((n) => n.name === 'node-2')).toMatchObject({
      taints: [],
      conditions: { DiskPressure: 'False' },
    });
  });
});
