/**
 * Rng is the simulation's only source of chance: a seeded mulberry32 generator, so a scenario
 * and a seed replay identically in Node and in the Worker.
 */
export class Rng {
  private state: number;

  constructor(seed: number) {
    this.state = seed >>> 0;
  }

  /** next returns a float in [0, 1). */
  next(): number {
    this.state = (this.state + 0x6d2b79f5) >>> 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  /** int returns an integer in [0, n). */
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
}

// The alphabet of apimachinery's utilrand.String: no vowels (no words), no 0/1/3 (no confusion).
const NAME_ALPHABET = 'bcdfghjklmnpqrstvwxz2456789';

/** randomSuffix draws the 5-character suffix the API server appends for generateName (`fluentd-x7k2p`). */
export function randomSuffix(rng: Rng, length = 5): string {
  let s = '';
  for (let i = 0; i < length; i++) s += NAME_ALPHABET[rng.int(NAME_ALPHABET.length)];
  return s;
}

/** randomUid draws an RFC 4122-shaped uid from the seed, so uids are stable across replays. */
export function randomUid(rng: Rng): string {
  const hex = (n: number) => {
    let s = '';
    for (let i = 0; i < n; i++) s += rng.int(16).toString(16);
    return s;
  };
  return `${hex(8)}-${hex(4)}-4${hex(3)}-${'89ab'[rng.int(4)]}${hex(3)}-${hex(12)}`;
}
