import type { CalendarException, TimeRange } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import {
  compileCalendar,
  isKnownTimeZone,
  isOpenAt,
  nextChangeAfter,
  weekdayOf,
} from './service-calendar.ts';

// The pure decision call control makes for every new caller: open or closed at this instant?
const r = (start: string, end: string): TimeRange => ({ start, end });
const everyDay = (...ranges: TimeRange[]) => Array.from({ length: 7 }, () => ranges);
const calendar = (weekly: TimeRange[][], exceptions: CalendarException[] = [], timeZone = 'Asia/Shanghai') =>
  compileCalendar({ timeZone, weekly, exceptions });
/** A Shanghai wall time (UTC+8, no DST) as an instant. */
const sh = (local: string) => new Date(`${local}+08:00`);

describe('isOpenAt', () => {
  const daytime = calendar(everyDay(r('08:00', '20:00')));

  it('opens at the start minute and closes at the end minute (start inclusive, end exclusive)', () => {
    expect(isOpenAt(daytime, sh('2026-06-01T07:59:59'))).toBe(false);
    expect(isOpenAt(daytime, sh('2026-06-01T08:00:00'))).toBe(true);
    expect(isOpenAt(daytime, sh('2026-06-01T19:59:59'))).toBe(true);
    expect(isOpenAt(daytime, sh('2026-06-01T20:00:00'))).toBe(false);
  });

  it('treats 24:00 as the end of the day and an empty day as closed all day', () => {
    const late = calendar([[r('18:00', '24:00')], [], [], [], [], [], []]);
    // 2026-06-01 is a Monday.
    expect(isOpenAt(late, sh('2026-06-01T23:59:59'))).toBe(true);
    expect(isOpenAt(late, sh('2026-06-02T00:00:00'))).toBe(false);
    expect(isOpenAt(late, sh('2026-06-02T12:00:00'))).toBe(false);
  });

  it('is open around the clock with 00:00–24:00 every day', () => {
    const always = calendar(everyDay(r('00:00', '24:00')));
    for (const t of ['2026-01-01T00:00:00', '2026-06-07T23:59:59', '2026-12-31T12:00:00'])
      expect(isOpenAt(always, sh(t))).toBe(true);
  });

  it('lets a public holiday close a normal working day', () => {
    const c = calendar(everyDay(r('08:00', '20:00')), [
      { date: '2027-01-01', name: '元旦', kind: 'closed', hours: [] },
    ]);
    expect(isOpenAt(c, sh('2027-01-01T10:00:00'))).toBe(false);
    expect(isOpenAt(c, sh('2027-01-02T10:00:00'))).toBe(true);
  });

  it('opens on a Sunday made an extra working day (调休) with its own hours', () => {
    const weekdays = [...Array.from({ length: 5 }, () => [r('09:00', '18:00')]), [], []];
    const c = calendar(weekdays, [
      { date: '2026-09-27', name: '国庆调休上班', kind: 'special', hours: [r('09:00', '17:00')] },
    ]);
    expect(weekdayOf('2026-09-27')).toBe(7);
    expect(isOpenAt(c, sh('2026-09-27T10:00:00'))).toBe(true);
    expect(isOpenAt(c, sh('2026-09-27T17:30:00'))).toBe(false);
    expect(isOpenAt(c, sh('2026-09-20T10:00:00'))).toBe(false); // an ordinary Sunday
  });

  it('shortens a day with special hours', () => {
    const c = calendar(everyDay(r('08:00', '20:00')), [
      { date: '2027-02-05', name: '除夕', kind: 'special', hours: [r('08:00', '12:00')] },
    ]);
    expect(isOpenAt(c, sh('2027-02-05T11:59:00'))).toBe(true);
    expect(isOpenAt(c, sh('2027-02-05T12:00:00'))).toBe(false);
  });

  it('uses several ranges in one day (a lunch break)', () => {
    const c = calendar(everyDay(r('08:30', '12:00'), r('13:30', '17:30')));
    expect(isOpenAt(c, sh('2026-06-01T12:30:00'))).toBe(false);
    expect(isOpenAt(c, sh('2026-06-01T13:30:00'))).toBe(true);
  });

  it('decides on the wall clock of the calendar zone: midnight in Asia/Shanghai is 16:00 UTC', () => {
    // Monday 00:00–01:00 only.
    const weekly = [[r('00:00', '01:00')], [], [], [], [], [], []];
    const at = new Date('2026-05-31T16:30:00Z'); // Sunday 16:30 UTC = Monday 00:30 in Shanghai
    expect(isOpenAt(calendar(weekly, [], 'Asia/Shanghai'), at)).toBe(true);
    expect(isOpenAt(calendar(weekly, [], 'UTC'), at)).toBe(false);
    expect(isOpenAt(calendar(weekly, [], 'UTC'), new Date('2026-06-01T00:30:00Z'))).toBe(true);
    // A holiday is the Shanghai date, not the UTC one.
    const holiday = calendar(everyDay(r('00:00', '24:00')), [
      { date: '2026-06-01', name: '假日', kind: 'closed', hours: [] },
    ]);
    expect(isOpenAt(holiday, at)).toBe(false);
    expect(isOpenAt(holiday, new Date('2026-05-31T15:59:00Z'))).toBe(true);
  });

  it('follows daylight saving time in Europe/Berlin (UTC+1 in winter, UTC+2 in summer)', () => {
    const berlin = calendar(everyDay(r('08:00', '20:00')), [], 'Europe/Berlin');
    expect(isOpenAt(berlin, new Date('2026-01-15T07:00:00Z'))).toBe(true); // 08:00 CET
    expect(isOpenAt(berlin, new Date('2026-01-15T06:59:00Z'))).toBe(false);
    expect(isOpenAt(berlin, new Date('2026-07-15T06:00:00Z'))).toBe(true); // 08:00 CEST
    expect(isOpenAt(berlin, new Date('2026-07-15T05:59:00Z'))).toBe(false);
    expect(isOpenAt(berlin, new Date('2026-01-15T18:30:00Z'))).toBe(true); // 19:30 CET
    expect(isOpenAt(berlin, new Date('2026-07-15T18:30:00Z'))).toBe(false); // 20:30 CEST
  });
});

describe('nextChangeAfter', () => {
  it('says when a closed calendar opens and an open one closes', () => {
    const c = calendar(everyDay(r('08:00', '20:00')));
    expect(nextChangeAfter(c, sh('2026-06-01T07:00:00'))).toEqual(sh('2026-06-01T08:00:00'));
    expect(nextChangeAfter(c, sh('2026-06-01T08:00:00'))).toEqual(sh('2026-06-01T20:00:00'));
    expect(nextChangeAfter(c, sh('2026-06-01T21:00:00'))).toEqual(sh('2026-06-02T08:00:00'));
  });

  it('skips holidays and days without hours to the next opening', () => {
    const weekdays = [...Array.from({ length: 5 }, () => [r('09:00', '18:00')]), [], []];
    const c = calendar(weekdays, [
      { date: '2027-02-08', name: '春节', kind: 'closed', hours: [] },
      { date: '2027-02-09', name: '春节', kind: 'closed', hours: [] },
    ]);
    // Friday 2027-02-05 evening → Saturday, Sunday, two holidays → Wednesday 2027-02-10 09:00.
    expect(nextChangeAfter(c, sh('2027-02-05T18:00:00'))).toEqual(sh('2027-02-10T09:00:00'));
  });

  it('does not see a change where ranges touch across midnight', () => {
    const c = calendar([[r('18:00', '24:00')], [r('00:00', '02:00')], [], [], [], [], []]);
    expect(nextChangeAfter(c, sh('2026-06-01T19:00:00'))).toEqual(sh('2026-06-02T02:00:00'));
  });

  it('returns null when nothing ever changes (7×24, or never open)', () => {
    expect(nextChangeAfter(calendar(everyDay(r('00:00', '24:00'))), sh('2026-06-01T12:00:00'))).toBeNull();
    expect(nextChangeAfter(calendar(everyDay()), sh('2026-06-01T12:00:00'))).toBeNull();
  });

  it('finds the next opening across the spring-forward night in Europe/Berlin', () => {
    const berlin = calendar(everyDay(r('08:00', '20:00')), [], 'Europe/Berlin');
    // Saturday 2026-03-28 21:00 CET; clocks go forward on Sunday 29 March at 02:00.
    expect(nextChangeAfter(berlin, new Date('2026-03-28T20:00:00Z'))).toEqual(
      new Date('2026-03-29T06:00:00Z'), // 08:00 CEST
    );
    // A range starting inside the missing hour opens when the clocks jump (03:00 CEST).
    const night = calendar(everyDay(r('02:30', '05:00')), [], 'Europe/Berlin');
    expect(nextChangeAfter(night, new Date('2026-03-28T23:00:00Z'))).toEqual(
      new Date('2026-03-29T01:00:00Z'),
    );
    // Autumn: 08:00 CET on Sunday 25 October is 07:00 UTC.
    expect(nextChangeAfter(berlin, new Date('2026-10-24T19:00:00Z'))).toEqual(
      new Date('2026-10-25T07:00:00Z'),
    );
  });
});

describe('isKnownTimeZone', () => {
  it('accepts IANA names and refuses anything else', () => {
    expect(isKnownTimeZone('Asia/Shanghai')).toBe(true);
    expect(isKnownTimeZone('Europe/Berlin')).toBe(true);
    expect(isKnownTimeZone('UTC')).toBe(true);
    expect(isKnownTimeZone('Mars/Olympus')).toBe(false);
    expect(isKnownTimeZone('+08:00')).toBe(false);
    expect(isKnownTimeZone('')).toBe(false);
  });
});
