// The Run and Copy buttons beside a command snippet in the inspector, a lesson or a scenario's
// description: Run prints it at the console's prompt and runs it, as if typed; Copy puts it on
// the clipboard for a real terminal.
import { useState } from 'react';
import { useBridge } from '../store/services';
import { TID } from '../testIds';
import './snippet.css';

export function SnippetActions({ command }: { command: string }) {
  const { runCommand } = useBridge();
  const [copied, setCopied] = useState<'idle' | 'copied' | 'failed'>('idle');
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(command);
      setCopied('copied');
    } catch {
      setCopied('failed');
    }
    window.setTimeout(() => setCopied('idle'), 1500);
  };
  return (
    <span className="snippet-actions">
      <button
        type="button"
        className="snippet-actions__button"
        data-testid={TID.snippetRun}
        aria-label={`Run in the console: ${command}`}
        title="Run in the console"
        onClick={() => void runCommand(command, 'console')}
      >
        Run
      </button>
      <button
        type="button"
        className="snippet-actions__button"
        data-testid={TID.snippetCopy}
        aria-label={`Copy: ${command}`}
        title="Copy to the clipboard"
        onClick={() => void copy()}
      >
        {copied === 'copied' ? 'Copied' : copied === 'failed' ? 'Copy failed' : 'Copy'}
      </button>
    </span>
  );
}
