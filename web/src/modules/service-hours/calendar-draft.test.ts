import { describe, expect, it } from 'vitest';
import { draftOf, inputOf, rangeHasError, rowErrors, suggestedRange } from './calendar-draft.ts';

describe('calendar draft', () => {
  it('starts a group without any calendar at 7×24 in Asia/Shanghai', () => {
    const input = inputOf(draftOf(null));
    expect(input.timeZone).toBe('Asia/Shanghai');
    expect(input.weekly).toEqual(Array.from({ length: 7 }, () => [{ start: '00:00', end: '24:00' }]));
  });

  it('drops the hours of a day switched to closed when saving', () => {
    const draft = draftOf({
      timeZone: 'Asia/Shanghai',
      weekly: Array.from({ length: 7 }, () => []),
      exceptions: [
        { date: '2027-01-01', name: '元旦', kind: 'special', hours: [{ start: '08:00', end: '12:00' }] },
      ],
    });
    const closed = { ...draft, exceptions: draft.exceptions.map((e) => ({ ...e, kind: 'closed' as const })) };
    expect(inputOf(closed).exceptions[0]).toEqual({
      date: '2027-01-01',
      name: '元旦',
      kind: 'closed',
      hours: [],
    });
  });

  it('suggests a range after the last one, ending at 24:00 at most', () => {
    expect(suggestedRange([])).toMatchObject({ start: '09:00', end: '18:00' });
    expect(suggestedRange([{ start: '08:00', end: '12:00' }])).toMatchObject({
      start: '12:00',
      end: '13:00',
    });
    expect(suggestedRange([{ start: '20:00', end: '23:30' }])).toMatchObject({
      start: '23:30',
      end: '24:00',
    });
    expect(suggestedRange([{ start: '20:00', end: '24:00' }])).toMatchObject({
      start: '00:00',
      end: '01:00',
    });
    expect(suggestedRange([{ start: '20:00', end: '22:30' }])).toMatchObject({
      start: '22:30',
      end: '23:30',
    });
  });

  it('puts each server message on its row and marks the range concerned', () => {
    const fields = [
      { path: 'weekly.0.1', message: '时段 11:00–14:00 与 08:00–12:00 重叠' },
      { path: 'weekly.2.0.end', message: '结束时间须晚于开始时间' },
      { path: 'exceptions.1.date', message: '日期重复' },
      { path: 'timeZone', message: '未知时区' },
    ];
    const rows = rowErrors(fields);
    expect([...rows.keys()]).toEqual(['weekly.0', 'weekly.2', 'exceptions.1', 'timeZone']);
    expect(rangeHasError(fields, 'weekly.0.1')).toBe(true);
    expect(rangeHasError(fields, 'weekly.0.0')).toBe(false);
    expect(rangeHasError(fields, 'weekly.2.0')).toBe(true);
  });
});
