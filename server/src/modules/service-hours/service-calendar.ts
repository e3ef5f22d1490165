import type { CalendarException, TimeRange } from '@switchboard/shared';

// The pure decision "is this calendar open at this instant?" and "when does that change next?".
// Everything is decided on the wall clock of the calendar's time zone: a date's exception (holiday,
// 调休 working day, short day) replaces that weekday's hours; a range is [start, end).

/** Minutes since local midnight: [start, end), end up to 1440 (24:00). */
export type MinuteRange = readonly [start: number, end: number];

export type CalendarRule = {
  timeZone: string;
  /** Seven days, Monday first. */
  weekly: readonly (readonly MinuteRange[])[];
  /** 'YYYY-MM-DD' → that day's hours instead of the weekday's; [] = closed all day. */
  exceptions: ReadonlyMap<string, readonly MinuteRange[]>;
};

export type CalendarShape = {
  timeZone: string;
  weekly: readonly (readonly TimeRange[])[];
  exceptions: readonly CalendarException[];
};

const MINUTE_MS = 60_000;
const DAY_MS = 86_400_000;
/** How far "next change" looks ahead: a year of holidays and a little more. */
const HORIZON_DAYS = 400;

export function minutesOf(time: string): number {
  const [h, m] = time.split(':');
  return Number(h) * 60 + Number(m);
}

export function clockTimeOf(minutes: number): string {
  return `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
}

export function toMinuteRange(r: TimeRange): MinuteRange {
  return [minutesOf(r.start), minutesOf(r.end)];
}

export function compileCalendar(c: CalendarShape): CalendarRule {
  return {
    timeZone: c.timeZone,
    weekly: c.weekly.map((day) => day.map(toMinuteRange)),
    exceptions: new Map(
      c.exceptions.map((e) => [e.date, e.kind === 'closed' ? [] : e.hours.map(toMinuteRange)]),
    ),
  };
}

/** True when the calendar takes calls at `at`. */
export function isOpenAt(rule: CalendarRule, at: Date): boolean {
  const wall = wallClockOf(rule.timeZone, at.getTime());
  return openOnWall(rule, wall.date, wall.minute);
}

/** The next instant after `at` where open/closed flips; null if none within about a year. */
export function nextChangeAfter(rule: CalendarRule, at: Date): Date | null {
  const now = wallClockOf(rule.timeZone, at.getTime());
  const openNow = openOnWall(rule, now.date, now.minute);
  for (let i = 0; i <= HORIZON_DAYS; i++) {
    const date = addDays(now.date, i);
    const points = new Set<number>(i === 0 ? [] : [0]);
    for (const [start, end] of rangesOn(rule, date)) {
      points.add(start);
      if (end < 1440) points.add(end);
    }
    for (const minute of [...points].sort((a, b) => a - b)) {
      if (i === 0 && minute <= now.minute) continue;
      if (openOnWall(rule, date, minute) === openNow) continue;
      const instant = instantOfWall(rule.timeZone, date, minute, at.getTime());
      if (instant > at.getTime()) return new Date(instant);
    }
  }
  return null;
}

function rangesOn(rule: CalendarRule, date: string): readonly MinuteRange[] {
  return rule.exceptions.get(date) ?? rule.weekly[weekdayOf(date) - 1] ?? [];
}

function openOnWall(rule: CalendarRule, date: string, minute: number): boolean {
  return rangesOn(rule, date).some(([start, end]) => start <= minute && minute < end);
}

// ---- calendar dates and wall clocks ----

/** ISO weekday of a 'YYYY-MM-DD' date: 1 Monday … 7 Sunday. */
export function weekdayOf(date: string): number {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterOf(timeZone: string): Intl.DateTimeFormat {
  let f = formatters.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
    });
    formatters.set(timeZone, f);
  }
  return f;
}

/** Whether `timeZone` is a zone name this runtime knows (IANA, e.g. Asia/Shanghai). */
export function isKnownTimeZone(timeZone: string): boolean {
  if (!/^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+)*$/.test(timeZone)) return false;
  try {
    formatterOf(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** The wall clock of `instant` in `timeZone`, as milliseconds of a UTC date with the same fields. */
function wallMsOf(timeZone: string, instant: number): number {
  const parts: Record<string, number> = {};
  for (const p of formatterOf(timeZone).formatToParts(new Date(instant))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  const { year = 1970, month = 1, day = 1, hour = 0, minute = 0, second = 0 } = parts;
  return Date.UTC(year, month - 1, day, hour, minute, second) + (instant % 1000);
}

function wallClockOf(timeZone: string, instant: number): { date: string; minute: number } {
  const wall = wallMsOf(timeZone, instant);
  return { date: new Date(wall).toISOString().slice(0, 10), minute: Math.floor((wall % DAY_MS) / MINUTE_MS) };
}

/**
 * The first instant whose wall clock in `timeZone` reaches `date` + `minute`. In a spring-forward
 * gap (the wall time does not exist) that is the moment the clocks jump; in a fall-back overlap it
 * is the first occurrence, or the second when the first is not after `after`.
 */
function instantOfWall(timeZone: string, date: string, minute: number, after: number): number {
  const wall = Date.parse(`${date}T00:00:00Z`) + minute * MINUTE_MS;
  const offsetAt = (t: number) => wallMsOf(timeZone, t) - t;
  let t = wall - offsetAt(wall);
  t = wall - offsetAt(t);
  if (wallMsOf(timeZone, t) === wall) {
    if (t > after) return t;
    const later = wall - offsetAt(after);
    return wallMsOf(timeZone, later) === wall ? later : t;
  }
  // In a gap: search the minute where the wall clock first passes `wall`.
  let lo = t - 3 * 3_600_000;
  let hi = t + 3 * 3_600_000;
  while (hi - lo > MINUTE_MS) {
    const mid = lo + Math.floor((hi - lo) / 2 / MINUTE_MS) * MINUTE_MS;
    if (wallMsOf(timeZone, mid) >= wall) hi = mid;
    else lo = mid;
  }
  return hi;
}
