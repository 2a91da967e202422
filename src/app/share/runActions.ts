// Opening a run from a link or from the last visit, and starting over. A run is rebuilt by the
// worker (load the text with the seed, run each logged command at its time, stop at the saved
// time); it opens paused, so the people who open a link see exactly the moment that was shared
// and press Play when they are ready. The saved speed is restored for that Play.
import { isRunFragment } from '../../share/fragment';
import type { SharedRun } from '../../share/run';
import { SPEEDS } from '../../worker/protocol';
import { DEFAULT_SCENARIO } from '../defaultScenario';
import { galleryText } from '../gallery/galleryTexts';
import { clusterTextOf } from '../lessons/lessonCluster';
import { formatClock } from '../model/format';
import { appStore, runStorage } from '../store';
import { appServices } from '../store/services';
import type { ConsoleLine } from '../store/consoleSlice';
import { decodeLink } from './links';

// The page's bridge: these run at start-up and from page hooks, outside any component.
const { bridge } = appServices;

export type RunSource = 'link' | 'saved';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** nearestSpeed snaps a stored speed to one the speed menu offers. */
export function nearestSpeed(speed: number): number {
  return SPEEDS.reduce((best, s) => (Math.abs(s - speed) < Math.abs(best - speed) ? s : best), 1);
}

// The commands that ran before the saved moment, as the console showed them.
function replayedLines(run: SharedRun, source: RunSource): Omit<ConsoleLine, 'id'>[] {
  const ran = run.log.filter((c) => c.t <= run.time);
  const what = source === 'link' ? 'opened a shared run' : 'restored your last session';
  return [
    { kind: 'info', text: `# ${what}: ${ran.length} command${ran.length === 1 ? '' : 's'} replayed` },
    ...ran.map((c) => ({
      kind: 'input' as const,
      text:
        c.stdin !== undefined && /^kubectl apply -f -$/.test(c.line)
          ? 'kubectl apply -f scenario.yaml'
          : c.line,
    })),
    { kind: 'info', text: `# paused at ${formatClock(run.time)}: press Play to go on` },
  ];
}

/** openRun rebuilds `run` in the worker and shows it paused; false when its text does not load. */
export async function openRun(run: SharedRun, source: RunSource): Promise<boolean> {
  // Without an editor text of its own the editor shows the scenario, a lesson's cluster only
  // (links made before lessons left the editor carry the whole lesson and no editor text).
  const text = run.editor ?? (await clusterTextOf(run.text));
  const s = appStore.getState();
  s.setEditorText(text);
  s.setApplyResult('applying', [], '');
  try {
    const { text: base, seed, log, time } = run;
    const reply = await bridge
      .engine()
      .replay({ text: base, ...(seed !== undefined ? { seed } : {}), log, time });
    if (!reply.ok) {
      s.setApplyResult('invalid', reply.errors, 'The run’s scenario has errors: nothing was loaded.');
      return false;
    }
  } catch (err) {
    s.setApplyResult('failed', [], message(err));
    return false;
  }
  bridge.setSpeed(nearestSpeed(run.speed));
  const applied = [...run.log].reverse().find((c) => c.t <= run.time && c.line === 'kubectl apply -f -');
  const live = applied?.stdin ?? run.text;
  if (text === live || text === (await clusterTextOf(live))) s.setApplyResult('applied', [], 'Replayed.');
  else s.setApplyResult('dirty', [], '');
  s.appendConsole(replayedLines(run, source));
  for (const c of run.log) if (c.t <= run.time) s.pushHistory(c.line);
  return true;
}

function clearFragment(): void {
  if (!location.hash) return;
  history.replaceState(history.state, '', location.pathname + location.search);
}

/**
 * openLink opens the run in a URL fragment. A broken link says why and opens the default
 * scenario; nothing in it runs. The fragment is removed afterwards, so a reload keeps the
 * changes made since (saved locally) instead of going back to the shared moment.
 */
export async function openLink(fragment: string): Promise<void> {
  const result = await decodeLink(fragment);
  clearFragment();
  const s = appStore.getState();
  if (result.ok && (await openRun(result.run, 'link'))) {
    s.pushNotice('info', `Opened a shared run, paused at ${formatClock(result.run.time)}.`);
    if (result.notice) s.pushNotice('warning', `Note: ${result.notice}.`);
    return;
  }
  const why = result.ok ? 'its scenario has errors' : result.message;
  s.pushNotice('error', `This link could not be opened: ${why}. The default scenario is shown instead.`);
  await bridge.loadScenario(DEFAULT_SCENARIO, { play: true });
}

/**
 * openGalleryParam opens the gallery scenario named by `?scenario=<name>`; false when there is
 * none. Outside an embed the parameter is then dropped from the address, so a reload restores
 * the changes made since instead of starting the scenario over.
 */
async function openGalleryParam(search: string, keepParam: boolean): Promise<boolean> {
  const params = new URLSearchParams(search);
  const name = params.get('scenario');
  if (name === null) return false;
  if (!keepParam) {
    params.delete('scenario');
    const query = params.toString();
    history.replaceState(history.state, '', location.pathname + (query ? `?${query}` : '') + location.hash);
  }
  const text = await galleryText(name);
  if (text === undefined) {
    appStore
      .getState()
      .pushNotice('error', `There is no gallery scenario "${name}"; the default scenario is shown.`);
    return false;
  }
  await bridge.loadScenario(text, { play: true });
  return true;
}

/**
 * openInitialRun picks what the page opens with: a link in the fragment, then a gallery scenario
 * named by `?scenario=`, then the saved run (never in an embed), then the default.
 */
export async function openInitialRun(
  fragment: string,
  opts: { search?: string; embedded?: boolean } = {},
): Promise<void> {
  if (isRunFragment(fragment)) return openLink(fragment);
  if (await openGalleryParam(opts.search ?? '', opts.embedded ?? false)) return;
  const saved = opts.embedded ? null : appStore.getState().savedRun;
  if (saved) {
    const restored = await openRun(saved, 'saved');
    // Restored, it is the current run; unusable, it is not worth keeping. Either way the slot,
    // which holds runs not yet restored, is emptied only now, so a reload mid-replay loses nothing.
    appStore.setState({ savedRun: null });
    if (restored) {
      appStore.getState().pushNotice('info', 'Restored your last session. Reset starts over.');
      return;
    }
  }
  await bridge.loadScenario(DEFAULT_SCENARIO, { play: true });
}

/** resetAll forgets the saved run and opens the default scenario, as on a first visit. */
export async function resetAll(): Promise<void> {
  appStore.setState({ savedRun: null });
  await appStore.persist.clearStorage();
  runStorage.flush();
  clearFragment();
  const s = appStore.getState();
  s.clearConsole();
  s.appendConsole([{ kind: 'info', text: '# reset: the saved session was cleared' }]);
  bridge.setSpeed(1);
  await bridge.loadScenario(DEFAULT_SCENARIO, { play: true });
}
