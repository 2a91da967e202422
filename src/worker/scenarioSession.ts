// The one file that knows the scenario layer: it adapts ScenarioSession (src/scenario/session.ts)
// to the EngineSession the host drives, so a change in that API is absorbed here.
import { kubectl } from '../kubectl/link';
import { ScenarioSession } from '../scenario/session';
import { lessonInfo } from '../scenario/lessons';
import { readPodDetails } from './podDetails';
import type { EngineSession, RunOutput, SessionFactory } from './engineSession';
import type { ClusterDiff, FeedEvent, LoadError } from './protocol';

/** wrap adapts a loaded ScenarioSession to the host's EngineSession. */
function wrap(session: ScenarioSession): EngineSession {
  const sim = session.sim;
  const doc = session.scenario;
  const lesson = session.lesson;
  // Lesson checks run after everything that can change the cluster (replays and seeks included,
  // so a rebuilt run finds the progress it had); a poll without a change costs nothing.
  const track = <T>(result: T): T => {
    lesson?.poll();
    return result;
  };
  let stepsTaken = 0;
  return {
    scenario: doc
      ? {
          name: doc.name,
          title: doc.title || doc.name,
          description: doc.description,
          ...(doc.lesson ? { lesson: lessonInfo(doc.lesson) } : {}),
        }
      : null,
    now: () => sim.now(),
    takeChanges: (): ClusterDiff => sim.takeChanges(),
    snapshot: () => sim.snapshot(),
    eventLog: (): readonly FeedEvent[] => sim.recorder.log,
    apply: (text) => track(session.apply(text)),
    run: (line, stdin): RunOutput => {
      const out = track(session.run(line, stdin));
      const watch = out.watch;
      return {
        stdout: out.stdout,
        stderr: out.stderr,
        exitCode: out.exitCode,
        ...(watch
          ? {
              watch: {
                format: (changes: ClusterDiff) => watch.format(changes),
                finished: () => watch.finished?.() ?? false,
              },
            }
          : {}),
      };
    },
    advance: (seconds) => track(session.advance(seconds)),
    runTo: (t) => track(session.runTo(t)),
    nextEventTime: () => sim.nextEventTime(),
    commandLog: () => session.commandLog,
    stepToNextEvent: () => track(session.stepToNextEvent()),
    complete: (line) => kubectl().complete(sim, line),
    takeLessonStatus: () => lesson?.takeStatus() ?? null,
    checkWork: () => lesson?.checkWork() ?? null,
    takeStepRecords: () => {
      const ran = session.steps.slice(stepsTaken);
      stepsTaken = session.steps.length;
      return ran;
    },
    podDetails: (namespace, name) => readPodDetails(sim, namespace, name),
  };
}

/** createScenarioSession loads a scenario text into a new run, or returns its errors. */
export const createScenarioSession: SessionFactory = (text, seed) => {
  const { session, errors } = ScenarioSession.create(text, seed !== undefined ? { seed } : {});
  const loadErrors: LoadError[] = errors.map((e) => ({ ...e }));
  return { session: session ? wrap(session) : null, errors: loadErrors };
};
