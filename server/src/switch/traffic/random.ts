// A small seeded PRNG (xoshiro128**, seeded through splitmix32) so a traffic run repeats exactly.
// Not for anything secret: it is fast and reproducible, nothing more.

export type Random = {
  /** Uniform in [0, 1). */
  uniform(): number;
  /** Exponentially distributed with the given mean (Poisson inter-arrival times). */
  exponential(meanMs: number): number;
  /** Log-normal: `median · e^(sigma·Z)`, right-skewed like talk and waiting times; sigma 0 gives the median. */
  lognormal(medianMs: number, sigma: number): number;
  /** An integer in [min, max], both inclusive. */
  int(min: number, max: number): number;
  /** One element, uniformly; throws on an empty array. */
  pick<T>(items: readonly T[]): T;
  /** True with probability `p` (0 never, 1 always). */
  chance(p: number): boolean;
};

/** A generator that yields the same sequence for the same seed (any number; only its low 32 bits count). */
export function createRandom(seed: number): Random {
  let mix = seed >>> 0;
  const splitmix32 = (): number => {
    mix = (mix + 0x9e3779b9) >>> 0;
    let z = mix;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
  let a = splitmix32();
  let b = splitmix32();
  let c = splitmix32();
  let d = splitmix32();
  if ((a | b | c | d) === 0) a = 1; // the one state xoshiro cannot leave

  const next32 = (): number => {
    const result = Math.imul(rotl(Math.imul(b, 5), 7), 9) >>> 0;
    const t = b << 9;
    c ^= a;
    d ^= b;
    b ^= c;
    a ^= d;
    c ^= t;
    d = rotl(d, 11);
    return result;
  };

  const uniform = (): number => next32() / 0x1_0000_0000;

  return {
    uniform,
    exponential(meanMs) {
      return -meanMs * Math.log(1 - uniform()); // 1 − u is in (0, 1]: the log is finite
    },
    lognormal(medianMs, sigma) {
      // Box–Muller, one normal per call (the second is dropped so each call draws exactly two numbers).
      const u1 = 1 - uniform();
      const u2 = uniform();
      const z = Math.sqrt(-2 * Math.log(u1)) * Math.cos(2 * Math.PI * u2);
      return medianMs * Math.exp(sigma * z);
    },
    int(min, max) {
      return min + Math.floor(uniform() * (max - min + 1));
    },
    pick<T>(items: readonly T[]): T {
      if (items.length === 0) throw new RangeError('cannot pick from an empty array');
      return items[Math.floor(uniform() * items.length)] as T;
    },
    chance(p) {
      return uniform() < p;
    },
  };
}

/** A seed for an independent stream named `label` (say, one per access code) under a run's seed. */
export function deriveSeed(seed: number, label: string): number {
  let hash = 0x811c9dc5; // FNV-1a
  for (let i = 0; i < label.length; i++) {
    hash = Math.imul(hash ^ label.charCodeAt(i), 0x01000193);
  }
  return (hash ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
