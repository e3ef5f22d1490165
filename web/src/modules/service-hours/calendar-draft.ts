import {
  DEFAULT_TIME_ZONE,
  type ExceptionKind,
  type ServiceCalendar,
  type ServiceCalendarInput,
  type TimeRange,
} from '@switchboard/shared';
import type { ApiFieldError } from '../../api/api-error.ts';

// The calendar as the page edits it: the saved shape plus a stable key per row for React, and the
// mapping from the server's field errors (`weekly.0.1`, `exceptions.2.date`) to the rows concerned.

export type DraftRange = TimeRange & { key: number };
export type DraftException = {
  key: number;
  date: string;
  name: string;
  kind: ExceptionKind;
  hours: DraftRange[];
};
export type CalendarDraft = { timeZone: string; weekly: DraftRange[][]; exceptions: DraftException[] };

let lastKey = 0;
const newKey = () => ++lastKey;
const withKey = (r: TimeRange): DraftRange => ({ ...r, key: newKey() });

/** A saved calendar to edit; without one, a 7×24 calendar (what "no calendar" means today). */
export function draftOf(
  calendar: Pick<ServiceCalendar, 'timeZone' | 'weekly' | 'exceptions'> | null,
): CalendarDraft {
  if (!calendar) {
    return {
      timeZone: DEFAULT_TIME_ZONE,
      weekly: Array.from({ length: 7 }, () => [withKey({ start: '00:00', end: '24:00' })]),
      exceptions: [],
    };
  }
  return {
    timeZone: calendar.timeZone,
    weekly: calendar.weekly.map((day) => day.map(withKey)),
    exceptions: calendar.exceptions.map((e) => ({ ...e, key: newKey(), hours: e.hours.map(withKey) })),
  };
}

const plain = ({ start, end }: DraftRange): TimeRange => ({ start, end });

export function inputOf(draft: CalendarDraft): ServiceCalendarInput {
  return {
    timeZone: draft.timeZone,
    weekly: draft.weekly.map((day) => day.map(plain)),
    exceptions: draft.exceptions.map((e) => ({
      date: e.date,
      name: e.name,
      kind: e.kind,
      hours: e.kind === 'special' ? e.hours.map(plain) : [],
    })),
  };
}

/** A range to add after the existing ones: 09:00–18:00 on an empty day, else the hour after the last. */
export function suggestedRange(ranges: readonly TimeRange[]): DraftRange {
  const last = ranges.at(-1);
  if (!last) return withKey({ start: '09:00', end: '18:00' });
  const [h = 0, m = 0] = last.end.split(':').map(Number);
  if (h >= 24) return withKey({ start: '00:00', end: '01:00' });
  const next = (hour: number) => `${String(hour).padStart(2, '0')}:${String(m).padStart(2, '0')}`;
  return withKey({ start: last.end, end: h === 23 ? '24:00' : next(h + 1) });
}

export const newRange = (start: string, end: string): DraftRange => withKey({ start, end });

export function newException(date: string): DraftException {
  return { key: newKey(), date, name: '', kind: 'closed', hours: [] };
}

/** Row of a field path: `weekly.3`, `exceptions.1`, `timeZone`. */
export function rowOf(path: string): string {
  const [head, index] = path.split('.');
  return head === 'weekly' || head === 'exceptions' ? `${head}.${index}` : (head ?? path);
}

/** Messages per row, in the order the server gave them. */
export function rowErrors(fields: readonly ApiFieldError[]): Map<string, string[]> {
  const rows = new Map<string, string[]>();
  for (const f of fields) {
    const row = rowOf(f.path);
    rows.set(row, [...(rows.get(row) ?? []), f.message]);
  }
  return rows;
}

/** Whether a field error concerns the range at `rangePath` (e.g. `weekly.0.1`, `exceptions.2.hours.0`). */
export function rangeHasError(fields: readonly ApiFieldError[], rangePath: string): boolean {
  return fields.some((f) => f.path === rangePath || f.path.startsWith(`${rangePath}.`));
}
