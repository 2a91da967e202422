// `kubectl rollout status` exits by itself (cmd/rollout/rollout_status.go Run: UntilWithSync
// returns once the status viewer says done, on --timeout, or when the object is deleted).
import { describe, expect, it } from 'vitest';
import { fluentdYaml, kubectl, mustRun, newCluster } from '../helpers';

function rollingOut(nodes = 3) {
  const sim = newCluster({ nodes, manifests: [fluentdYaml()], until: 30 });
  mustRun(sim, 'set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');
  sim.settle();
  return sim;
}

describe('kubectl rollout status ends its watch', () => {
  it('finishes with the success line once the rollout is done, and prints nothing after', () => {
    const sim = rollingOut();
    const r = mustRun(sim, 'rollout status ds/fluentd -n kube-system');
    const watch = r.watch!;
    expect(watch.finished?.()).toBe(false);
    let printed = '';
    for (let t = 31; t <= 600 && !watch.finished?.(); t++) {
      sim.runUntil(t);
      printed += watch.format(sim.takeChanges());
    }
    expect(watch.finished?.()).toBe(true);
    expect(printed.endsWith('daemon set "fluentd" successfully rolled out\n')).toBe(true);
    mustRun(sim, 'set image ds/fluentd fluentd=fluent/fluentd:v1.14-1 -n kube-system');
    sim.runUntil(700);
    expect(watch.format(sim.takeChanges())).toBe('');
  });

  it.each([
    ['--watch=false', 'rollout status ds/fluentd -n kube-system --watch=false'],
    ['-w=false', 'rollout status ds/fluentd -n kube-system -w=false'],
  ])('never starts a watch with %s', (_, line) => {
    const r = mustRun(rollingOut(), line);
    expect(r.watch).toBeUndefined();
    expect(r.stdout).toMatch(/^Waiting for daemon set/);
  });

  it('never starts a watch for a rollout already done', () => {
    const sim = newCluster({ nodes: 2, manifests: [fluentdYaml()], until: 60 });
    const r = mustRun(sim, 'rollout status ds/fluentd -n kube-system');
    expect(r.stdout).toBe('daemon set "fluentd" successfully rolled out\n');
    expect(r.watch).toBeUndefined();
  });

  it('times out with "timed out waiting for the condition" when --timeout passes first', () => {
    const sim = newCluster({
      nodes: 3,
      manifests: [fluentdYaml({ extraSpec: '  minReadySeconds: 600' })],
      until: 30,
    });
    mustRun(sim, 'set image ds/fluentd fluentd=fluent/fluentd:v1.15-1 -n kube-system');
    sim.settle();
    const watch = mustRun(sim, 'rollout status ds/fluentd -n kube-system --timeout=20s').watch!;
    let printed = '';
    for (let t = 31; t <= 49; t++) {
      sim.runUntil(t);
      printed += watch.format(sim.takeChanges());
    }
    expect(watch.finished?.()).toBe(false);
    sim.runUntil(50);
    printed += watch.format(sim.takeChanges());
    expect(watch.finished?.()).toBe(true);
    expect(printed.endsWith('error: timed out waiting for the condition\n')).toBe(true);
  });

  it('stops with "object has been deleted" when the DaemonSet goes', () => {
    const sim = rollingOut();
    const watch = mustRun(sim, 'rollout status ds/fluentd -n kube-system').watch!;
    mustRun(sim, 'delete ds fluentd -n kube-system');
    sim.runUntil(40);
    expect(watch.format(sim.takeChanges())).toBe('error: object has been deleted\n');
    expect(watch.finished?.()).toBe(true);
  });

  it.each([
    ['a word', 'soon', 'time: invalid duration "soon"'],
    ['a number without unit', '30', 'time: missing unit in duration "30"'],
  ])('refuses a --timeout that is %s as pflag does', (_, value, message) => {
    const r = kubectl(rollingOut(), `rollout status ds/fluentd -n kube-system --timeout=${value}`);
    expect(r.exitCode).toBe(1);
    expect(r.stderr).toBe(
      `error: invalid argument "${value}" for "--timeout" flag: ${message}\nSee 'kubectl rollout status --help' for usage.\n`,
    );
  });
});
