// Namespace and ConfigMap validation, after pkg/apis/core/validation/validation.go
// (ValidateNamespace, ValidateConfigMap) and apimachinery's IsConfigMapKey.
import type { ConfigMap, Namespace } from '../api/types';
import { maxLenError, nameIsDNSLabel, nameIsDNSSubdomain, regexError } from './content';
import type { FieldError } from './fieldErrors';
import { forbidden, invalid, keyPath, tooLong } from './fieldErrors';
import { validateObjectMeta, validateObjectMetaUpdate } from './objectMeta';

/** validateNamespace: a namespace's name is a DNS label (ValidateNamespaceName). */
export function validateNamespace(ns: Namespace): FieldError[] {
  return validateObjectMeta(ns.metadata, false, nameIsDNSLabel);
}

/** validateNamespaceUpdate: only metadata rules apply to the playground's namespaces. */
export function validateNamespaceUpdate(ns: Namespace, old: Namespace): FieldError[] {
  return validateObjectMetaUpdate(ns.metadata, old.metadata);
}

const CONFIG_KEY_FMT = '[-._a-zA-Z0-9]+';
const CONFIG_KEY = new RegExp(`^${CONFIG_KEY_FMT}$`);
const CONFIG_KEY_MSG = "a valid config key must consist of alphanumeric characters, '-', '_' or '.'";
// corev1.MaxSecretSize: a ConfigMap's data and binaryData together may not pass 1 MiB.
const MAX_CONFIG_MAP_BYTES = 1024 * 1024;

/** isConfigMapKey is validation.IsConfigMapKey: the key becomes a file name in a volume. */
export function isConfigMapKey(key: string): string[] {
  const errs: string[] = [];
  if (key.length > 253) errs.push(maxLenError(253));
  if (!CONFIG_KEY.test(key))
    errs.push(regexError(CONFIG_KEY_MSG, CONFIG_KEY_FMT, 'key.name', 'KEY_NAME', 'key-name'));
  if (key === '.') errs.push(`must not be '.'`);
  else if (key === '..') errs.push(`must not be '..'`);
  else if (key.startsWith('..')) errs.push(`must not start with '..'`);
  return errs;
}

// The size limit counts bytes as Go's len(string) does: UTF-8.
function utf8Length(text: string): number {
  let n = 0;
  for (const ch of text) {
    const c = ch.codePointAt(0) ?? 0;
    n += c < 0x80 ? 1 : c < 0x800 ? 2 : c < 0x10000 ? 3 : 4;
  }
  return n;
}

/** validateConfigMap checks the name, every key, keys shared by data and binaryData, and the size. */
export function validateConfigMap(cm: ConfigMap): FieldError[] {
  const errs = validateObjectMeta(cm.metadata, true, nameIsDNSSubdomain);
  let size = 0;
  for (const [key, value] of Object.entries(cm.data ?? {})) {
    size += key.length + utf8Length(value);
    for (const msg of isConfigMapKey(key)) errs.push(invalid(keyPath('data', key), key, msg));
  }
  for (const [key, value] of Object.entries(cm.binaryData ?? {})) {
    size += key.length + Math.floor((value.length * 3) / 4);
    for (const msg of isConfigMapKey(key)) errs.push(invalid(keyPath('binaryData', key), key, msg));
    if (cm.data && key in cm.data)
      errs.push(invalid(keyPath('data', key), key, 'duplicate of key present in binaryData'));
  }
  if (size > MAX_CONFIG_MAP_BYTES) errs.push(tooLong('', MAX_CONFIG_MAP_BYTES));
  return errs;
}

/** validateConfigMapUpdate: an immutable ConfigMap keeps its data (ValidateConfigMapUpdate). */
export function validateConfigMapUpdate(cm: ConfigMap, old: ConfigMap): FieldError[] {
  const errs = validateObjectMetaUpdate(cm.metadata, old.metadata);
  if (old.immutable === true) {
    const why = 'field is immutable when `immutable` is set';
    if (cm.immutable !== true) errs.push(forbidden('immutable', why));
    if (JSON.stringify(cm.data ?? {}) !== JSON.stringify(old.data ?? {})) errs.push(forbidden('data', why));
  }
  return [...errs, ...validateConfigMap(cm)];
}
