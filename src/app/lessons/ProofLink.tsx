// Proof of completion: a finished lesson offers its share link. The link carries the run (the
// lesson text, the seed and every command at its time, predictions included), so whoever opens
// it sees the worker replay the run to the same ticks: the replay is the proof.
import { useState } from 'react';
import { encodeLink } from '../share/links';
import { appStore } from '../store';
import { currentRun } from '../store/runSlice';
import { TID } from '../testIds';

async function proofUrl(): Promise<string | null> {
  const run = currentRun(appStore.getState());
  if (!run) return null;
  return `${location.origin}${location.pathname}${location.search}${await encodeLink(run)}`;
}

export function ProofLink() {
  const [url, setUrl] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const make = async () => {
    const link = await proofUrl();
    setUrl(link);
    if (!link) return;
    try {
      await navigator.clipboard.writeText(link);
      setCopied(true);
    } catch {
      // No clipboard (permissions, an insecure page): the link is shown to copy by hand.
      setCopied(false);
    }
  };
  return (
    <div className="lesson__proof">
      <button
        type="button"
        className="button button--small"
        data-testid={TID.lessonProof}
        onClick={() => void make()}
      >
        Link to this run (proof of completion)
      </button>
      {url && (
        <>
          <input
            className="lesson__proof-url"
            data-testid={TID.lessonProofUrl}
            readOnly
            value={url}
            aria-label="Proof of completion link"
            onFocus={(e) => e.currentTarget.select()}
          />
          <p className="muted">
            {copied ? 'Copied. ' : ''}Whoever opens it sees your run replayed to the same ticks.
          </p>
        </>
      )}
    </div>
  );
}
