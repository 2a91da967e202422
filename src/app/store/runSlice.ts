// The run as a whole: the worker's record of how to rebuild it (text, seed, timed commands),
// and the run saved by the last visit, read once at startup. The share link, the saved run and
// the timeline all derive from these plus the clock and the editor text.
import type { SharedRun } from '../../share/run';
import type { RunRecord } from '../../worker/protocol';
import { DEFAULT_SCENARIO } from '../defaultScenario';
import { knownClusterText } from '../lessons/lessonCluster';
import type { AppState } from './types';
import type { SliceCreator } from './types';

export interface RunSlice {
  /** The worker's record of the running run; null until the first load. */
  record: RunRecord | null;
  /** The run saved by the last visit (persist middleware writes it at startup, nothing else does). */
  savedRun: SharedRun | null;
  setRecord(record: RunRecord): void;
}

export const createRunSlice: SliceCreator<RunSlice> = (set) => ({
  record: null,
  savedRun: null,
  setRecord: (record) => set({ record }),
});

/** currentRun is the run the page shows, as a share link or the saved run carries it. */
export function currentRun(s: AppState): SharedRun | null {
  const r = s.record;
  if (!r) return null;
  return {
    text: r.text,
    // An editor showing the scenario as loaded (a lesson's cluster only) needs no copy in the link.
    // The page has worked the cluster out for every text it loaded; were it not known, the copy
    // would only make the link longer, not open differently.
    ...(s.editorText !== r.text && s.editorText !== knownClusterText(r.text) ? { editor: s.editorText } : {}),
    ...(r.seed !== undefined ? { seed: r.seed } : {}),
    log: r.log,
    time: s.clock.time,
    speed: s.clock.speed,
  };
}

/** isPristine: the default scenario, untouched; a reload may as well start it fresh. */
export function isPristine(run: SharedRun): boolean {
  return (
    run.text === DEFAULT_SCENARIO &&
    run.editor === undefined &&
    run.seed === undefined &&
    run.log.length === 0 &&
    run.speed === 1
  );
}
