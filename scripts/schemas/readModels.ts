// Reads the Kubernetes API definitions out of the `kubernetes-models` type declarations.
//
// Why this package: its .d.ts files are generated from the Kubernetes OpenAPI spec and keep
// every field's description verbatim (the text `kubectl explain` prints, enum lists included),
// enums as string-literal unions and required fields as non-optional properties. Nothing else
// on the npm registry ships the spec with descriptions (kubernetes-types drops the enums).
// We only parse the declarations; no code from the package runs.
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import ts from 'typescript';
import type { GroupVersionKind, JsonSchema } from '../../src/manifests/schemas/types';

const nodeModules = resolve(import.meta.dirname, '../../node_modules');

/** Definitions maps an OpenAPI definition name (io.k8s.api.core.v1.Pod) to its schema. */
export type Definitions = Map<string, JsonSchema>;

/** modelFile is where kubernetes-models declares an API group/version's kind. */
export function modelFile(group: string, version: string, kind: string): string {
  return join(nodeModules, 'kubernetes-models', group === '' ? '' : group, version, `${kind}.d.ts`);
}

/** readDefinitions parses root files and every declaration they reach, and returns the definition names of the roots. */
export function readDefinitions(roots: string[], into: Definitions): string[] {
  return roots.map((file) => visit(file, into));
}

// definitionName turns a declaration file's path into its OpenAPI definition name, which is
// what kubectl explain prints as a type (`<PodSpec>`) and what the JSON refs point at.
function definitionName(file: string): string {
  const rel = relative(nodeModules, file)
    .split(sep)
    .join('/')
    .replace(/\.d\.ts$/, '');
  const api = /^kubernetes-models\/(?:(.+)\/)?(v[^/]+)\/([^/]+)$/.exec(rel);
  if (api) {
    const group = (api[1] ?? 'core').replace(/\.k8s\.io$/, '');
    return `io.k8s.api.${group}.${api[2]}.${api[3]}`;
  }
  const machinery = /^@kubernetes-models\/apimachinery\/(.+)$/.exec(rel);
  if (machinery?.[1]) return `io.k8s.apimachinery.pkg.${machinery[1].split('/').join('.')}`;
  throw new Error(`no definition name for ${rel}`);
}

function visit(file: string, into: Definitions): string {
  const name = definitionName(file);
  if (into.has(name)) return name;
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const imports = importedFiles(source);
  // Reserve the name first: definitions may reach themselves (none do today, but the walk must end).
  into.set(name, {});
  const decl = mainDeclaration(source);
  const ref = (typeName: string): JsonSchema => {
    const target = imports.get(typeName);
    if (!target) throw new Error(`${file}: unresolved type ${typeName}`);
    return { $ref: `#/definitions/${visit(target, into)}` };
  };
  into.set(name, declarationSchema(decl, source, ref));
  return name;
}

function importedFiles(source: ts.SourceFile): Map<string, string> {
  const files = new Map<string, string>();
  for (const stmt of source.statements) {
    if (!ts.isImportDeclaration(stmt) || !ts.isStringLiteral(stmt.moduleSpecifier)) continue;
    const spec = stmt.moduleSpecifier.text.replace(/\.js$/, '');
    const file = spec.startsWith('.')
      ? resolve(dirname(source.fileName), `${spec}.d.ts`)
      : join(nodeModules, `${spec}.d.ts`);
    const bindings = stmt.importClause?.namedBindings;
    if (!bindings || !ts.isNamedImports(bindings)) continue;
    for (const el of bindings.elements) if (existsSync(file)) files.set(el.name.text, file);
  }
  return files;
}

// The file's subject is the declaration it re-exports under its OpenAPI-derived alias:
// `export type { IPodSpec as IIoK8sApiCoreV1PodSpec, ... }`.
function mainDeclaration(source: ts.SourceFile): ts.InterfaceDeclaration | ts.TypeAliasDeclaration {
  let local: string | undefined;
  for (const stmt of source.statements) {
    if (!ts.isExportDeclaration(stmt) || !stmt.exportClause || !ts.isNamedExports(stmt.exportClause))
      continue;
    const first = stmt.exportClause.elements[0];
    if (first?.propertyName && /^IIoK8s/.test(first.name.text)) local = first.propertyName.text;
  }
  for (const stmt of source.statements) {
    if ((ts.isInterfaceDeclaration(stmt) || ts.isTypeAliasDeclaration(stmt)) && stmt.name.text === local) {
      return stmt;
    }
  }
  throw new Error(`${source.fileName}: no main declaration`);
}

/** docComment returns a node's JSDoc text with the comment markers removed and line breaks kept. */
function docComment(node: ts.Node, source: ts.SourceFile): string | undefined {
  const ranges = ts.getLeadingCommentRanges(source.text, node.getFullStart()) ?? [];
  const last = ranges.at(-1);
  if (!last || !source.text.startsWith('/**', last.pos)) return undefined;
  const lines = source.text
    .slice(last.pos + 3, last.end - 2)
    .split('\n')
    .map((line) => line.replace(/^\s*\* ?/, '').trimEnd());
  while (lines[0] === '') lines.shift();
  while (lines.at(-1) === '') lines.pop();
  return lines.length > 0 ? lines.join('\n') : undefined;
}

type RefTo = (typeName: string) => JsonSchema;

function declarationSchema(
  decl: ts.InterfaceDeclaration | ts.TypeAliasDeclaration,
  source: ts.SourceFile,
  ref: RefTo,
): JsonSchema {
  const description = docComment(decl, source);
  const base: JsonSchema = description === undefined ? {} : { description };
  if (ts.isTypeAliasDeclaration(decl)) return { ...base, ...aliasSchema(decl) };
  return membersSchema(decl.members, source, ref, base);
}

/** membersSchema is the object schema of an interface's members, or of an inline type literal's. */
function membersSchema(
  members: ts.NodeArray<ts.TypeElement>,
  source: ts.SourceFile,
  ref: RefTo,
  base: JsonSchema,
): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  const required: string[] = [];
  let gvk: Partial<GroupVersionKind> = {};
  for (const member of members) {
    if (!ts.isPropertySignature(member) || !member.type) continue;
    const key = ts.isStringLiteral(member.name) || ts.isIdentifier(member.name) ? member.name.text : '';
    // kubernetes-models makes apiVersion/kind required string literals; the API has them as
    // optional strings (TypeMeta), which is what explain must print.
    if ((key === 'apiVersion' || key === 'kind') && ts.isLiteralTypeNode(member.type)) {
      const literal = (member.type.literal as ts.StringLiteral).text;
      gvk = key === 'kind' ? { ...gvk, kind: literal } : { ...gvk, ...splitApiVersion(literal) };
      properties[key] = { description: typeMetaDescription[key], type: 'string' };
      continue;
    }
    const fieldDoc = docComment(member, source);
    properties[key] = {
      ...(fieldDoc === undefined ? {} : { description: fieldDoc }),
      ...typeSchema(member.type, ref),
    };
    if (!member.questionToken) required.push(key);
  }
  const schema: JsonSchema = { ...base, type: 'object' };
  if (gvk.kind !== undefined && gvk.version !== undefined) {
    schema['x-kubernetes-group-version-kind'] = [
      { group: gvk.group ?? '', kind: gvk.kind, version: gvk.version },
    ];
  }
  if (Object.keys(properties).length === 0) return schema;
  schema.properties = sortKeys(properties);
  if (required.length > 0) schema.required = required.sort();
  // The API server rejects unknown fields (kubectl's default --validate=strict), so the editor flags them too.
  schema.additionalProperties = false;
  return schema;
}

// Scalar aliases: Time, Quantity, IntOrString, MicroTime. Shaped as the OpenAPI v3 spec has them,
// so that explain prints `<Quantity>` / `<IntOrString>` but `<string>` for times.
function aliasSchema(decl: ts.TypeAliasDeclaration): JsonSchema {
  const name = decl.name.text;
  if (name === 'IQuantity') return { anyOf: [{ type: 'string' }, { type: 'number' }] };
  if (name === 'IIntOrString') {
    return { anyOf: [{ type: 'integer' }, { type: 'string' }], 'x-kubernetes-int-or-string': true };
  }
  if (decl.type.kind === ts.SyntaxKind.StringKeyword) {
    // `kubectl get -o yaml` prints `creationTimestamp: null` in pod templates: accept it.
    return { type: ['string', 'null'], format: 'date-time' };
  }
  throw new Error(`unsupported alias ${name}`);
}

function typeSchema(node: ts.TypeNode, ref: RefTo): JsonSchema {
  switch (node.kind) {
    case ts.SyntaxKind.StringKeyword:
      return { type: 'string' };
    // The Kubernetes API has no floating-point fields (API conventions), so numbers are integers.
    case ts.SyntaxKind.NumberKeyword:
      return { type: 'integer' };
    case ts.SyntaxKind.BooleanKeyword:
      return { type: 'boolean' };
    case ts.SyntaxKind.AnyKeyword:
    case ts.SyntaxKind.UnknownKeyword:
      return {};
  }
  if (ts.isArrayTypeNode(node)) return { type: 'array', items: typeSchema(node.elementType, ref) };
  if (ts.isUnionTypeNode(node) || ts.isLiteralTypeNode(node)) {
    const members = ts.isUnionTypeNode(node) ? node.types : [node];
    const values = members.map((t) =>
      ts.isLiteralTypeNode(t) && ts.isStringLiteral(t.literal) ? t.literal.text : null,
    );
    if (values.every((v): v is string => v !== null)) return { type: 'string', enum: values };
  }
  if (ts.isTypeReferenceNode(node) && ts.isIdentifier(node.typeName)) {
    const arg = node.typeArguments?.[0];
    if (node.typeName.text === 'Array' && arg) return { type: 'array', items: typeSchema(arg, ref) };
    return ref(node.typeName.text);
  }
  if (ts.isTypeLiteralNode(node)) {
    const index = node.members.find(ts.isIndexSignatureDeclaration);
    if (index) return { type: 'object', additionalProperties: typeSchema(index.type, ref) };
    if (node.members.length === 0) return { type: 'object' };
    // An inline object: StatefulSetSpec.volumeClaimTemplates holds PersistentVolumeClaims this way.
    return membersSchema(node.members, node.getSourceFile(), ref, {});
  }
  throw new Error(`unsupported type node ${ts.SyntaxKind[node.kind]}: ${node.getText()}`);
}

function splitApiVersion(apiVersion: string): { group: string; version: string } {
  const slash = apiVersion.lastIndexOf('/');
  return slash < 0
    ? { group: '', version: apiVersion }
    : { group: apiVersion.slice(0, slash), version: apiVersion.slice(slash + 1) };
}

function sortKeys<T>(record: Record<string, T>): Record<string, T> {
  return Object.fromEntries(Object.entries(record).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

// TypeMeta's field documentation. kubernetes-models declares apiVersion/kind on each kind without
// it, so it is read once from a kind that spells it out (meta/v1 Status) in the same package.
const typeMetaDescription = (() => {
  const file = join(nodeModules, '@kubernetes-models/apimachinery/apis/meta/v1/Status.d.ts');
  const source = ts.createSourceFile(file, readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Record<string, string> = {};
  source.forEachChild(function walk(node) {
    if (ts.isPropertySignature(node) && ts.isStringLiteral(node.name)) {
      const doc = docComment(node, source);
      if (doc) found[node.name.text] = doc;
    }
    node.forEachChild(walk);
  });
  const { apiVersion, kind } = found;
  if (!apiVersion || !kind) throw new Error('TypeMeta descriptions not found in meta/v1 Status');
  return { apiVersion, kind };
})();
