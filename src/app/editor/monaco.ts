// Monaco with the editor API and the YAML language only, bundled (no CDN) and configured once
// per page. `import * as monaco from 'monaco-editor'` would pull every language into the editor's
// chunk (about 1 MB gzip more); this module is reached only through the lazily imported YamlEditor.
import * as monaco from 'monaco-editor/esm/vs/editor/editor.api.js';
// The editor's contributions: editor.api alone has none. A chosen set rather than editor.all.js
// (the diff editor, inline completions, sticky scroll, colour picker… add ~260 kB gzip).
import 'monaco-editor/esm/vs/editor/browser/coreCommands.js';
import 'monaco-editor/esm/vs/editor/contrib/bracketMatching/browser/bracketMatching.js';
import 'monaco-editor/esm/vs/editor/contrib/clipboard/browser/clipboard.js';
import 'monaco-editor/esm/vs/editor/contrib/comment/browser/comment.js';
import 'monaco-editor/esm/vs/editor/contrib/contextmenu/browser/contextmenu.js';
import 'monaco-editor/esm/vs/editor/contrib/cursorUndo/browser/cursorUndo.js';
import 'monaco-editor/esm/vs/editor/contrib/find/browser/findController.js';
import 'monaco-editor/esm/vs/editor/contrib/folding/browser/folding.js';
import 'monaco-editor/esm/vs/editor/contrib/gotoError/browser/gotoError.js';
import 'monaco-editor/esm/vs/editor/contrib/hover/browser/hoverContribution.js';
import 'monaco-editor/esm/vs/editor/contrib/indentation/browser/indentation.js';
import 'monaco-editor/esm/vs/editor/contrib/linesOperations/browser/linesOperations.js';
import 'monaco-editor/esm/vs/editor/contrib/multicursor/browser/multicursor.js';
import 'monaco-editor/esm/vs/editor/contrib/snippet/browser/snippetController2.js';
import 'monaco-editor/esm/vs/editor/contrib/suggest/browser/suggestController.js';
import 'monaco-editor/esm/vs/editor/contrib/tokenization/browser/tokenization.js';
import 'monaco-editor/esm/vs/editor/contrib/wordOperations/browser/wordOperations.js';
import 'monaco-editor/esm/vs/editor/common/standaloneStrings.js';
import 'monaco-editor/esm/vs/base/browser/ui/codicons/codiconStyles.js';
import 'monaco-editor/esm/vs/basic-languages/yaml/yaml.contribution.js';
import EditorWorker from 'monaco-editor/esm/vs/editor/editor.worker.js?worker';
import { configureMonacoYaml } from 'monaco-yaml';
import YamlWorker from 'monaco-yaml/yaml.worker.js?worker';
import { loadManifestSchema, manifestSchemaUri } from '../../manifests/schemas';

export { monaco };

// The API object monaco-yaml expects, taken from its own signature rather than from the
// monaco-types package it depends on, which this project does not declare.
type MonacoYamlApi = Parameters<typeof configureMonacoYaml>[0];

const environment = {
  // Labels: 'yaml' for monaco-yaml's language service, anything else for the editor's own worker.
  getWorker(_moduleId: string, label: string): Worker {
    return label === 'yaml' ? new YamlWorker() : new EditorWorker();
  },
};
globalThis.MonacoEnvironment = environment;

// What monaco-worker-manager passes: a label and createData, no worker.
interface WorkerOptions {
  worker?: Worker | Promise<Worker>;
  createData?: unknown;
  label?: string;
  host?: unknown;
  keepIdleModels?: boolean;
}

// monaco-yaml asks monaco.editor.createWebWorker for a worker by label, without a Worker.
// monaco-editor's full entry (editor.main.js) wraps createWebWorker to start one through
// MonacoEnvironment.getWorker and hand it createData; editor.api does not, so we do the same
// here, on a copy of the API given to monaco-yaml only.
function withWorkerFactory(api: typeof monaco): typeof monaco {
  const create = api.editor.createWebWorker;
  const createWebWorker = <T extends object>(options: WorkerOptions) => {
    const { host, keepIdleModels } = options;
    if (options.worker !== undefined) return create<T>({ worker: options.worker, host, keepIdleModels });
    const worker = environment.getWorker('workerMain.js', options.label ?? '');
    // The handshake editor.main.js performs: a first message the worker ignores, then createData.
    worker.postMessage('ignore');
    worker.postMessage(options.createData);
    return create<T>({ worker, host, keepIdleModels });
  };
  return { ...api, editor: { ...api.editor, createWebWorker } } as typeof monaco;
}

const yaml = configureMonacoYaml(withWorkerFactory(monaco) as unknown as MonacoYamlApi, {
  // Offline: schemas come from the bundle, never from a URL.
  enableSchemaRequest: false,
  completion: true,
  hover: true,
  // "Source: manifest.json" under every hover is noise for a learner.
  hoverSchemaSource: false,
  validate: true,
  // Formatting would run prettier in the YAML worker; the editor does not offer it.
  format: { enable: false },
  schemas: [],
});

// Completion, hover and diagnostics know the Kubernetes kinds once their schema chunk has loaded.
void loadManifestSchema().then((schema) =>
  yaml.update({ schemas: [{ uri: manifestSchemaUri, fileMatch: ['*'], schema }] }),
);
