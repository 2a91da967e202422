// Kubernetes resource quantities ("100m", "1.5", "8Gi", "1e3"), parsed and printed back the way
// staging/src/k8s.io/apimachinery/pkg/api/resource/quantity.go does it.
//
// Errors are returned, never thrown: parseQuantity gives `{ ok: false, message }` for bad input,
// so a typo in a manifest becomes a message next to the line, not a stack trace.

/** QuantityFormat is how a quantity was written, and so how it is printed back (resource.Format). */
export type QuantityFormat = 'DecimalSI' | 'BinarySI' | 'DecimalExponent';

/** Quantity is a parsed quantity in base units: cores for cpu, bytes for memory, a count otherwise. */
export interface Quantity {
  /** The value in base units as a float: "100m" → 0.1, "1Ki" → 1024. */
  value: number;
  /** Go's Quantity.Value(): the value rounded up to a whole number ("100m" → 1). */
  intValue: number;
  /** Go's Quantity.MilliValue(): the value × 1000 rounded up ("0.1m" → 1, "2" → 2000). */
  milliValue: number;
  format: QuantityFormat;
}

/** QuantityResult is a parsed quantity, or a message saying why the text is not one. */
export type QuantityResult = ({ ok: true } & Quantity) | { ok: false; message: string };

// The pattern the API server quotes when it rejects a quantity (resource.ErrFormatWrong's wording
// comes from the OpenAPI schema of Quantity); it is looser than the real grammar below.
const API_PATTERN = "'^([+-]?[0-9.]+)([eEinumkKMGTP]*[-+]?[0-9]*)$'";

// sign, integer part, fraction part, suffix. Either digits before or after the dot must exist.
const GRAMMAR = /^([+-]?)(?:(\d+)(?:\.(\d*))?|\.(\d+))(.*)$/;

const DECIMAL_SUFFIXES: Readonly<Record<string, number>> = {
  '': 0,
  n: -9,
  u: -6,
  m: -3,
  k: 3,
  M: 6,
  G: 9,
  T: 12,
  P: 15,
  E: 18,
};
const BINARY_SUFFIXES: Readonly<Record<string, number>> = { Ki: 10, Mi: 20, Gi: 30, Ti: 40, Pi: 50, Ei: 60 };

// Exponents beyond this are refused: real Kubernetes caps such values at int64, which the
// playground never needs, and huge powers of ten would only cost time.
const MAX_EXPONENT = 100;

interface Suffix {
  exp10: number;
  exp2: number;
  format: QuantityFormat;
}

function readSuffix(suffix: string): Suffix | undefined {
  const decimal = DECIMAL_SUFFIXES[suffix];
  if (decimal !== undefined) return { exp10: decimal, exp2: 0, format: 'DecimalSI' };
  const binary = BINARY_SUFFIXES[suffix];
  if (binary !== undefined) return { exp10: 0, exp2: binary, format: 'BinarySI' };
  const exponent = /^[eE]([+-]?\d+)$/.exec(suffix);
  if (exponent?.[1] !== undefined) return { exp10: Number(exponent[1]), exp2: 0, format: 'DecimalExponent' };
  return undefined;
}

// ceilScaled returns |digits × 10^exp10 × 2^exp2| × 10^scale rounded up, computed exactly with
// BigInt so that "0.1" is 100 millicores and not 100.00000000000001 rounded up to 101.
function ceilScaled(digits: string, exp10: number, exp2: number, scale: number): bigint {
  const n = BigInt(digits === '' ? '0' : digits) * 2n ** BigInt(exp2);
  const e = exp10 + scale;
  if (e >= 0) return n * 10n ** BigInt(e);
  const d = 10n ** BigInt(-e);
  return (n + d - 1n) / d;
}

// A cluster uses a handful of distinct quantities ("50m", "64Mi", node capacities) thousands of
// times: parse each once. Results are frozen because they are shared.
const PARSED = new Map<string | number, QuantityResult>();
const PARSED_CAP = 4096;

/**
 * parseQuantity reads a quantity ("250m", "2", "1.5", "8Gi", "512Mi", "1e3", "1k", "1M") into base
 * units. Numbers are accepted too, since YAML turns `cpu: 2` into one. Invalid text gives
 * `{ ok: false, message }`; this function never throws.
 */
export function parseQuantity(input: string | number): QuantityResult {
  let hit = PARSED.get(input);
  if (hit === undefined) {
    hit = Object.freeze(parseQuantityUncached(input));
    if (PARSED.size >= PARSED_CAP) PARSED.clear();
    PARSED.set(input, hit);
  }
  return hit;
}

function parseQuantityUncached(input: string | number): QuantityResult {
  const text = typeof input === 'number' ? String(input) : input;
  const invalid = (why: string): QuantityResult => ({
    ok: false,
    message: `invalid quantity "${text}": ${why}`,
  });
  if (typeof input === 'number' && !Number.isFinite(input)) return invalid('not a finite number');
  // Go's parser has no notion of surrounding blanks, so " 1" is as wrong as "1 ".
  const m = /\s/.test(text) ? null : GRAMMAR.exec(text);
  if (!m) return invalid(`quantities must match the regular expression ${API_PATTERN}`);
  const [, sign = '', intPart = '', fracA, fracB, suffixText = ''] = m;
  const frac = fracA ?? fracB ?? '';
  const suffix = readSuffix(suffixText);
  if (!suffix) {
    return invalid(
      `unknown suffix "${suffixText}" (use n, u, m, k, M, G, T, P, E, Ki, Mi, Gi, Ti, Pi, Ei or an exponent like e3)`,
    );
  }
  if (Math.abs(suffix.exp10) > MAX_EXPONENT)
    return invalid(`exponent is out of range (at most ±${MAX_EXPONENT})`);
  const digits = intPart + frac;
  const exp10 = suffix.exp10 - frac.length;
  const negative = sign === '-' && /[1-9]/.test(digits);
  const magnitude = Number.parseFloat(`${digits === '' ? '0' : digits}e${exp10}`) * 2 ** suffix.exp2;
  const signed = (n: bigint): number => (negative ? -Number(n) : Number(n));
  return {
    ok: true,
    value: negative ? -magnitude : magnitude,
    intValue: signed(ceilScaled(digits, exp10, suffix.exp2, 0)),
    milliValue: signed(ceilScaled(digits, exp10, suffix.exp2, 3)),
    format: suffix.format,
  };
}

/**
 * toMilli converts a value in base units to whole milli-units, rounding up like Go's MilliValue,
 * but ignoring the float noise of sums (0.1 + 0.2 cores is 300m, not 301m).
 */
export function toMilli(value: number): number {
  const scaled = value * 1000;
  const nearest = Math.round(scaled);
  return Math.abs(scaled - nearest) < 1e-6 ? nearest : Math.ceil(scaled);
}

// toDecimal splits a finite number into an integer mantissa and a power of ten, keeping at most
// nano precision, as quantities do (resource.Nano is the smallest scale Kubernetes keeps).
function toDecimal(value: number): { mantissa: bigint; exp: number } {
  if (Number.isInteger(value)) return normalize(BigInt(value), 0);
  const nanos = Math.round(value * 1e9);
  if (!Number.isSafeInteger(nanos)) return normalize(BigInt(Math.round(value)), 0);
  return normalize(BigInt(nanos), -9);
}

function normalize(mantissa: bigint, exp: number): { mantissa: bigint; exp: number } {
  if (mantissa === 0n) return { mantissa, exp: 0 };
  while (mantissa % 10n === 0n) {
    mantissa /= 10n;
    exp += 1;
  }
  return { mantissa, exp };
}

const SI_BY_EXPONENT: Readonly<Record<number, string>> = {
  [-9]: 'n',
  [-6]: 'u',
  [-3]: 'm',
  0: '',
  3: 'k',
  6: 'M',
  9: 'G',
  12: 'T',
  15: 'P',
  18: 'E',
};

function formatDecimal(value: number, exponentStyle: boolean): string {
  const { mantissa, exp } = toDecimal(value);
  if (mantissa === 0n) return '0';
  // The canonical form uses the largest power of 1000 that keeps the mantissa whole.
  const exp3 = Math.min(Math.floor(exp / 3) * 3, 18);
  const shown = mantissa * 10n ** BigInt(exp - exp3);
  if (exponentStyle) return exp3 === 0 ? `${shown}` : `${shown}e${exp3}`;
  return `${shown}${SI_BY_EXPONENT[exp3] ?? ''}`;
}

const BINARY_BY_POWER = ['', 'Ki', 'Mi', 'Gi', 'Ti', 'Pi', 'Ei'] as const;

function formatBinary(value: number): string {
  // Like CanonicalizeBytes: below 1024 or with a fraction, binary suffixes would mislead, so the
  // quantity is printed in DecimalSI (1000 bytes in BinarySI prints "1k", 0.5 prints "500m").
  if (!Number.isInteger(value) || Math.abs(value) < 1024) return formatDecimal(value, false);
  let amount = BigInt(value);
  const negative = amount < 0n;
  if (negative) amount = -amount;
  let power = 0;
  while (power < BINARY_BY_POWER.length - 1 && amount % 1024n === 0n) {
    amount /= 1024n;
    power += 1;
  }
  return `${negative ? '-' : ''}${amount}${BINARY_BY_POWER[power] ?? ''}`;
}

/**
 * formatQuantity prints a value in base units in the canonical form of the given format, as
 * Quantity.String() does and so as kubectl describe shows it: cpu 0.25 → "250m", 2 → "2";
 * memory (BinarySI) 8589934592 → "8Gi", 1.5 GiB → "1536Mi".
 */
export function formatQuantity(value: number, format: QuantityFormat = 'DecimalSI'): string {
  if (!Number.isFinite(value)) return String(value);
  switch (format) {
    case 'BinarySI':
      return formatBinary(value);
    case 'DecimalExponent':
      return formatDecimal(value, true);
    case 'DecimalSI':
      return formatDecimal(value, false);
  }
}

/** formatCpu prints cores as kubectl does: 0.25 → "250m", 2 → "2". */
export function formatCpu(cores: number): string {
  return formatQuantity(cores, 'DecimalSI');
}

/** formatBytes prints bytes with binary suffixes as kubectl does: 536870912 → "512Mi". */
export function formatBytes(bytes: number): string {
  return formatQuantity(bytes, 'BinarySI');
}

/**
 * canonicalQuantity rewrites quantity text in its canonical form ("0.5" → "500m", "1.5Gi" →
 * "1536Mi"), as the API server stores it; text that is not a quantity comes back unchanged.
 */
export function canonicalQuantity(text: string): string {
  const q = parseQuantity(text);
  return q.ok ? formatQuantity(q.value, q.format) : text;
}
