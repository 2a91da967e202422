// The gallery's workshop lessons, solved by typing commands as a learner would, and not solved by
// the tempting wrong answers.
import { describe, expect, it } from 'vitest';
import { LessonTracker } from '../../../src/scenario/lessons';
import { ScenarioSession } from '../../../src/scenario/session';
import { galleryText } from './galleryFiles';

const TOLERATE_CONTROL_PLANE =
  `kubectl patch ds fluentd -n kube-system --type json -p ` +
  `'[{"op":"add","path":"/spec/template/spec/tolerations","value":[{"key":"node-role.kubernetes.io/control-plane","operator":"Exists","effect":"NoSchedule"}]}]'`;
const AVOID_LOGGING_OFF =
  `kubectl patch ds fluentd -n kube-system -p '{"spec":{"template":{"spec":{"affinity":{"nodeAffinity":` +
  `{"requiredDuringSchedulingIgnoredDuringExecution":{"nodeSelectorTerms":[{"matchExpressions":` +
  `[{"key":"logging","operator":"NotIn","values":["off"]}]}]}}}}}}}'`;

/** Learner plays a lesson: a command (or `wait N`) at a time, polling progress as the worker does. */
class Learner {
  readonly session: ScenarioSession;
  readonly tracker: LessonTracker;

  constructor(name: string) {
    const { session, errors } = ScenarioSession.create(galleryText(name));
    if (!session?.scenario?.lesson) throw new Error(errors.map((e) => e.message).join('\n'));
    this.session = session;
    this.tracker = new LessonTracker(session.sim, session.scenario.lesson);
    this.wait(10);
  }

  wait(seconds: number): this {
    // The worker polls after every tick; a second is a tick here.
    for (let i = 0; i < seconds; i++) {
      this.session.advance(1);
      this.tracker.poll();
    }
    return this;
  }

  run(line: string): this {
    const res = this.session.run(line);
    if (res.exitCode !== 0 && !line.startsWith('kubectl drain')) throw new Error(`${line}: ${res.stderr}`);
    this.tracker.poll();
    return this;
  }

  get done(): number {
    return this.tracker.status().done;
  }
}

describe('lesson: your first DaemonSet', () => {
  it('is completed by a toleration, a label with node affinity, and set image', () => {
    const l = new Learner('lesson-first-daemonset');
    expect(l.done).toBe(0);
    l.run(TOLERATE_CONTROL_PLANE).wait(5);
    expect(l.done).toBe(1);
    l.run('kubectl label node node-3 logging=off').run(AVOID_LOGGING_OFF).wait(30);
    expect(l.done).toBe(2);
    l.run('kubectl set image ds/fluentd fluentd=fluent/fluentd:v1.17-1 -n kube-system').wait(5);
    expect(l.done).toBe(2);
    l.wait(60);
    expect(l.tracker.status()).toMatchObject({ done: 3, total: 3, current: null });
  });

  it('task 2 also passes with a NoExecute taint on node-3', () => {
    const l = new Learner('lesson-first-daemonset').run(TOLERATE_CONTROL_PLANE).wait(5);
    l.run('kubectl taint node node-3 tenant=acme:NoExecute').wait(5);
    expect(l.done).toBe(2);
  });

  it.each([
    [
      'removing the control-plane taint instead of tolerating it',
      ['kubectl taint node control-plane node-role.kubernetes.io/control-plane:NoSchedule-'],
      0,
    ],
    [
      'deleting the DaemonSet',
      [TOLERATE_CONTROL_PLANE, 'wait 5', 'kubectl delete ds fluentd -n kube-system'],
      1,
    ],
    [
      'deleting the pod on node-3 (the controller puts it back)',
      [TOLERATE_CONTROL_PLANE, 'wait 5', 'kubectl delete pods -n kube-system -l name=fluentd'],
      1,
    ],
    [
      'a NoSchedule taint once the rollout is over (it never evicts a running pod)',
      [TOLERATE_CONTROL_PLANE, 'wait 60', 'kubectl taint node node-3 tenant=acme:NoSchedule'],
      1,
    ],
  ])('does not count %s', (_name, lines, expected) => {
    const l = new Learner('lesson-first-daemonset');
    for (const line of lines) {
      const wait = /^wait (\d+)$/.exec(line);
      if (wait) l.wait(Number(wait[1]));
      else l.run(line);
    }
    l.wait(60);
    expect(l.done).toBe(expected);
  });

  it('counts a NoSchedule taint added while the toleration rolls out: the rollout removes the old pod and may not replace it', () => {
    // Upstream's rollingUpdate deletes old pods on every node that has one, and manage() creates
    // a new pod only where the DaemonSet should run: a NoSchedule taint it does not tolerate says no.
    const l = new Learner('lesson-first-daemonset').run(TOLERATE_CONTROL_PLANE).wait(1);
    l.run('kubectl taint node node-3 tenant=acme:NoSchedule').wait(60);
    expect(l.done).toBe(2);
  });
});

describe('lesson: node maintenance', () => {
  it('is completed by cordon, drain --ignore-daemonsets and uncordon, in that order', () => {
    const l = new Learner('lesson-node-maintenance');
    l.run('kubectl uncordon node-2');
    expect(l.done).toBe(0);
    l.run('kubectl cordon node-2');
    expect(l.done).toBe(1);
    l.run('kubectl drain node-2').wait(20);
    expect(l.done).toBe(1);
    l.run('kubectl drain node-2 --ignore-daemonsets').wait(20);
    expect(l.done).toBe(2);
    l.run('kubectl uncordon node-2');
    expect(l.tracker.status()).toMatchObject({ done: 3, current: null });
    expect(l.tracker.status().tasks.every((t) => t.passedAt !== null)).toBe(true);
  });

  it('counts a drain without a separate cordon for both of the first tasks (drain cordons first)', () => {
    const l = new Learner('lesson-node-maintenance').run('kubectl drain node-2 --ignore-daemonsets').wait(20);
    expect(l.done).toBe(2);
  });

  it('does not count deleting the web pods by hand on an uncordoned node', () => {
    const l = new Learner('lesson-node-maintenance').run('kubectl delete pods -l app=web').wait(30);
    expect(l.done).toBe(0);
  });
});
