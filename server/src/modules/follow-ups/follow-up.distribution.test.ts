import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { distributeEvenly } from './follow-up.distribution.ts';

const spread = (loads: Iterable<number>) => {
  const all = [...loads];
  return Math.max(...all) - Math.min(...all);
};

describe('distributeEvenly (FUP-3 fair sharing)', () => {
  it('keeps every member within one task of the others, or narrows an existing gap', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(fc.integer({ min: 1, max: 500 }), { minLength: 1, maxLength: 12 }),
        fc.array(fc.integer({ min: 0, max: 30 }), { minLength: 12, maxLength: 12 }),
        fc.integer({ min: 0, max: 200 }),
        (members, initial, count) => {
          const before = new Map(members.map((id, i) => [id, initial[i] ?? 0]));
          const assigned = distributeEvenly(before, count);
          expect(assigned).toHaveLength(count);
          const after = new Map(before);
          for (const id of assigned) {
            expect(before.has(id)).toBe(true);
            after.set(id, (after.get(id) ?? 0) + 1);
          }
          expect(spread(after.values())).toBeLessThanOrEqual(Math.max(1, spread(before.values())));
          // Nobody who already had the most gets more while someone else had less.
          const minAfter = Math.min(...after.values());
          for (const [id, n] of after)
            if (n > (before.get(id) ?? 0)) expect(n).toBeLessThanOrEqual(minAfter + 1);
        },
      ),
    );
  });

  it('gives nothing when the group has no members', () => {
    expect(distributeEvenly(new Map(), 5)).toEqual([]);
  });
});
