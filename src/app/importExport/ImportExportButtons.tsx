// The top bar's Import and Export buttons and the dialog each opens.
import { useState } from 'react';
import { TID } from '../testIds';
import { ExportDialog } from './ExportDialog';
import { ImportDialog } from './ImportDialog';

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
      {open === 'import' && <ImportDialog onClose={close} />}
      {open === 'export' && <ExportDialog onClose={close} />}
    </>
  );
}
