// The Share button: builds a link to the run as it is now (text, commands, seed, speed and the
// simulated moment), copies it when the browser allows, and shows it in a read-only field. A
// link too long for chat apps and some browsers comes with a scenario file to download instead.
import { useEffect, useRef, useState } from 'react';
import { formatClock } from '../model/format';
import { appStore } from '../store';
import { currentRun } from '../store/runSlice';
import { TID } from '../testIds';
import { encodeLink } from './links';
import { downloadText } from '../importExport/download';

/** MAX_LINK_CHARS: longer links get cut by chat apps, mail clients and some browsers. */
export const MAX_LINK_CHARS = 8000;

type CopyState = 'copying' | 'copied' | 'manual';

interface Shared {
  url: string;
  time: number;
}

async function buildLink(): Promise<Shared | null> {
  const run = currentRun(appStore.getState());
  if (!run) return null;
  const base = `${location.origin}${location.pathname}${location.search}`;
  return { url: base + (await encodeLink(run)), time: run.time };
}

async function downloadScenarioFile(): Promise<void> {
  const run = currentRun(appStore.getState());
  if (!run) return;
  const { runToScenarioYaml } = await import('../../share/exportFiles');
  downloadText('daemonset-playground-run.yaml', runToScenarioYaml(run), 'application/yaml');
}

export function SharePanel() {
  const [shared, setShared] = useState<Shared | null>(null);
  const [copy, setCopy] = useState<CopyState>('copying');
  const root = useRef<HTMLDivElement>(null);
  const field = useRef<HTMLInputElement>(null);

  async function share(): Promise<void> {
    const link = await buildLink();
    if (!link) return;
    setShared(link);
    setCopy('copying');
    try {
      if (!navigator.clipboard) throw new Error('no clipboard');
      await navigator.clipboard.writeText(link.url);
      setCopy('copied');
    } catch {
      // No permission, or an insecure context: the field below is selected for a manual copy.
      setCopy('manual');
    }
  }

  useEffect(() => {
    if (!shared) return;
    field.current?.select();
    const close = (e: Event) => {
      if (e instanceof KeyboardEvent ? e.key === 'Escape' : !root.current?.contains(e.target as Node))
        setShared(null);
    };
    document.addEventListener('keydown', close);
    document.addEventListener('pointerdown', close);
    return () => {
      document.removeEventListener('keydown', close);
      document.removeEventListener('pointerdown', close);
    };
  }, [shared]);

  const tooLong = shared !== null && shared.url.length > MAX_LINK_CHARS;
  return (
    <div className="share" ref={root}>
      <button
        type="button"
        className="button button--small"
        data-testid={TID.share}
        aria-expanded={shared !== null}
        onClick={() => void share()}
        title="Copy a link to this run, at this moment"
      >
        Share
      </button>
      {shared && (
        <div className="share__panel" role="dialog" aria-label="Share this run">
          <label className="field">
            <span className="field__label">Link to this run, paused at {formatClock(shared.time)}</span>
            <input
              ref={field}
              data-testid={TID.shareUrl}
              readOnly
              value={shared.url}
              onFocus={(e) => e.currentTarget.select()}
            />
          </label>
          <p className="share__status" role="status">
            {copy === 'copied' && 'Copied to the clipboard.'}
            {copy === 'manual' && 'Select the link and copy it (Ctrl+C).'}
          </p>
          {tooLong && (
            <div className="share__warning" data-testid={TID.shareWarning} role="alert">
              <p>
                This link is {shared.url.length.toLocaleString('en')} characters long: chat apps, mail and
                some browsers cut links over {MAX_LINK_CHARS.toLocaleString('en')}. Share the run as a
                scenario file instead; it replays the same commands at the same times.
              </p>
              <button
                type="button"
                className="button button--small button--primary"
                data-testid={TID.shareDownload}
                onClick={() => void downloadScenarioFile()}
              >
                Download scenario file
              </button>
            </div>
          )}
          <p className="share__hint">
            The link holds the whole run in its fragment (after the #), so it never reaches a server.
          </p>
        </div>
      )}
    </div>
  );
}
