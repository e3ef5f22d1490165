import type { ServiceCalendarInput, TimeRange } from '@switchboard/shared';
import type { FieldError, Message } from '../../http/app-error.ts';
import { isKnownTimeZone, minutesOf } from './service-calendar.ts';
import { SERVICE_HOURS_FIELD_MESSAGES as M } from './service-hours.errors.ts';

// What the schema cannot say about a calendar: a known zone, ranges that end after they start and
// do not overlap within a day, one exception per date, hours only on special days. Paths follow the
// request body (`weekly.0.1` is Monday's second range) so the page can mark the row concerned.
export function calendarProblems(c: ServiceCalendarInput): FieldError[] {
  const problems: FieldError[] = [];
  if (!isKnownTimeZone(c.timeZone)) problems.push({ path: 'timeZone', message: M.unknownTimeZone });
  c.weekly.forEach((day, i) => {
    problems.push(...dayProblems(day, `weekly.${i}`));
  });
  const seen = new Set<string>();
  c.exceptions.forEach((e, i) => {
    const path = `exceptions.${i}`;
    if (seen.has(e.date))
      problems.push({ path: `${path}.date`, message: fill(M.duplicateDate, { date: e.date }) });
    seen.add(e.date);
    if (e.kind === 'closed' && e.hours.length > 0)
      problems.push({ path: `${path}.hours`, message: M.closedWithHours });
    if (e.kind === 'special' && e.hours.length === 0)
      problems.push({ path: `${path}.hours`, message: M.specialWithoutHours });
    problems.push(...dayProblems(e.hours, `${path}.hours`));
  });
  return problems;
}

function dayProblems(ranges: readonly TimeRange[], path: string): FieldError[] {
  const problems: FieldError[] = [];
  const valid: { index: number; start: number; end: number }[] = [];
  ranges.forEach((r, index) => {
    const start = minutesOf(r.start);
    const end = minutesOf(r.end);
    if (start === 1440) problems.push({ path: `${path}.${index}.start`, message: M.startIs24 });
    else if (end <= start) problems.push({ path: `${path}.${index}.end`, message: M.endNotAfterStart });
    else valid.push({ index, start, end });
  });
  const sorted = [...valid].sort((a, b) => a.start - b.start);
  // Compare each range with the one reaching furthest so far (it may not be the previous one).
  let widest = sorted[0];
  for (const cur of sorted.slice(1)) {
    const prev = widest!;
    if (cur.end > prev.end) widest = cur;
    if (cur.start < prev.end) {
      const later = Math.max(prev.index, cur.index);
      const earlier = Math.min(prev.index, cur.index);
      problems.push({
        path: `${path}.${later}`,
        message: fill(M.overlap, { range: label(ranges[later]!), other: label(ranges[earlier]!) }),
      });
    }
  }
  return problems;
}

const label = (r: TimeRange) => `${r.start}–${r.end}`;

function fill(message: Message, params: Record<string, string>): Message {
  const apply = (s: string) => s.replace(/\{(\w+)\}/g, (whole, key: string) => params[key] ?? whole);
  return { 'zh-CN': apply(message['zh-CN']), 'en-US': apply(message['en-US']) };
}
