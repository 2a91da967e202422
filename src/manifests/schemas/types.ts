// The shape of the generated JSON schemas (JSON Schema draft-07, the dialect monaco-yaml's
// yaml-language-server speaks), as far as the generator writes it and explain reads it.

/** GroupVersionKind names the API kind a root definition describes, as OpenAPI's x-kubernetes-group-version-kind does. */
export interface GroupVersionKind {
  group: string;
  version: string;
  kind: string;
}

/** JsonSchema is one schema node: a definition, a property or an array item. */
export interface JsonSchema {
  $ref?: string;
  description?: string;
  type?: string | string[];
  format?: string;
  enum?: (string | number | boolean)[];
  const?: string | number | boolean;
  pattern?: string;
  /** patternErrorMessage replaces yaml-language-server's "does not match the pattern" message. */
  patternErrorMessage?: string;
  minimum?: number;
  properties?: Record<string, JsonSchema>;
  required?: string[];
  additionalProperties?: JsonSchema | boolean;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  allOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  not?: JsonSchema;
  if?: JsonSchema;
  then?: JsonSchema;
  dependencies?: Record<string, string[]>;
  defaultSnippets?: { label?: string; description?: string; body: unknown }[];
  'x-kubernetes-group-version-kind'?: GroupVersionKind[];
  'x-kubernetes-int-or-string'?: boolean;
}

/** ManifestSchema is a generated file: a root schema plus the definitions its refs point into. */
export interface ManifestSchema extends JsonSchema {
  $schema: string;
  $comment: string;
  /** title names the file's kind; the combined schema has none, as yaml-language-server would print it atop every hover. */
  title?: string;
  definitions: Record<string, JsonSchema>;
}

/**
 * FieldIndex is the generated fields.json: each API kind's root struct, and for every struct its
 * JSON field names, each naming the struct the field (or each element of its list) holds, or ''
 * for a scalar, a map of scalars or free-form data.
 */
export interface FieldIndex {
  $comment: string;
  kinds: Record<string, string>;
  structs: Record<string, Record<string, string>>;
}
