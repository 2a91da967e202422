import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import layers from './eslint-rules/layers.js';

const pkg = JSON.parse(readFileSync(new URL('./package.json', import.meta.url), 'utf8'));
const uiPackages = ['react', 'react-dom', 'zustand', 'd3', 'd3-*', 'monaco-editor', 'monaco-yaml'];
const coreMessage = 'the core must run in Node and in the Worker: no UI imports';
const noUi = (message) => uiPackages.map((name) => ({ name, message }));

// The one-way layering of the README's Layout: each src/<layer> imports itself and the layers it
// lists, nothing else, in every import form (static, `export … from`, import(), require(),
// import.meta.glob, new URL(…, import.meta.url), `typeof import()`, reference paths). A type-only
// import of a lower layer is fine; an upper layer stays forbidden even for types, since a type
// that points up is a dependency that points up. share (link codec, saved run, exports) and worker
// are siblings between scenario and app; cli is a front end like app, in Node.
const ORDER = 'app → worker → scenario → kubectl → manifests → engine; share beside worker, cli beside app';
const LAYERS = {
  engine: { imports: [], packages: 'none' },
  manifests: { imports: ['engine'], forbidPackages: noUi(coreMessage) },
  kubectl: { imports: ['engine', 'manifests'], forbidPackages: noUi(coreMessage) },
  scenario: { imports: ['engine', 'manifests', 'kubectl'], forbidPackages: noUi(coreMessage) },
  worker: {
    imports: ['engine', 'manifests', 'kubectl', 'scenario'],
    forbidPackages: noUi('the Web Worker hosts the engine: no UI imports'),
  },
  share: {
    imports: ['engine', 'manifests', 'kubectl', 'scenario'],
    forbidPackages: noUi('share is plain data and text, used by the page and the CLI: no UI imports'),
  },
  cli: {
    imports: ['engine', 'manifests', 'kubectl', 'scenario', 'share'],
    nodeBuiltins: true,
    forbidPackages: noUi('the CLI runs in Node: no UI imports'),
  },
  app: {
    imports: ['engine', 'manifests', 'kubectl', 'scenario', 'share', 'worker'],
    // Types from these are fine; their code runs only in the Web Worker.
    restrictedPaths: ['engine/simulation', 'engine/controllers', 'engine/apiserver'].map((path) => ({
      path,
      message: 'the app talks to the engine only through the worker',
    })),
  },
};

export default tseslint.config(
  { ignores: ['dist', 'node_modules', 'test-results', 'playwright-report', 'screenshots'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { ...globals.browser, ...globals.node } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
    },
  },
  {
    files: ['src/**/*.{ts,tsx,js,mjs,cjs,jsx}'],
    plugins: { local: layers },
    rules: {
      'local/layers': [
        'error',
        {
          srcDir: fileURLToPath(new URL('./src', import.meta.url)),
          order: ORDER,
          layers: LAYERS,
          dependencies: Object.keys(pkg.dependencies ?? {}),
          devDependencies: Object.keys(pkg.devDependencies ?? {}),
        },
      ],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'window', 'document'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'time is virtual: read clock.now()' },
        { object: 'Math', property: 'random', message: 'chance is seeded: use the simulation Rng' },
      ],
    },
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: reactHooks.configs.recommended.rules,
  },
);
