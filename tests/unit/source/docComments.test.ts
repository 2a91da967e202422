// A doc comment opens with the name of what it documents ("parseQuantity reads …"), the style of
// this code base and of the Go source it follows. When a function is renamed and its comment is
// not, the comment names something that no longer exists; this test finds those.
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const ROOT = join(import.meta.dirname, '../../..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(e.name) && !e.name.endsWith('.d.ts') ? [path] : [];
  });
}

// Only words that can be nothing but identifiers: camelCase or PascalCase with an inner capital.
const IDENTIFIER = /^[A-Za-z_$][a-z0-9_$]*[A-Z][\w$]*$/;

function declaredName(node: ts.Node): string | undefined {
  if (
    ts.isFunctionDeclaration(node) ||
    ts.isClassDeclaration(node) ||
    ts.isInterfaceDeclaration(node) ||
    ts.isTypeAliasDeclaration(node) ||
    ts.isEnumDeclaration(node) ||
    ts.isMethodDeclaration(node) ||
    ts.isGetAccessorDeclaration(node)
  )
    return node.name && (ts.isIdentifier(node.name) ? node.name.text : undefined);
  if (ts.isVariableStatement(node) && node.declarationList.declarations.length === 1) {
    const name = node.declarationList.declarations[0]!.name;
    return ts.isIdentifier(name) ? name.text : undefined;
  }
  return undefined;
}

/** mismatches lists `file:line: comment names X, declaration is Y` for one file. */
function mismatches(path: string, text = readFileSync(path, 'utf8')): string[] {
  const file = ts.createSourceFile(path, text, ts.ScriptTarget.Latest, true);
  const out: string[] = [];
  const visit = (node: ts.Node) => {
    const name = declaredName(node);
    if (name) {
      for (const doc of ts.getJSDocCommentsAndTags(node).filter(ts.isJSDoc)) {
        const comment = ts.getTextOfJSDocComment(doc.comment) ?? '';
        const first = /^[\w$]+/.exec(comment.trim())?.[0];
        if (first && IDENTIFIER.test(first) && first !== name) {
          const line = file.getLineAndCharacterOfPosition(doc.getStart()).line + 1;
          out.push(`${relative(ROOT, path)}:${line}: comment names ${first}, declaration is ${name}`);
        }
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return out;
}

describe('source · doc comments name what they document', () => {
  it('every doc comment that opens with an identifier opens with the declaration’s own name', () => {
    const found = sourceFiles(join(ROOT, 'src')).flatMap((path) => mismatches(path));
    expect(found).toEqual([]);
  });

  it.each([
    {
      name: 'a comment left behind by a rename is reported',
      text: '/** oldName returns one. */\nexport function newName(): number {\n  return 1;\n}\n',
      want: ['probe.ts:1: comment names oldName, declaration is newName'],
    },
    {
      name: 'a doc comment parted from its function by another declaration is reported',
      text: '/** makeThing builds it. */\nconst CACHE = new Map();\nexport function makeThing() {\n  return CACHE;\n}\n',
      want: ['probe.ts:1: comment names makeThing, declaration is CACHE'],
    },
    {
      name: 'a method keeps its own name',
      text: 'class A {\n  /** isReady tells. */\n  isReady(): boolean {\n    return true;\n  }\n}\n',
      want: [],
    },
    {
      name: 'prose and upstream names in the middle are not names',
      text: '/** The pods, as getNodesToDaemonPods groups them. */\nexport const podsByNode = new Map();\n',
      want: [],
    },
  ])('$name', ({ text, want }) => {
    expect(mismatches(join(ROOT, 'probe.ts'), text)).toEqual(want);
  });
});
