// The editor validates with the generated schema: every gallery file (lessons included) must pass
// it, or the editor would mark valid lines; and the schema flags a check that is not `kubectl get`.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Ajv from 'ajv';
import { describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { GALLERY } from '../../../src/scenario/gallery';
import { galleryText } from './galleryFiles';

const schemaPath = join(resolve(import.meta.dirname, '../../..'), 'src/manifests/schemas/manifest.json');
const validate = new Ajv({ allErrors: true }).compile(JSON.parse(readFileSync(schemaPath, 'utf8')) as object);

function schemaErrors(text: string): string[] {
  return parseAllDocuments(text).flatMap((doc) => {
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) return [];
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.dataPath} ${e.message ?? ''}`);
  });
}

const lessonScenario = (check: string) => `apiVersion: playground/v1
kind: Scenario
metadata: { name: t }
spec:
  lesson:
    tasks:
      - title: T
        hints: [a]
        check:
${check.replace(/^/gm, '          ')}
`;

describe('the generated schema and the gallery', () => {
  it.each(GALLERY.map((e) => [e.name] as const))('%s passes the editor schema', (name) => {
    expect(schemaErrors(galleryText(name))).toEqual([]);
  });

  it('accepts the check language: kubectl get with expect, all, any, not', () => {
    expect(
      schemaErrors(
        lessonScenario(`all:
  - kubectl: -n kube-system get ds fluentd -o name
    expect: { equals: daemonset.apps/fluentd, lines: ">= 1" }
  - not: { kubectl: get pods, expect: { empty: true, error: false } }
  - any: [{ kubectl: get nodes, expect: { lines: 3 } }]`),
      ),
    ).toEqual([]);
  });

  it('flags a check that is not kubectl get, and an unknown expectation', () => {
    expect(schemaErrors(lessonScenario('kubectl: delete ds fluentd'))).toContainEqual(
      expect.stringContaining('.spec.lesson.tasks[0].check.kubectl should match pattern'),
    );
    expect(schemaErrors(lessonScenario('kubectl: get pods\nexpect: { colour: blue }'))).toContainEqual(
      expect.stringContaining('should NOT have additional properties'),
    );
  });
});
