import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';

const uiImports = [
  'react',
  'react-dom',
  'react-dom/*',
  'zustand',
  'zustand/*',
  'd3',
  'd3-*',
  'monaco-editor',
  'monaco-editor/*',
  'monaco-yaml',
];
const coreMessage = 'the core must run in Node and in the Worker: no UI imports';

function restrict(patterns, message) {
  return {
    'no-restricted-imports': ['error', { patterns: [{ group: patterns, message, allowTypeImports: true }] }],
  };
}

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
    files: ['src/engine/**/*.ts'],
    rules: {
      ...restrict(
        [...uiImports, '**/app/**', '**/worker/**', '**/kubectl/**', '**/manifests/**', '**/scenario/**'],
        'engine imports nothing outside engine/: ' + coreMessage,
      ),
      'no-restricted-globals': ['error', 'setTimeout', 'setInterval', 'window', 'document'],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'time is virtual: read clock.now()' },
        { object: 'Math', property: 'random', message: 'chance is seeded: use the simulation Rng' },
      ],
    },
  },
  {
    files: ['src/manifests/**/*.ts'],
    rules: restrict(
      [...uiImports, '**/app/**', '**/worker/**', '**/kubectl/**', '**/scenario/**'],
      coreMessage,
    ),
  },
  {
    files: ['src/kubectl/**/*.ts'],
    rules: restrict([...uiImports, '**/app/**', '**/worker/**', '**/scenario/**'], coreMessage),
  },
  {
    files: ['src/scenario/**/*.ts'],
    rules: restrict([...uiImports, '**/app/**', '**/worker/**'], coreMessage),
  },
  {
    files: ['src/app/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      ...restrict(
        ['**/engine/simulation', '**/engine/controllers/**', '**/engine/apiserver/**'],
        'the app talks to the engine only through the worker',
      ),
    },
  },
);
