// Seeded randomness for the simulator: the same seed gives the same catalog, order ids and
// order fates on every run, so a failing test can be replayed. No Math.random anywhere.

export type Prng = {
  /** Uniform in [0, 1). */
  next(): number;
  /** Whole number in [min, max]. */
  int(min: number, max: number): number;
  chance(probability: number): boolean;
  pick<T>(items: readonly T[]): T;
};

/** 32-bit FNV-1a; turns a seed plus a label into an independent stream's starting state. */
export function hashSeed(...parts: Array<string | number>): number {
  let hash = 0x811c9dc5;
  for (const char of parts.join("\u0001")) {
    hash ^= char.charCodeAt(0);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** A seeded stream from a seed plus labels (hashed with hashSeed, so each label is independent). */
export function createPrng(...seedParts: Array<string | number>): Prng {
  return mulberry32(hashSeed(...seedParts));
}

/** mulberry32 from a raw 32-bit starting state: tiny, fast, and good enough for a test double. */
export function mulberry32(seed: number): Prng {
  let state = seed >>> 0;
  const next = () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (probability) => next() < probability,
    pick: (items) => items[Math.floor(next() * items.length)],
  };
}
