// The layering of README's Layout, enforced by eslint-rules/layers.js through the project's own
// eslint.config.js. Each case lints a virtual file inside src/<layer>/ (lintText with a filePath),
// so no fixture file on disk can make `eslint .` fail.
import { fileURLToPath } from 'node:url';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const root = fileURLToPath(new URL('../../..', import.meta.url));
const RULE = 'local/layers';

type Layer = 'engine' | 'manifests' | 'kubectl' | 'scenario' | 'worker' | 'share' | 'cli' | 'app';

/** What each layer may import besides itself: the table the rule must enforce. */
const MAY_IMPORT: Record<Layer, Layer[]> = {
  engine: [],
  manifests: ['engine'],
  kubectl: ['engine', 'manifests'],
  scenario: ['engine', 'manifests', 'kubectl'],
  worker: ['engine', 'manifests', 'kubectl', 'scenario'],
  share: ['engine', 'manifests', 'kubectl', 'scenario'],
  cli: ['engine', 'manifests', 'kubectl', 'scenario', 'share'],
  app: ['engine', 'manifests', 'kubectl', 'scenario', 'share', 'worker'],
};
const LAYERS = Object.keys(MAY_IMPORT) as Layer[];

/** The nearest layer each one must not reach: the one a careless import would pull in. */
const FORBIDDEN_NEIGHBOUR: Record<Layer, Layer> = {
  engine: 'manifests',
  manifests: 'kubectl',
  kubectl: 'scenario',
  scenario: 'worker',
  worker: 'app',
  share: 'app',
  cli: 'app',
  app: 'cli',
};

/** table names each row with `title`: vitest's `$field` titles would print strings in quotes. */
function table<T>(rows: readonly T[], title: (row: T) => string): [string, T][] {
  return rows.map((row) => [title(row), row]);
}

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: root });
});

interface Lint {
  layer: string[];
  other: string[];
}

/** lint runs the project config on `code` as if it were src/<dir>/probe/probe.ts. */
async function lint(dir: string, code: string, file = 'probe/probe.ts'): Promise<Lint> {
  const [result] = await eslint.lintText(code, { filePath: `${root}/src/${dir}/${file}` });
  const messages = result?.messages ?? [];
  expect(messages.filter((m) => m.fatal).map((m) => m.message)).toEqual([]);
  return {
    layer: messages.filter((m) => m.ruleId === RULE).map((m) => m.message),
    other: messages.filter((m) => m.ruleId !== RULE).map((m) => `${m.ruleId}: ${m.message}`),
  };
}

/** Every way TypeScript and Vite let a module reach another, for a specifier `s`. */
const FORMS: { form: string; code: (s: string) => string }[] = [
  { form: 'import default', code: (s) => `import x from '${s}';\nexport { x };\n` },
  { form: 'import named', code: (s) => `import { x } from '${s}';\nexport { x };\n` },
  { form: 'import namespace', code: (s) => `import * as x from '${s}';\nexport { x };\n` },
  { form: 'import for side effects', code: (s) => `import '${s}';\n` },
  { form: 'import type', code: (s) => `import type { X } from '${s}';\nexport type Y = X;\n` },
  { form: 'inline type import', code: (s) => `import { type X } from '${s}';\nexport type Y = X;\n` },
  { form: 'export named from', code: (s) => `export { x } from '${s}';\n` },
  { form: 'export type from', code: (s) => `export type { X } from '${s}';\n` },
  { form: 'export * from', code: (s) => `export * from '${s}';\n` },
  { form: 'export * as from', code: (s) => `export * as x from '${s}';\n` },
  { form: 'dynamic import()', code: (s) => `export const x = import('${s}');\n` },
  { form: 'dynamic import() of a template', code: (s) => `export const x = import(\`${s}\`);\n` },
  { form: 'require()', code: (s) => `export const x = require('${s}');\n` },
  { form: 'import = require()', code: (s) => `import x = require('${s}');\nexport { x };\n` },
  { form: 'typeof import() in a type', code: (s) => `export type X = typeof import('${s}');\n` },
  { form: 'import.meta.glob', code: (s) => `export const x = import.meta.glob('${s}/*.ts');\n` },
  {
    form: 'new URL(…, import.meta.url)',
    code: (s) => `export const x = new URL('${s}/a.ts', import.meta.url);\n`,
  },
  { form: 'triple-slash reference path', code: (s) => `/// <reference path="${s}/a.d.ts" />\nexport {};\n` },
];

/** Ways to spell a path into layer `to` from src/<from>/probe/probe.ts. */
function spellings(from: Layer, to: Layer): { shape: string; spec: string }[] {
  return [
    { shape: 'bare index', spec: `../../${to}` },
    { shape: 'index file', spec: `../../${to}/index` },
    { shape: 'deep path', spec: `../../${to}/deep/module` },
    { shape: 'detour through its own layer', spec: `../../${from}/../${to}` },
    { shape: 'leading ./', spec: `./../../${to}/x` },
    { shape: 'Vite query suffix', spec: `../../${to}/x?worker` },
  ];
}

describe('layer boundaries · a forbidden import is rejected in every layer, in every form', () => {
  const rows = LAYERS.flatMap((layer) =>
    FORMS.map(({ form, code }) => ({ layer, to: FORBIDDEN_NEIGHBOUR[layer], form, code })),
  );
  it.each(table(rows, (r) => `src/${r.layer} → src/${r.to} by ${r.form}`))(
    '%s',
    async (_, { layer, to, code }) => {
      const r = await lint(layer, code(`../../${to}`));
      expect(r.layer).toHaveLength(1);
      expect(r.layer[0]).toContain(`src/${layer} may not import`);
    },
  );
});

describe('layer boundaries · every spelling of the path resolves to the folder it names', () => {
  const rows = LAYERS.flatMap((layer) =>
    spellings(layer, FORBIDDEN_NEIGHBOUR[layer]).map((s) => ({ layer, ...s })),
  );
  it.each(table(rows, (r) => `src/${r.layer}: ${r.shape} (${r.spec}) is rejected`))(
    '%s',
    async (_, { layer, spec }) => {
      expect((await lint(layer, `import { x } from '${spec}';\nexport { x };\n`)).layer).toHaveLength(1);
    },
  );

  it.each(
    table(
      [
        { name: "'..' from a layer's top folder", layer: 'share', file: 'probe.ts', spec: '..' },
        { name: "'../..' from a nested folder", layer: 'engine', file: 'a/probe.ts', spec: '../..' },
        {
          name: 'a path out of src',
          layer: 'kubectl',
          file: 'probe.ts',
          spec: '../../tests/fixtures/builders',
        },
        { name: 'a glob across layers', layer: 'app', file: 'probe.ts', spec: '../*/x' },
      ],
      (r) => `rejects ${r.name}, which resolves outside the layers`,
    ),
  )('%s', async (_, { layer, file, spec }) => {
    const r = await lint(layer, `import { x } from '${spec}';\nexport { x };\n`, file);
    expect(r.layer).toEqual([expect.stringMatching(/resolves outside the layers/)]);
  });

  it.each(
    table(
      [
        { name: 'a root-relative path', spec: '/src/app/store' },
        { name: 'a file: URL', spec: 'file:///work/src/app/store' },
      ],
      (r) => `rejects ${r.name}, which the rule cannot place in a layer`,
    ),
  )('%s', async (_, { spec }) => {
    expect((await lint('share', `import { x } from '${spec}';\nexport { x };\n`)).layer).toHaveLength(1);
  });

  it.each(
    table(
      [
        { form: 'import()', code: 'const name = "../../app/store";\nexport const x = import(name);\n' },
        { form: 'require()', code: 'const name = "../../app/store";\nexport const x = require(name);\n' },
        {
          form: 'import.meta.glob',
          code: 'const p = "../../app/*.ts";\nexport const x = import.meta.glob(p);\n',
        },
      ],
      (r) => `rejects a computed specifier in ${r.form}`,
    ),
  )('%s', async (_, { code }) => {
    const r = await lint('engine', code);
    expect(r.layer).toEqual([expect.stringMatching(/must be a string literal/)]);
  });

  it('rejects a file in a folder of src that is no layer', async () => {
    const r = await lint('newlayer', 'export const x = 1;\n');
    expect(r.layer).toEqual(['src/newlayer is not a layer: add it to the layer table in eslint.config.js']);
  });
});

describe('layer boundaries · the two bypasses of issue 12', () => {
  it.each(
    table(
      [
        {
          layer: 'engine',
          file: 'controllers/x.ts',
          code: "import { loadManifests } from '../../manifests';",
        },
        { layer: 'share', file: 'x.ts', code: "import { appStore } from '../app/store';" },
      ],
      (r) => `src/${r.layer}: ${r.code}`,
    ),
  )('%s', async (_, { layer, file, code }) => {
    expect((await lint(layer, `${code}\nexport { ${code.split(' ')[2]} };\n`, file)).layer).toHaveLength(1);
  });
});

describe('layer boundaries · allowed imports pass', () => {
  const rows = LAYERS.flatMap((layer) => [layer, ...MAY_IMPORT[layer]].map((to) => ({ layer, to })));
  it.each(table(rows, (r) => `src/${r.layer} may import src/${r.to}`))('%s', async (_, { layer, to }) => {
    const spec = to === 'engine' ? '../../engine/api/types' : `../../${to}`;
    const code = `import { x } from '${spec}';\nimport type { Y } from '${spec}';\nexport const z = import('${spec}');\nexport { x };\nexport type { Y };\n`;
    expect(await lint(layer, code)).toEqual({ layer: [], other: [] });
  });

  it('the forbidden pairs are exactly the ones the table leaves out', async () => {
    const rejected: string[] = [];
    for (const from of LAYERS) {
      for (const to of LAYERS) {
        const r = await lint(from, `export * from '../../${to}/x';\n`);
        if (r.layer.length) rejected.push(`${from}→${to}`);
      }
    }
    const expected = LAYERS.flatMap((from) =>
      LAYERS.filter((to) => to !== from && !MAY_IMPORT[from].includes(to)).map((to) => `${from}→${to}`),
    );
    expect(rejected).toEqual(expected);
  });
});

describe('package bans · the core, the worker and share load no UI code, in any form', () => {
  const rows = (['manifests', 'kubectl', 'scenario', 'worker', 'share', 'cli'] as const).flatMap((layer) =>
    [
      `import { useState } from 'react';\nexport { useState };\n`,
      `export const d3 = import('d3');\n`,
      `export * from 'zustand/vanilla';\n`,
      `export const m = require('monaco-editor');\n`,
    ].map((code) => ({ layer, code })),
  );
  it.each(table(rows, (r) => `src/${r.layer} rejects: ${r.code.split('\n')[0]}`))(
    '%s',
    async (_, { layer, code }) => {
      expect((await lint(layer, code)).layer).toEqual([expect.stringMatching(/may not import the package/)]);
    },
  );

  it('a type-only import of a UI package loads nothing and passes', async () => {
    expect((await lint('scenario', "import type { FC } from 'react';\nexport type X = FC;\n")).layer).toEqual(
      [],
    );
  });

  it.each(
    table(
      [
        { code: "import { parse } from 'yaml';\nexport { parse };\n", why: 'any package' },
        { code: "export const f = import('fflate');\n", why: 'a dynamic import of a package' },
        {
          code: "import type { Document } from 'yaml';\nexport type D = Document;\n",
          why: 'not even for types',
        },
      ],
      (r) => `the engine imports nothing outside src/engine: ${r.why}`,
    ),
  )('%s', async (_, { code }) => {
    expect((await lint('engine', code)).layer).toEqual([
      expect.stringMatching(/src\/engine imports nothing outside src\/engine/),
    ]);
  });

  it.each(['engine', 'manifests', 'kubectl', 'scenario', 'worker', 'share', 'app'] as const)(
    'src/%s may not import a Node built-in',
    async (layer) => {
      const r = await lint(layer, "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n");
      expect(r.layer).toEqual([expect.stringMatching(/Node built-ins/)]);
    },
  );

  it('src/cli, which runs in Node, may import a Node built-in', async () => {
    expect(
      (await lint('cli', "import { readFileSync } from 'node:fs';\nexport { readFileSync };\n")).layer,
    ).toEqual([]);
  });
});

describe('packages · only what package.json declares, so no alias or transitive package slips by', () => {
  it.each(
    table(
      [
        {
          name: 'a transitive package, even for types',
          code: "import type { MonacoEditor } from 'monaco-types';\nexport type M = MonacoEditor;\n",
          want: /not in package.json's dependencies/,
        },
        {
          name: 'a devDependency at run time',
          code: "import { defineConfig } from 'vite';\nexport { defineConfig };\n",
          want: /not in package.json's dependencies/,
        },
        {
          name: 'a package.json subpath import',
          code: "import { x } from '#app/store';\nexport { x };\n",
          want: /an absolute path or an alias/,
        },
      ],
      (r) => `src/app rejects ${r.name}`,
    ),
  )('%s', async (_, { code, want }) => {
    expect((await lint('app', code)).layer).toEqual([expect.stringMatching(want)]);
  });

  it('src/app may take types from a devDependency', async () => {
    expect(
      (await lint('app', "import type { Plugin } from 'vite';\nexport type P = Plugin;\n")).layer,
    ).toEqual([]);
  });
});

describe('app → engine · the app reaches the simulation only through the worker', () => {
  it.each(['../../engine/simulation', '../../engine/controllers/kubelet/kubelet', '../../engine/apiserver'])(
    'rejects a run-time import of %s, static or dynamic',
    async (spec) => {
      const r = await lint(
        'app',
        `import { x } from '${spec}';\nexport { x };\nexport const y = import('${spec}');\n`,
      );
      expect(r.layer).toEqual([
        expect.stringMatching(/only through the worker/),
        expect.stringMatching(/only through the worker/),
      ]);
    },
  );

  it('allows its types', async () => {
    const code = "import type { Simulation } from '../../engine/simulation';\nexport type S = Simulation;\n";
    expect((await lint('app', code)).layer).toEqual([]);
  });
});

describe('engine · virtual time and seeded chance', () => {
  it.each(
    table(
      [
        { code: 'export const t = Date.now();\n', rule: 'no-restricted-properties' },
        { code: 'export const r = Math.random();\n', rule: 'no-restricted-properties' },
        { code: 'setTimeout(() => {}, 1);\n', rule: 'no-restricted-globals' },
      ],
      (r) => `rejects ${r.code}`,
    ),
  )('%s', async (_, { code, rule }) => {
    expect((await lint('engine', code)).other).toEqual([expect.stringContaining(rule)]);
  });
});
