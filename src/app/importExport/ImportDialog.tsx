// Import: paste `kubectl get nodes -o yaml` from a real cluster and DaemonSet manifests (or pick
// a file), and they join the scenario as documents. The grid then shows where each DaemonSet
// lands, and a click on a node says why a pod is there or not (the engine's own explanation).
import { useEffect, useRef, useState } from 'react';
import type { ChangeEvent, FormEvent } from 'react';
import { appendDocuments, countDocuments } from '../../share/importText';
import { appStore } from '../store';
import { useBridge } from '../store/services';
import { TID } from '../testIds';

// The loader's own cap is 512 KiB of YAML; a bigger file is refused before it is read.
const MAX_FILE_BYTES = 512 << 10;

export function ImportDialog({ onClose }: { onClose(): void }) {
  const { applyEditorText, loadScenario } = useBridge();
  const ref = useRef<HTMLDialogElement>(null);
  const [text, setText] = useState('');
  const [replace, setReplace] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  async function readFile(e: ChangeEvent<HTMLInputElement>): Promise<void> {
    const file = e.target.files?.[0];
    if (!file) return;
    if (file.size > MAX_FILE_BYTES) return setError(`${file.name} is larger than 512 KiB.`);
    setError('');
    setText(await file.text());
  }

  async function submit(e: FormEvent): Promise<void> {
    e.preventDefault();
    if (!text.trim()) return setError('Paste YAML first, or pick a file.');
    setBusy(true);
    const s = appStore.getState();
    const docs = countDocuments(text);
    let ok: boolean;
    if (replace) {
      ok = await loadScenario(text, { play: true });
    } else {
      s.setEditorText(appendDocuments(s.editorText, text));
      await applyEditorText();
      ok = appStore.getState().applyState === 'applied';
    }
    setBusy(false);
    if (!ok) {
      s.pushNotice(
        'error',
        'The imported YAML has errors: see the list under the editor. Nothing was applied.',
      );
    } else {
      s.pushNotice(
        'info',
        `Imported ${docs} document${docs === 1 ? '' : 's'}. Click a node to see why a DaemonSet pod runs there or not.`,
      );
    }
    onClose();
  }

  return (
    <dialog ref={ref} className="dialog dialog--wide" onClose={onClose} aria-labelledby="import-title">
      <form className="dialog__form" onSubmit={(e) => void submit(e)}>
        <h2 id="import-title" className="dialog__title">
          Import from a real cluster
        </h2>
        <p className="dialog__text">
          Paste the output of <code>kubectl get nodes -o yaml</code> and your DaemonSet manifests (
          <code>kubectl get ds -A -o yaml</code> works too). They are added to the scenario as documents, and
          the grid shows where each DaemonSet would land.
        </p>
        <label className="field">
          <span className="field__label">YAML</span>
          <textarea
            className="import__text"
            data-testid={TID.importText}
            value={text}
            onChange={(e) => setText(e.target.value)}
            spellCheck={false}
            rows={14}
            placeholder={'apiVersion: v1\nkind: List\nitems:\n- apiVersion: v1\n  kind: Node\n  ...'}
          />
        </label>
        <div className="field-row import__options">
          <label className="import__file">
            <span className="field__label">or a file</span>
            <input
              type="file"
              accept=".yaml,.yml,.json,text/yaml,application/json"
              data-testid={TID.importFile}
              onChange={(e) => void readFile(e)}
            />
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              data-testid={TID.importReplace}
              checked={replace}
              onChange={(e) => setReplace(e.target.checked)}
            />
            Replace the scenario (start from these objects only)
          </label>
        </div>
        {error && <p className="dialog__error">{error}</p>}
        <div className="dialog__actions">
          <button type="button" className="button" onClick={onClose}>
            Cancel
          </button>
          <button
            type="submit"
            className="button button--primary"
            data-testid={TID.importSubmit}
            disabled={busy}
          >
            {replace ? 'Replace and run' : 'Add to scenario'}
          </button>
        </div>
      </form>
    </dialog>
  );
}
