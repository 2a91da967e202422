// The one file that knows the scenario layer: it adapts ScenarioSession (src/scenario/session.ts)
// to the EngineSession the host drives, so a change in that API is absorbed here.
import { complete } from '../kubectl';
import { ScenarioSession } from '../scenario/session';
import type { EngineSession, RunOutput, SessionFactory } from './engineSession';
import type { ClusterDiff, FeedEvent, LoadError } from './protocol';

/** wrap adapts a loaded ScenarioSession to the host's EngineSession. */
function wrap(session: ScenarioSession): EngineSession {
  const sim = session.sim;
  const doc = session.scenario;
  return {
    scenario: doc ? { name: doc.name, title: doc.title || doc.name, description: doc.description } : null,
    now: () => sim.now(),
    takeChanges: (): ClusterDiff => sim.takeChanges(),
    snapshot: () => sim.snapshot(),
    eventLog: (): readonly FeedEvent[] => sim.recorder.log,
    apply: (text) => session.apply(text),
    run: (line, stdin): RunOutput => {
      const out = session.run(line, stdin);
      const watch = out.watch;
      return {
        stdout: out.stdout,
        stderr: out.stderr,
        exitCode: out.exitCode,
        ...(watch ? { watch: { format: (changes: ClusterDiff) => watch.format(changes) } } : {}),
      };
    },
    advance: (seconds) => session.advance(seconds),
    stepToNextEvent: () => session.stepToNextEvent(),
    complete: (line) => complete(sim, line),
  };
}

/** createScenarioSession loads a scenario text into a new run, or returns its errors. */
export const createScenarioSession: SessionFactory = (text, seed) => {
  const { session, errors } = ScenarioSession.create(text, seed !== undefined ? { seed } : {});
  const loadErrors: LoadError[] = errors.map((e) => ({ ...e }));
  return { session: session ? wrap(session) : null, errors: loadErrors };
};
