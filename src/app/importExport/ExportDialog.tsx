// Export: the cluster's manifests as YAML a real `kubectl apply -f` accepts (server-owned fields
// and controller-made objects left out; playground annotations only on request), and the
// commands of the run as a shell script. Both are taken from the moment the dialog opened.
import { useEffect, useRef, useState } from 'react';
import type { KubeObject } from '../../engine/api/types';
import { appStore } from '../store';
import type { ClusterRead } from '../store/clusterMirror';
import { useCluster } from '../store/useCluster';
import { TID } from '../testIds';
import { TextPreview } from './TextPreview';
import { downloadText } from './download';

function byName(a: KubeObject, b: KubeObject): number {
  const key = (o: KubeObject) => `${o.metadata.namespace ?? ''}/${o.metadata.name}`;
  return key(a).localeCompare(key(b));
}

// YAML printing is only needed here, so it loads with the dialog.
const files = () => import('../../share/exportFiles');

const liveRecord = (c: ClusterRead) => c.objects;

export function ExportDialog({ onClose }: { onClose(): void }) {
  const ref = useRef<HTMLDialogElement>(null);
  // The live record (its identity holds within a run, so this never re-renders), read once here.
  const live = useCluster(liveRecord);
  const [snapshot] = useState(() => ({
    objects: Object.values(live).sort(byName),
    log: appStore.getState().record?.log ?? [],
  }));
  const [keep, setKeep] = useState(false);
  const [yaml, setYaml] = useState('');

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    let live = true;
    void files().then((m) => {
      if (live) setYaml(m.manifestsYaml(snapshot.objects, keep));
    });
    return () => {
      live = false;
    };
  }, [snapshot, keep]);

  async function downloadScript(): Promise<void> {
    const m = await files();
    downloadText('playground-commands.sh', m.commandsToShellScript(snapshot.log), 'text/x-shellscript');
  }

  return (
    <dialog ref={ref} className="dialog dialog--wide" onClose={onClose} aria-labelledby="export-title">
      <div className="dialog__form">
        <h2 id="export-title" className="dialog__title">
          Export
        </h2>
        <p className="dialog__text">
          The manifests apply to a real cluster with <code>kubectl apply -f manifests.yaml</code>: uids,
          status and pods made by controllers are left out.
        </p>
        <label className="checkbox">
          <input
            type="checkbox"
            data-testid={TID.exportKeepPlayground}
            checked={keep}
            onChange={(e) => setKeep(e.target.checked)}
          />
          Keep playground annotations and node capacity (to load the file here again)
        </label>
        <TextPreview testId={TID.exportPreview} value={yaml} rows={14} label="Manifests preview" />
        <div className="dialog__actions">
          <button
            type="button"
            className="button"
            data-testid={TID.exportScript}
            onClick={() => void downloadScript()}
            title="The console's commands as a #!/bin/sh script; sim actions become comments"
          >
            Download commands.sh ({snapshot.log.length})
          </button>
          <button
            type="button"
            className="button button--primary"
            data-testid={TID.exportManifests}
            disabled={!yaml}
            onClick={() => downloadText('manifests.yaml', yaml, 'application/yaml')}
          >
            Download manifests.yaml
          </button>
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        </div>
      </div>
    </dialog>
  );
}
