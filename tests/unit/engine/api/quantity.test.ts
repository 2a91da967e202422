import { describe, expect, it } from 'vitest';
import {
  canonicalQuantity,
  formatBytes,
  formatCpu,
  formatQuantity,
  parseQuantity,
  toMilli,
} from '../../../../src/engine/api/quantity';
import type { QuantityFormat } from '../../../../src/engine/api/quantity';

describe('parseQuantity', () => {
  // Cases after quantity_test.go TestQuantityParse: decimal SI, binary SI and exponent forms.
  const cases: {
    name: string;
    text: string | number;
    value: number;
    milli: number;
    int: number;
    format: QuantityFormat;
  }[] = [
    { name: 'millicores', text: '100m', value: 0.1, milli: 100, int: 1, format: 'DecimalSI' },
    { name: 'whole cores', text: '2', value: 2, milli: 2000, int: 2, format: 'DecimalSI' },
    { name: 'a decimal fraction', text: '1.5', value: 1.5, milli: 1500, int: 2, format: 'DecimalSI' },
    { name: 'a leading dot', text: '.5', value: 0.5, milli: 500, int: 1, format: 'DecimalSI' },
    {
      name: 'gibibytes',
      text: '8Gi',
      value: 8 * 2 ** 30,
      milli: 8 * 2 ** 30 * 1000,
      int: 8 * 2 ** 30,
      format: 'BinarySI',
    },
    {
      name: 'mebibytes',
      text: '512Mi',
      value: 512 * 2 ** 20,
      milli: 512 * 2 ** 20 * 1000,
      int: 512 * 2 ** 20,
      format: 'BinarySI',
    },
    {
      name: 'a fractional binary suffix',
      text: '1.5Gi',
      value: 1610612736,
      milli: 1610612736000,
      int: 1610612736,
      format: 'BinarySI',
    },
    { name: 'an exponent', text: '1e3', value: 1000, milli: 1e6, int: 1000, format: 'DecimalExponent' },
    { name: 'a capital exponent', text: '5E-3', value: 0.005, milli: 5, int: 1, format: 'DecimalExponent' },
    { name: 'kilo (lower-case k)', text: '1k', value: 1000, milli: 1e6, int: 1000, format: 'DecimalSI' },
    {
      name: 'mega (capital M, not milli)',
      text: '1M',
      value: 1e6,
      milli: 1e9,
      int: 1e6,
      format: 'DecimalSI',
    },
    { name: 'exa (capital E alone)', text: '1E', value: 1e18, milli: 1e21, int: 1e18, format: 'DecimalSI' },
    { name: 'nano rounds up to one milli', text: '1n', value: 1e-9, milli: 1, int: 1, format: 'DecimalSI' },
    {
      name: 'a sub-milli cpu rounds up like MilliValue',
      text: '0.1m',
      value: 0.0001,
      milli: 1,
      int: 1,
      format: 'DecimalSI',
    },
    { name: 'a YAML number', text: 0.25, value: 0.25, milli: 250, int: 1, format: 'DecimalSI' },
    { name: 'zero', text: '0', value: 0, milli: 0, int: 0, format: 'DecimalSI' },
    { name: 'an explicit plus sign', text: '+3', value: 3, milli: 3000, int: 3, format: 'DecimalSI' },
    { name: 'decimal memory', text: '50M', value: 5e7, milli: 5e10, int: 5e7, format: 'DecimalSI' },
  ];
  it.each(cases)('parses $name ($text)', ({ text, value, milli, int, format }) => {
    const q = parseQuantity(text);
    expect(q.ok).toBe(true);
    if (!q.ok) return;
    expect(q.value).toBeCloseTo(value, 12);
    expect(q.milliValue).toBe(milli);
    expect(q.intValue).toBe(int);
    expect(q.format).toBe(format);
  });

  const invalid: { name: string; text: string; mentions: string }[] = [
    { name: 'an empty string', text: '', mentions: 'regular expression' },
    { name: 'a word', text: 'abc', mentions: 'regular expression' },
    { name: 'a unit name instead of a suffix', text: '1GB', mentions: 'unknown suffix "GB"' },
    { name: 'an upper-case K (kilo is lower-case k)', text: '1K', mentions: 'unknown suffix "K"' },
    { name: 'a lower-case binary suffix', text: '1gi', mentions: 'unknown suffix' },
    { name: 'a dangling exponent', text: '1e', mentions: 'unknown suffix "e"' },
    { name: 'surrounding blanks', text: ' 1', mentions: 'regular expression' },
    { name: 'two dots', text: '1.2.3', mentions: 'unknown suffix' },
    { name: 'a huge exponent', text: '1e999', mentions: 'out of range' },
  ];
  it.each(invalid)('rejects $name with a message, without throwing', ({ text, mentions }) => {
    const q = parseQuantity(text);
    expect(q.ok).toBe(false);
    if (q.ok) return;
    expect(q.message).toContain(`invalid quantity "${text}"`);
    expect(q.message).toContain(mentions);
  });
});

describe('formatQuantity', () => {
  // As Quantity.String() canonicalizes (quantity_test.go TestQuantityString): the largest
  // suffix that keeps the number whole; BinarySI falls back to DecimalSI below 1024 or with fractions.
  const cases: { name: string; value: number; format: QuantityFormat; text: string }[] = [
    { name: 'a quarter core', value: 0.25, format: 'DecimalSI', text: '250m' },
    { name: 'two cores', value: 2, format: 'DecimalSI', text: '2' },
    { name: 'one and a half cores', value: 1.5, format: 'DecimalSI', text: '1500m' },
    { name: 'zero', value: 0, format: 'DecimalSI', text: '0' },
    { name: 'a thousand in DecimalSI', value: 1000, format: 'DecimalSI', text: '1k' },
    { name: 'eight gibibytes', value: 8 * 2 ** 30, format: 'BinarySI', text: '8Gi' },
    { name: '1.5 GiB as whole mebibytes', value: 1.5 * 2 ** 30, format: 'BinarySI', text: '1536Mi' },
    { name: 'a byte count that is no power of 1024', value: 1025, format: 'BinarySI', text: '1025' },
    { name: 'a binary quantity below 1024', value: 1000, format: 'BinarySI', text: '1k' },
    { name: 'a fractional binary quantity', value: 0.5, format: 'BinarySI', text: '500m' },
    { name: 'an exponent quantity', value: 1000, format: 'DecimalExponent', text: '1e3' },
    { name: 'a small exponent quantity', value: 0.1, format: 'DecimalExponent', text: '100e-3' },
    { name: 'a negative binary quantity', value: -2048, format: 'BinarySI', text: '-2Ki' },
  ];
  it.each(cases)('prints $name as $text', ({ value, format, text }) => {
    expect(formatQuantity(value, format)).toBe(text);
  });

  it('prints cpu and bytes as kubectl describe does', () => {
    expect(formatCpu(0.1 + 0.2)).toBe('300m');
    expect(formatBytes(170 * 2 ** 20)).toBe('170Mi');
  });

  it.each([
    { text: '0.5', canonical: '500m' },
    { text: '1.5Gi', canonical: '1536Mi' },
    { text: '1000Mi', canonical: '1000Mi' },
    { text: '2000m', canonical: '2' },
    { text: 'nonsense', canonical: 'nonsense' },
  ])('canonicalizes $text to $canonical', ({ text, canonical }) => {
    expect(canonicalQuantity(text)).toBe(canonical);
  });
});

describe('toMilli', () => {
  it.each([
    { value: 0.1, milli: 100 },
    { value: 0.1 + 0.2, milli: 300 },
    { value: 2, milli: 2000 },
    { value: 0.0001, milli: 1 },
  ])('converts $value to $milli milli-units', ({ value, milli }) => {
    expect(toMilli(value)).toBe(milli);
  });
});
