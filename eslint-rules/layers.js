// A local ESLint rule for the one-way layering of src/ (README, Layout). Glob patterns in
// no-restricted-imports only see the text of a specifier, so `'../../manifests'` (an index import)
// or `'../engine/../app/store'` slipped past them, and they ignore import(), require() and
// `typeof import()`. This rule resolves every specifier against the importing file's folder and
// compares the layer folder it lands in with the importing file's own layer.
import { builtinModules } from 'node:module';
import path from 'node:path';

const GLOB_CHARS = /[*?{}[\]!]/;

/** packageName is the npm package a bare specifier names (`@scope/name` or `name`). */
function packageName(specifier) {
  const parts = specifier.split('/');
  return specifier.startsWith('@') ? parts.slice(0, 2).join('/') : parts[0];
}

function globToRegExp(glob) {
  const body = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*');
  return new RegExp(`^${body}$`);
}

const NODE_BUILTINS = new Set(builtinModules.flatMap((m) => [m, `node:${m}`]));

/** staticString is the text of a string literal or a template literal without expressions. */
function staticString(node) {
  if (!node) return undefined;
  if (node.type === 'Literal' && typeof node.value === 'string') return node.value;
  if (node.type === 'TemplateLiteral' && node.expressions.length === 0) return node.quasis[0].value.cooked;
  return undefined;
}

const isImportMeta = (node) =>
  node?.type === 'MetaProperty' && node.meta.name === 'import' && node.property.name === 'meta';

/** @type {import('eslint').Rule.RuleModule} */
export const layersRule = {
  meta: {
    type: 'problem',
    docs: { description: 'src/<layer> imports only the layers below it, in every import form' },
    schema: [
      {
        type: 'object',
        properties: {
          srcDir: { type: 'string' },
          order: { type: 'string' },
          layers: { type: 'object' },
          dependencies: { type: 'array', items: { type: 'string' } },
          devDependencies: { type: 'array', items: { type: 'string' } },
        },
        required: ['srcDir', 'layers'],
        additionalProperties: false,
      },
    ],
    messages: {
      layer:
        "src/{{from}} may not import src/{{to}} ('{{specifier}}'): src/{{from}} may import only {{allowed}} ({{order}})",
      outside:
        "src/{{from}} may not import '{{specifier}}': it resolves outside the layers src/{{from}} may use ({{allowed}})",
      noLayer: 'src/{{folder}} is not a layer: add it to the layer table in eslint.config.js',
      absolute:
        "'{{specifier}}' is an absolute path or an alias: import through a relative path so the layer can be checked",
      undeclared:
        "'{{name}}' is not in package.json's dependencies: declare it, or import through a relative path (an alias would hide the layer)",
      dynamic:
        'the module specifier of {{form}} must be a string literal, so the layer boundary can be checked',
      package: "src/{{from}} may not import the package '{{name}}': {{why}}",
      restrictedPath: "src/{{from}} may not import '{{specifier}}' at run time: {{why}}",
    },
  },
  create(context) {
    const { srcDir, layers, order = '', dependencies, devDependencies = [] } = context.options[0];
    const file = context.physicalFilename ?? context.filename;
    const rel = path.relative(srcDir, file);
    if (rel.startsWith('..') || path.isAbsolute(rel)) return {};
    const from = rel.split(path.sep)[0];
    const layer = layers[from];
    if (!layer) {
      return {
        Program(node) {
          context.report({ node, messageId: 'noLayer', data: { folder: from } });
        },
      };
    }
    const allowed = [from, ...(layer.imports ?? [])];
    const allowedText = allowed.map((l) => `src/${l}`).join(', ');
    const forbidPackages = (layer.forbidPackages ?? []).map((p) => ({ ...p, re: globToRegExp(p.name) }));
    const restrictedPaths = layer.restrictedPaths ?? [];

    function checkPackage(node, specifier, typeOnly) {
      const name = packageName(specifier);
      if (NODE_BUILTINS.has(name)) {
        if (layer.nodeBuiltins !== true) {
          context.report({
            node,
            messageId: 'package',
            data: { from, name, why: 'Node built-ins do not exist in the browser or the Web Worker' },
          });
        }
        return;
      }
      // Shipped code runs only what package.json's dependencies install; a devDependency may
      // lend types. An undeclared name is a transitive package or a path alias.
      if (dependencies && !dependencies.includes(name) && !(typeOnly && devDependencies.includes(name))) {
        context.report({ node, messageId: 'undeclared', data: { name } });
        return;
      }
      if (layer.packages === 'none') {
        context.report({
          node,
          messageId: 'package',
          data: { from, name, why: `src/${from} imports nothing outside src/${from}` },
        });
        return;
      }
      // A type-only import of a package is erased and loads nothing, so the UI bans allow it.
      if (typeOnly) return;
      const banned = forbidPackages.find((p) => p.re.test(name));
      if (banned) context.report({ node, messageId: 'package', data: { from, name, why: banned.message } });
    }

    function check(node, specifier, typeOnly) {
      const bare = specifier.replace(/[?#].*$/, '');
      if (NODE_BUILTINS.has(packageName(bare))) {
        checkPackage(node, bare, typeOnly);
        return;
      }
      // `#name` is a package.json subpath import: an alias the rule cannot place in a layer.
      if (specifier.startsWith('#') || bare.startsWith('/') || /^[a-z]+:/i.test(bare)) {
        context.report({ node, messageId: 'absolute', data: { specifier } });
        return;
      }
      if (!bare.startsWith('.')) {
        checkPackage(node, bare, typeOnly);
        return;
      }
      const target = path.resolve(path.dirname(file), bare);
      const inSrc = path.relative(srcDir, target);
      const to = inSrc.split(path.sep)[0];
      if (inSrc === '' || inSrc.startsWith('..') || path.isAbsolute(inSrc) || GLOB_CHARS.test(to)) {
        context.report({ node, messageId: 'outside', data: { from, specifier, allowed: allowedText } });
        return;
      }
      if (!allowed.includes(to)) {
        context.report({
          node,
          messageId: layers[to] ? 'layer' : 'outside',
          data: { from, to, specifier, allowed: allowedText, order },
        });
        return;
      }
      if (typeOnly) return;
      const posix = inSrc.split(path.sep).join('/');
      for (const r of restrictedPaths) {
        if (posix === r.path || posix.startsWith(`${r.path}/`) || posix.startsWith(`${r.path}.`)) {
          context.report({ node, messageId: 'restrictedPath', data: { from, specifier, why: r.message } });
          return;
        }
      }
    }

    function checkSource(node, source, typeOnly, form) {
      const specifier = staticString(source);
      if (specifier === undefined) {
        context.report({ node, messageId: 'dynamic', data: { form } });
        return;
      }
      check(source, specifier, typeOnly);
    }

    // `import { type A } from 'm'` keeps `import {} from 'm'` under verbatimModuleSyntax (tsconfig),
    // so only a declaration-level `import type` / `export type` counts as loading nothing.
    return {
      ImportDeclaration(node) {
        checkSource(node, node.source, node.importKind === 'type', 'import');
      },
      ExportNamedDeclaration(node) {
        if (node.source) checkSource(node, node.source, node.exportKind === 'type', 'export … from');
      },
      ExportAllDeclaration(node) {
        checkSource(node, node.source, node.exportKind === 'type', 'export * from');
      },
      ImportExpression(node) {
        checkSource(node, node.source, false, 'import()');
      },
      TSImportType(node) {
        // `typeof import('…')` in a type: the typescript-eslint AST names it `argument` (a literal
        // type) up to v8 and `source` after.
        const arg = node.source ?? node.argument;
        checkSource(node, arg?.type === 'TSLiteralType' ? arg.literal : arg, true, 'import type()');
      },
      TSExternalModuleReference(node) {
        checkSource(node, node.expression, node.parent?.importKind === 'type', 'import = require()');
      },
      CallExpression(node) {
        const callee = node.callee;
        if (callee.type === 'Identifier' && callee.name === 'require') {
          checkSource(node, node.arguments[0], false, 'require()');
        } else if (
          callee.type === 'MemberExpression' &&
          isImportMeta(callee.object) &&
          callee.property.type === 'Identifier' &&
          callee.property.name === 'glob'
        ) {
          // Vite's import.meta.glob takes one pattern or a list; `!` excludes.
          const arg = node.arguments[0];
          const patterns = arg?.type === 'ArrayExpression' ? arg.elements : [arg];
          for (const p of patterns) {
            const text = staticString(p);
            if (text === undefined)
              context.report({ node, messageId: 'dynamic', data: { form: 'import.meta.glob' } });
            else if (!text.startsWith('!')) check(p, text, false);
          }
        }
      },
      NewExpression(node) {
        // `new URL('./x.ts', import.meta.url)` is how Vite bundles a worker or an asset.
        if (node.callee.type !== 'Identifier' || node.callee.name !== 'URL') return;
        const base = node.arguments[1];
        if (base?.type !== 'MemberExpression' || !isImportMeta(base.object)) return;
        checkSource(node, node.arguments[0], false, 'new URL(…, import.meta.url)');
      },
      Program() {
        for (const comment of context.sourceCode.getAllComments()) {
          const m =
            comment.type === 'Line' && /^\/\s*<reference\s+path\s*=\s*["']([^"']+)["']/.exec(comment.value);
          // A reference path is relative to the file even without a leading `./`.
          if (m) check(comment, /^[./]/.test(m[1]) ? m[1] : `./${m[1]}`, true);
        }
      },
    };
  },
};

export default { rules: { layers: layersRule } };
