import { describe, expect, it } from 'vitest';
import type { ObjectMeta } from '../../../../src/engine/api/types';
import {
  duplicate,
  forbidden,
  formatFieldError,
  formatInvalid,
  formatStatusMessage,
  invalid,
  notSupported,
  required,
  stringer,
  tooLong,
} from '../../../../src/engine/validation/fieldErrors';
import { validateObjectMeta } from '../../../../src/engine/validation/objectMeta';
import { nameIsDNSSubdomain } from '../../../../src/engine/validation/content';

describe('field errors read as the API server prints them (field/errors.go ErrorBody)', () => {
  const cases = [
    {
      name: 'Unsupported value quotes the value and lists the supported ones',
      error: notSupported('spec.template.spec.restartPolicy', 'OnFailure', ['Always']),
      text: 'spec.template.spec.restartPolicy: Unsupported value: "OnFailure": supported values: "Always"',
    },
    {
      name: 'Invalid value prints maps as JSON',
      error: invalid(
        'spec.template.metadata.labels',
        { app: 'b' },
        '`selector` does not match template `labels`',
      ),
      text: 'spec.template.metadata.labels: Invalid value: {"app":"b"}: `selector` does not match template `labels`',
    },
    {
      name: 'Invalid value prints numbers plainly',
      error: invalid('spec.replicas', -1, 'must be greater than or equal to 0'),
      text: 'spec.replicas: Invalid value: -1: must be greater than or equal to 0',
    },
    {
      name: 'Stringer values (IntOrString) print unquoted',
      error: invalid('x', stringer('110%'), 'too big'),
      text: 'x: Invalid value: 110%: too big',
    },
    { name: 'nil prints as null', error: invalid('x', null, 'bad'), text: 'x: Invalid value: null: bad' },
    {
      name: 'Required value never prints the value',
      error: required('spec.selector'),
      text: 'spec.selector: Required value',
    },
    {
      name: 'Required value with a detail',
      error: required('x', 'cannot be 0'),
      text: 'x: Required value: cannot be 0',
    },
    {
      name: 'Forbidden prints only its detail',
      error: forbidden('metadata.namespace', 'not allowed on this type'),
      text: 'metadata.namespace: Forbidden: not allowed on this type',
    },
    {
      name: 'Duplicate value quotes the value',
      error: duplicate('spec.containers[1].name', 'a'),
      text: 'spec.containers[1].name: Duplicate value: "a"',
    },
    {
      name: 'Too long names the limit',
      error: tooLong('metadata.annotations', 262144),
      text: 'metadata.annotations: Too long: must have at most 262144 bytes',
    },
  ];
  it.each(cases)('$name', ({ error, text }) => {
    expect(formatFieldError(error)).toBe(text);
  });
});

describe('an Invalid status as kubectl and the API server print it', () => {
  const one = [required('spec.selector')];
  const two = [
    required('spec.selector'),
    notSupported('spec.template.spec.restartPolicy', 'Never', ['Always']),
  ];

  it('kubectl prints one error on the same line', () => {
    expect(formatInvalid('DaemonSet', 'x', one)).toBe(
      'The DaemonSet "x" is invalid: spec.selector: Required value',
    );
  });

  it('kubectl prints several errors as a bulleted list (MultilineError)', () => {
    expect(formatInvalid('DaemonSet', 'x', two)).toBe(
      'The DaemonSet "x" is invalid: \n* spec.selector: Required value\n* spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"',
    );
  });

  it('the API server joins several errors in brackets (Status.message)', () => {
    expect(formatStatusMessage('DaemonSet', 'apps', 'x', two)).toBe(
      'DaemonSet.apps "x" is invalid: [spec.selector: Required value, spec.template.spec.restartPolicy: Unsupported value: "Never": supported values: "Always"]',
    );
  });

  it('drops repeated errors, as ErrorList.ToAggregate does', () => {
    expect(formatInvalid('Node', 'n', [...one, ...one])).toBe(
      'The Node "n" is invalid: spec.selector: Required value',
    );
  });
});

describe('object metadata (ValidateObjectMetaAccessor)', () => {
  const cases: { name: string; meta: Partial<ObjectMeta>; errors: string[] }[] = [
    {
      name: 'requires a name',
      meta: { namespace: 'default' },
      errors: ['metadata.name: Required value: name or generateName is required'],
    },
    {
      name: 'requires a namespace on namespaced kinds',
      meta: { name: 'a' },
      errors: ['metadata.namespace: Required value'],
    },
    {
      name: 'a namespace must be a DNS label',
      meta: { name: 'a', namespace: 'kube.system' },
      errors: ['metadata.namespace: Invalid value: "kube.system": must not contain dots'],
    },
    {
      name: 'label keys must be qualified names',
      meta: { name: 'a', namespace: 'default', labels: { 'bad key': 'x' } },
      errors: [
        `metadata.labels: Invalid value: "bad key": name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`,
      ],
    },
    {
      name: 'label values are at most 63 characters',
      meta: { name: 'a', namespace: 'default', labels: { k: 'v'.repeat(64) } },
      errors: [`metadata.labels: Invalid value: "${'v'.repeat(64)}": must be no more than 63 characters`],
    },
    {
      name: 'annotation keys may be upper case',
      meta: { name: 'a', namespace: 'default', annotations: { 'Example.com/Owner': 'me' } },
      errors: [],
    },
  ];
  it.each(cases)('$name', ({ meta, errors }) => {
    expect(validateObjectMeta(meta, true, nameIsDNSSubdomain).map(formatFieldError)).toEqual(errors);
  });
});
