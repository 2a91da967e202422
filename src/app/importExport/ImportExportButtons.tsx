// The top bar's Import and Export buttons and the dialog each opens.
import { Suspense, lazy, useState } from 'react';
import { TID } from '../testIds';

// The dialogs are chunks of their own, fetched when one is opened: the first paint needs neither.
const ImportDialog = lazy(() => import('./ImportDialog').then((m) => ({ default: m.ImportDialog })));
const ExportDialog = lazy(() => import('./ExportDialog').then((m) => ({ default: m.ExportDialog })));

export function ImportExportButtons() {
  const [open, setOpen] = useState<'import' | 'export' | null>(null);
  const close = () => setOpen(null);
  return (
    <>
      <button
        type="button"
        className="button button--small"
        data-testid={TID.importOpen}
        onClick={() => setOpen('import')}
        title="Add nodes and DaemonSets from a real cluster (kubectl get … -o yaml)"
      >
        Import
      </button>
      <button
        type="button"
        className="button button--small"
        data-testid={TID.exportOpen}
        onClick={() => setOpen('export')}
        title="Download the manifests for kubectl apply, or the commands as a script"
      >
        Export
      </button>
      <Suspense fallback={null}>
        {open === 'import' && <ImportDialog onClose={close} />}
        {open === 'export' && <ExportDialog onClose={close} />}
      </Suspense>
    </>
  );
}
