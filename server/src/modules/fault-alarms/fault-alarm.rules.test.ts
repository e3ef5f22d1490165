import { type FaultAlarmLevel, DEFAULT_FAULT_ALARM_THRESHOLDS as T } from '@switchboard/shared';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ALARM_WINDOW_MS,
  type AlarmState,
  alarmChangeFor,
  applyAlarmChanges,
  countInWindow,
  evaluateAlarmChanges,
  levelForCount,
} from './fault-alarm.rules.ts';

const NOW = new Date('2026-03-02T10:00:00Z');
const ago = (ms: number) => new Date(NOW.getTime() - ms);
const MIN = 60_000;

describe('fault pre-alarm rules (SUP-12)', () => {
  it('counts calls in the hour ending now: the edge an hour ago is out, now is in', () => {
    const times = [ago(ALARM_WINDOW_MS), ago(ALARM_WINDOW_MS - 1), ago(0), new Date(NOW.getTime() + 1)];
    expect(countInWindow(times, NOW)).toBe(2);
  });

  it('maps 5 / 10 / 20 calls to level 3 / 2 / 1 with the default thresholds', () => {
    expect([0, 4, 5, 9, 10, 19, 20, 500].map((n) => levelForCount(n, T))).toEqual([
      null,
      null,
      3,
      3,
      2,
      2,
      1,
      1,
    ]);
  });

  it('raises at the fifth call, escalates at the tenth and clears when the calls age out', () => {
    const five = [50, 40, 30, 20, 10].map((m) => ago(m * MIN));
    const raised = evaluateAlarmChanges(new Map(), new Map([[7, five]]), T, NOW);
    expect(raised).toEqual([
      {
        areaId: 7,
        count: 5,
        event: { kind: 'raised', fromLevel: null, toLevel: 3 },
        next: expect.anything(),
      },
    ]);
    const state = applyAlarmChanges(new Map(), raised);
    const ten = [...five, ...five.map((d) => new Date(d.getTime() + MIN))];
    const escalated = evaluateAlarmChanges(state, new Map([[7, ten]]), T, NOW);
    expect(escalated[0]?.event).toEqual({ kind: 'escalated', fromLevel: 3, toLevel: 2 });
    expect(escalated[0]?.next).toMatchObject({ level: 2, count: 10, raisedAt: NOW, levelSince: NOW });

    const later = new Date(NOW.getTime() + 55 * MIN);
    const afterwards = evaluateAlarmChanges(
      applyAlarmChanges(state, escalated),
      new Map([[7, ten]]),
      T,
      later,
    );
    expect(afterwards).toEqual([
      { areaId: 7, count: 0, event: { kind: 'cleared', fromLevel: 2, toLevel: null }, next: null },
    ]);
  });

  it('de-escalates when fewer calls remain in the window, and a count change alone writes no event', () => {
    const current: AlarmState = { level: 2, count: 10, raisedAt: ago(30 * MIN), levelSince: ago(10 * MIN) };
    expect(alarmChangeFor(1, current, 6, T, NOW)?.event).toEqual({
      kind: 'de_escalated',
      fromLevel: 2,
      toLevel: 3,
    });
    expect(alarmChangeFor(1, current, 12, T, NOW)).toEqual({
      areaId: 1,
      count: 12,
      event: null,
      next: { ...current, count: 12 },
    });
    expect(alarmChangeFor(1, current, 10, T, NOW)).toBeNull();
  });

  const thresholds = fc
    .tuple(fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }), fc.integer({ min: 1, max: 30 }))
    .map(([a, b, c]) => ({ level3: a, level2: a + b, level1: a + b + c }));
  const callTimes = fc.array(
    fc.integer({ min: -3 * ALARM_WINDOW_MS, max: 0 }).map((ms) => ago(-ms)),
    {
      maxLength: 60,
    },
  );
  const areaCalls = fc
    .array(fc.tuple(fc.integer({ min: 1, max: 5 }), callTimes), { maxLength: 5 })
    .map((pairs) => new Map(pairs));

  it('is idempotent: evaluating again at the same moment changes nothing (property)', () => {
    fc.assert(
      fc.property(areaCalls, areaCalls, thresholds, (before, calls, t) => {
        const start = applyAlarmChanges(new Map(), evaluateAlarmChanges(new Map(), before, t, ago(20 * MIN)));
        const once = applyAlarmChanges(start, evaluateAlarmChanges(start, calls, t, NOW));
        expect(evaluateAlarmChanges(once, calls, t, NOW)).toEqual([]);
      }),
    );
  });

  it('leaves every area at the level its window count gives, and the level rises with the count (property)', () => {
    fc.assert(
      fc.property(areaCalls, thresholds, (calls, t) => {
        const state = applyAlarmChanges(new Map(), evaluateAlarmChanges(new Map(), calls, t, NOW));
        for (const [areaId, times] of calls) {
          const count = countInWindow(times, NOW);
          expect(state.get(areaId)?.level ?? null).toBe(levelForCount(count, t));
        }
      }),
    );
    fc.assert(
      fc.property(fc.nat(100), fc.nat(100), thresholds, (a, b, t) => {
        const severity = (l: FaultAlarmLevel | null) => (l === null ? 0 : 4 - l);
        expect(severity(levelForCount(Math.min(a, b), t))).toBeLessThanOrEqual(
          severity(levelForCount(Math.max(a, b), t)),
        );
      }),
    );
  });

  it('names each level move the way it went (property)', () => {
    const level = fc.constantFrom<FaultAlarmLevel>(1, 2, 3);
    fc.assert(
      fc.property(level, fc.nat(60), thresholds, (from, count, t) => {
        const current: AlarmState = { level: from, count: 0, raisedAt: ago(MIN), levelSince: ago(MIN) };
        const change = alarmChangeFor(1, current, count, t, NOW);
        const to = levelForCount(count, t);
        if (to === null) expect(change?.event?.kind).toBe('cleared');
        else if (to < from) expect(change?.event?.kind).toBe('escalated');
        else if (to > from) expect(change?.event?.kind).toBe('de_escalated');
        else expect(change?.event ?? null).toBeNull();
      }),
    );
  });
});
