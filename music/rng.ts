/**
 * Seeded pseudo-random numbers for the engine. The engine never touches Math.random: every part
 * gets its own stream forked from the song seed by a label, so changing how the melody draws
 * numbers does not reshuffle the drums.
 */

/** A seeded random source; pure apart from its own internal state. */
export interface Rng {
  /** Uniform in [0, 1). */
  next(): number;
  /** Integer in [lo, hi] inclusive. */
  int(lo: number, hi: number): number;
  /** true with probability p. */
  chance(p: number): boolean;
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T;
  /** One element chosen with the given non-negative weights (falls back to the first). */
  weighted<T>(items: readonly T[], weights: readonly number[]): T;
  /** Uniform in [-1, 1): handy for symmetric jitter. */
  signed(): number;
  /** An independent stream derived from this stream's seed and a label. */
  fork(label: string): Rng;
  /** One number in [0, 1) named by a label: the same label always gives the same number, whatever was drawn before. */
  at(label: string): number;
  /**
   * A place named by three numbers joined with ":" (the humaniser names a note by its place), hashed
   * without building the label, to name numbers after it: after(place(480, 60, 240), 't') === at('480:60:240:t').
   */
  place(a: number, b: number, c: number): number;
  /** The number named by a place and an ending (see place). */
  after(place: number, ending: string): number;
}

/** FNV-1a over a label's characters, continuing from state `h` (no final mixing). */
function fnv(h: number, label: string): number {
  for (let i = 0; i < label.length; i++) {
    h ^= label.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Decimal digits of a number, last first (fnvNumber's scratch: a safe integer has at most 16). */
const DIGITS = new Uint8Array(16);

/**
 * FNV-1a over `${x}:` — for a safe integer its digits, read without making the string. The state
 * stays a signed 32-bit integer (the same bits as fnv's unsigned one, which every later step reads
 * alike): a small integer is never boxed, where an unsigned state above 2³¹ was a heap number per step.
 */
function fnvNumber(h: number, x: number): number {
  if (!Number.isSafeInteger(x)) return fnv(h, `${x}:`);
  if (x < 0) {
    h = Math.imul(h ^ 45, 0x01000193); // "-"
    x = -x;
  }
  let count = 0;
  // Small integers (every tick and pitch) in 32-bit arithmetic, which allocates nothing.
  if (x <= 0x7fffffff) {
    let n = x | 0;
    do {
      DIGITS[count++] = n % 10;
      n = (n / 10) | 0;
    } while (n > 0);
  } else {
    do {
      const digit = x % 10;
      DIGITS[count++] = digit;
      x = (x - digit) / 10;
    } while (x > 0);
  }
  while (count > 0) h = Math.imul(h ^ (48 + DIGITS[--count]!), 0x01000193);
  return Math.imul(h ^ 58, 0x01000193); // ":"
}

/** 32-bit FNV-1a hash of a string, mixed with a number; used to derive fork seeds. */
export function hashSeed(seed: number, label: string): number {
  return avalanche(fnv((0x811c9dc5 ^ (seed >>> 0)) >>> 0, label));
}

/** A final avalanche so labels differing in one character land far apart. */
function avalanche(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b) >>> 0;
  h ^= h >>> 13;
  return h >>> 0;
}

/** mulberry32: small, fast and good enough for musical choices. createRng(42).next() → 0.6011… */
export function createRng(seed: number): Rng {
  return new Mulberry32(seed >>> 0);
}

/**
 * The generator as a class, its methods shared on the prototype: a sketch forks a few hundred
 * streams, and a closure per method per stream was a measurable share of its allocation. The
 * state is kept as a signed 32-bit integer (the same bits as mulberry32's unsigned one, which every
 * step reads alike), so it is never boxed as it advances.
 */
class Mulberry32 implements Rng {
  private state: number;
  private readonly origin: number;

  constructor(origin: number) {
    this.origin = origin;
    this.state = origin | 0;
  }

  next(): number {
    this.state = (this.state + 0x6d2b79f5) | 0;
    let t = this.state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }

  int(lo: number, hi: number): number {
    return lo + Math.floor(this.next() * (hi - lo + 1));
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.next() * items.length)] as T;
  }

  weighted<T>(items: readonly T[], weights: readonly number[]): T {
    const total = weights.reduce((a, w) => a + Math.max(0, w), 0);
    let r = this.next() * total;
    for (let i = 0; i < items.length; i++) {
      r -= Math.max(0, weights[i] ?? 0);
      if (r < 0) return items[i] as T;
    }
    const first = items[0];
    if (first === undefined) throw new Error('weighted pick from an empty list');
    return first;
  }

  signed(): number {
    return this.next() * 2 - 1;
  }

  fork(label: string): Rng {
    return createRng(hashSeed(this.origin, label));
  }

  at(label: string): number {
    return hashSeed(this.origin, label) / 4294967296;
  }

  place(a: number, b: number, c: number): number {
    return fnvNumber(fnvNumber(fnvNumber(0x811c9dc5 ^ this.origin, a), b), c);
  }

  after(place: number, ending: string): number {
    return avalanche(fnv(place, ending)) / 4294967296;
  }
}
