// The lesson's source for teachers: the whole scenario text the run started from, tasks, hints
// and checks included, read-only with a download. The editor shows only the cluster, so a
// learner meets the answers only by opening this on purpose.
import { useEffect, useRef, useState } from 'react';
import { downloadText } from '../importExport/download';
import { appStore } from '../store';
import { TID } from '../testIds';
import { TextPreview } from '../importExport/TextPreview';

function LessonSourceDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  const [snapshot] = useState(() => {
    const s = appStore.getState();
    return { text: s.record?.text ?? '', name: s.scenario?.name ?? 'lesson' };
  });

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  return (
    <dialog
      ref={ref}
      className="dialog dialog--wide"
      onClose={onClose}
      aria-labelledby="lesson-source-title"
      data-testid={TID.lessonSourceDialog}
    >
      <div className="dialog__form">
        <h2 id="lesson-source-title" className="dialog__title">
          Lesson source (for teachers)
        </h2>
        <p className="dialog__text">
          The whole lesson with its tasks, hints and checks. To change it, paste it into the editor, apply it
          with Ctrl+Enter and press Restart (docs/lessons.md).
        </p>
        <TextPreview testId={TID.lessonSourceText} value={snapshot.text} rows={16} label="Lesson source" />
        <div className="dialog__actions">
          <button
            type="button"
            className="button button--primary"
            onClick={() => downloadText(`${snapshot.name}.yaml`, snapshot.text, 'application/yaml')}
          >
            Download {snapshot.name}.yaml
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}

/** LessonSourceButton opens the lesson's source in a dialog. */
export function LessonSourceButton() {
  const [open, setOpen] = useState(false);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        data-testid={TID.lessonSource}
        title="The lesson's source, with its checks: for teachers"
        onClick={() => setOpen(true)}
      >
        Source
      </button>
      {open && <LessonSourceDialog onClose={() => setOpen(false)} />}
    </>
  );
}
