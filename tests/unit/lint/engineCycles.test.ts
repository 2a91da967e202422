// The engine's folders depend one way: a controller folder may use api/, predicates/, another
// controller's helpers, but never in a circle (kubelet/ and nodelifecycle/ once imported each
// other). Imports are read with TypeScript's own pre-processor, type-only ones included.
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const engine = fileURLToPath(new URL('../../../src/engine', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? sourceFiles(join(dir, e.name)) : /\.tsx?$/.test(e.name) ? [join(dir, e.name)] : [],
  );
}

function resolveImport(from: string, spec: string): string | undefined {
  const base = resolve(dirname(from), spec);
  return [`${base}.ts`, `${base}.tsx`, join(base, 'index.ts'), base].find(
    (c) => existsSync(c) && statSync(c).isFile(),
  );
}

/** folderGraph maps each engine folder to the other engine folders its files import. */
function folderGraph(): Map<string, Set<string>> {
  const graph = new Map<string, Set<string>>();
  for (const file of sourceFiles(engine)) {
    const folder = relative(engine, dirname(file)) || '.';
    const deps = graph.get(folder) ?? new Set<string>();
    graph.set(folder, deps);
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    for (const { fileName } of importedFiles) {
      if (!fileName.startsWith('.')) continue;
      const target = resolveImport(file, fileName);
      const to = target && (relative(engine, dirname(target)) || '.');
      if (to !== undefined && to !== folder) deps.add(to);
    }
  }
  return graph;
}

/** cycles lists each circle of folders once, as the path that closes it. */
function cycles(graph: Map<string, Set<string>>): string[] {
  const found: string[] = [];
  const state = new Map<string, 'open' | 'done'>();
  const path: string[] = [];
  const visit = (node: string) => {
    state.set(node, 'open');
    path.push(node);
    for (const next of graph.get(node) ?? []) {
      if (state.get(next) === 'open') found.push([...path.slice(path.indexOf(next)), next].join(' → '));
      else if (!state.has(next)) visit(next);
    }
    path.pop();
    state.set(node, 'done');
  };
  for (const node of [...graph.keys()].sort()) if (!state.has(node)) visit(node);
  return found;
}

describe('engine import graph', () => {
  it('sees the imports it checks (the kubelet uses api/ and the controller base)', () => {
    const graph = folderGraph();
    expect([...(graph.get('controllers/kubelet') ?? [])].sort()).toEqual(
      expect.arrayContaining(['api', 'controllers']),
    );
  });

  it('has no cycle between folders (kubelet ↔ nodelifecycle included)', () => {
    expect(cycles(folderGraph())).toEqual([]);
  });

  it('finds a cycle when there is one', () => {
    const graph = new Map([
      ['a', new Set(['b'])],
      ['b', new Set(['a'])],
    ]);
    expect(cycles(graph)).toEqual(['a → b → a']);
  });
});
