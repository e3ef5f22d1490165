import type {
  CalendarException,
  ServiceCalendar,
  ServiceCalendarInput,
  TimeRange,
} from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { clockTimeOf, minutesOf } from './service-calendar.ts';

// SQL of the service-hours calendars. A calendar is always written whole: its weekly rows and
// exceptions are replaced together inside the caller's transaction.

/** null: the centre default; a number: that skill group's own calendar. */
export type CalendarScope = number | null;

export type StoredCalendars = {
  center: ServiceCalendar | null;
  /** skill group id → its own calendar. */
  groups: Map<number, ServiceCalendar>;
};

type Minutes = { start_minute: number; end_minute: number };
const rangeOf = (r: Minutes): TimeRange => ({
  start: clockTimeOf(r.start_minute),
  end: clockTimeOf(r.end_minute),
});
const byStart = (a: Minutes, b: Minutes) => a.start_minute - b.start_minute;

export async function loadCalendars(db: Db): Promise<StoredCalendars> {
  const [calendars, hours, exceptions, exceptionHours] = await Promise.all([
    db
      .selectFrom('service_calendars as c')
      .leftJoin('staff as s', 's.id', 'c.updated_by')
      .select(['c.id', 'c.skill_group_id', 'c.time_zone', 'c.updated_at', 's.name as updated_by_name'])
      .execute(),
    db.selectFrom('service_calendar_hours').selectAll().execute(),
    db
      .selectFrom('service_calendar_exceptions')
      .select(['id', 'calendar_id', 'name', 'kind', sql<string>`on_date::text`.as('on_date')])
      .orderBy('on_date')
      .execute(),
    db.selectFrom('service_calendar_exception_hours').selectAll().execute(),
  ]);
  const out: StoredCalendars = { center: null, groups: new Map() };
  for (const c of calendars) {
    const weekly = [1, 2, 3, 4, 5, 6, 7].map((weekday) =>
      hours
        .filter((h) => h.calendar_id === c.id && h.weekday === weekday)
        .sort(byStart)
        .map(rangeOf),
    );
    const calendar: ServiceCalendar = {
      timeZone: c.time_zone,
      weekly,
      exceptions: exceptions
        .filter((e) => e.calendar_id === c.id)
        .map(
          (e): CalendarException => ({
            date: e.on_date,
            name: e.name,
            kind: e.kind,
            hours: exceptionHours
              .filter((h) => h.exception_id === e.id)
              .sort(byStart)
              .map(rangeOf),
          }),
        ),
      updatedAt: new Date(c.updated_at).toISOString(),
      updatedByName: c.updated_by_name ?? null,
    };
    if (c.skill_group_id === null) out.center = calendar;
    else out.groups.set(c.skill_group_id, calendar);
  }
  return out;
}

export async function listSkillGroups(db: Db) {
  return db.selectFrom('skill_groups').select(['id', 'code', 'name']).orderBy('id').execute();
}

export async function skillGroupExists(db: Db, id: number): Promise<boolean> {
  return (
    (await db.selectFrom('skill_groups').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

function calendarIdQuery(db: Db, scope: CalendarScope) {
  const q = db.selectFrom('service_calendars').select('id');
  return scope === null ? q.where('skill_group_id', 'is', null) : q.where('skill_group_id', '=', scope);
}

/** Writes the calendar of `scope` as given, replacing whatever it held. Returns its id. */
export async function replaceCalendar(
  trx: Db,
  scope: CalendarScope,
  input: ServiceCalendarInput,
  by: { staffId: number | null; at: Date },
): Promise<number> {
  const existing = await calendarIdQuery(trx, scope).forUpdate().executeTakeFirst();
  let id: number;
  if (existing) {
    id = existing.id;
    await trx
      .updateTable('service_calendars')
      .set({ time_zone: input.timeZone, updated_by: by.staffId, updated_at: by.at })
      .where('id', '=', id)
      .execute();
    await trx.deleteFrom('service_calendar_hours').where('calendar_id', '=', id).execute();
    await trx.deleteFrom('service_calendar_exceptions').where('calendar_id', '=', id).execute();
  } else {
    const row = await trx
      .insertInto('service_calendars')
      .values({ skill_group_id: scope, time_zone: input.timeZone, updated_by: by.staffId, updated_at: by.at })
      .returning('id')
      .executeTakeFirstOrThrow();
    id = row.id;
  }
  const weekly = input.weekly.flatMap((day, i) =>
    day.map((r) => ({ calendar_id: id, weekday: i + 1, ...minutesRow(r) })),
  );
  if (weekly.length) await trx.insertInto('service_calendar_hours').values(weekly).execute();
  if (input.exceptions.length === 0) return id;
  const rows = await trx
    .insertInto('service_calendar_exceptions')
    .values(input.exceptions.map((e) => ({ calendar_id: id, on_date: e.date, name: e.name, kind: e.kind })))
    .returning(['id', sql<string>`on_date::text`.as('on_date')])
    .execute();
  const idOfDate = new Map(rows.map((r) => [r.on_date, r.id]));
  const special = input.exceptions.flatMap((e) =>
    e.hours.map((r) => ({ exception_id: idOfDate.get(e.date)!, ...minutesRow(r) })),
  );
  if (special.length) await trx.insertInto('service_calendar_exception_hours').values(special).execute();
  return id;
}

/** Removes the calendar of `scope` (its rows cascade). Returns whether there was one. */
export async function deleteCalendar(trx: Db, scope: CalendarScope): Promise<boolean> {
  const q = trx.deleteFrom('service_calendars');
  const res = await (scope === null
    ? q.where('skill_group_id', 'is', null)
    : q.where('skill_group_id', '=', scope)
  ).executeTakeFirst();
  return res.numDeletedRows > 0n;
}

function minutesRow(r: TimeRange): Minutes {
  return { start_minute: minutesOf(r.start), end_minute: minutesOf(r.end) };
}
