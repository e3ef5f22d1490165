import { describe, expect, it } from 'vitest';
import { createRandom, deriveSeed } from './random.ts';

const N = 20_000;
const sample = <T>(n: number, fn: () => T): T[] => Array.from({ length: n }, fn);
const tally = <T>(xs: T[]) => {
  const counts = new Map<T, number>();
  for (const x of xs) counts.set(x, (counts.get(x) ?? 0) + 1);
  return counts;
};
const mean = (xs: number[]) => xs.reduce((sum, x) => sum + x, 0) / xs.length;
const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return ((sorted[(sorted.length - 1) >> 1] ?? 0) + (sorted[sorted.length >> 1] ?? 0)) / 2;
};

describe('createRandom', () => {
  it('repeats exactly for the same seed and differs for another', () => {
    const a = createRandom(42);
    const b = createRandom(42);
    const c = createRandom(43);
    const first = sample(100, () => a.uniform());

    expect(sample(100, () => b.uniform())).toEqual(first);
    expect(sample(100, () => c.uniform())).not.toEqual(first);
  });

  it('draws uniforms in [0, 1) with mean ½', () => {
    const random = createRandom(1);
    const xs = sample(N, () => random.uniform());

    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...xs)).toBeLessThan(1);
    expect(Math.abs(mean(xs) - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / N));
  });

  it('works with seed 0, negative and fractional seeds', () => {
    for (const seed of [0, -1, 2.5]) {
      const xs = sample(1000, () => createRandom(seed).uniform());
      expect(new Set(xs).size).toBe(1); // the same seed, the same first draw
      const random = createRandom(seed);
      expect(new Set(sample(1000, () => random.uniform())).size).toBeGreaterThan(990);
    }
  });

  it('draws exponentials with the given mean, never negative', () => {
    const random = createRandom(2);
    const xs = sample(N, () => random.exponential(60_000));

    expect(Math.min(...xs)).toBeGreaterThanOrEqual(0);
    expect(Math.abs(mean(xs) - 60_000)).toBeLessThan(4 * (60_000 / Math.sqrt(N)));
  });

  it('draws log-normals around the median, skewed right; sigma 0 gives the median', () => {
    const random = createRandom(3);
    const xs = sample(N, () => random.lognormal(180_000, 0.7));

    expect(median(xs) / 180_000).toBeGreaterThan(0.95);
    expect(median(xs) / 180_000).toBeLessThan(1.05);
    expect(mean(xs)).toBeGreaterThan(median(xs)); // e^(σ²/2) ≈ 1.28 × the median
    expect(Math.abs(mean(xs) / (180_000 * Math.exp(0.7 ** 2 / 2)) - 1)).toBeLessThan(0.05);
    expect(Math.min(...xs)).toBeGreaterThan(0);
    expect(random.lognormal(90_000, 0)).toBe(90_000);
  });

  it('picks every element about equally, and refuses an empty array', () => {
    const random = createRandom(4);
    const sd = Math.sqrt(N * 0.25 * 0.75);
    const picks = tally(sample(N, () => random.pick(['a', 'b', 'c', 'd'])));
    const ints = tally(sample(N, () => random.int(0, 3)));

    expect([...picks.keys()].sort()).toEqual(['a', 'b', 'c', 'd']);
    expect([...ints.keys()].sort()).toEqual([0, 1, 2, 3]);
    for (const count of [...picks.values(), ...ints.values()])
      expect(Math.abs(count - N / 4)).toBeLessThan(4 * sd);
    expect(() => random.pick([])).toThrow(RangeError);
  });

  it('says yes with the given probability', () => {
    const random = createRandom(5);

    expect(sample(1000, () => random.chance(0)).some(Boolean)).toBe(false);
    expect(sample(1000, () => random.chance(1)).every(Boolean)).toBe(true);
    const yes = sample(N, () => random.chance(0.3)).filter(Boolean).length;
    expect(Math.abs(yes - 0.3 * N)).toBeLessThan(4 * Math.sqrt(N * 0.3 * 0.7));
  });
});

describe('deriveSeed', () => {
  it('gives each label its own stable stream', () => {
    expect(deriveSeed(7, 'arrivals:1000')).toBe(deriveSeed(7, 'arrivals:1000'));
    expect(deriveSeed(7, 'arrivals:1000')).not.toBe(deriveSeed(7, 'arrivals:10000'));
    expect(deriveSeed(7, 'arrivals:1000')).not.toBe(deriveSeed(8, 'arrivals:1000'));
    expect(createRandom(deriveSeed(7, 'x')).uniform()).not.toBe(createRandom(deriveSeed(7, 'y')).uniform());
  });
});
