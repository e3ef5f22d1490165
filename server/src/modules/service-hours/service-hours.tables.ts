import type { ColumnType, Generated } from 'kysely';

// Tables of the service-hours calendar (after-hours routing, VM-1); migration 0016.
// Times of day are minutes since local midnight in the calendar's zone (end may be 1440).
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: written as 'YYYY-MM-DD', read back with `::text` (never as a JS Date). */
type CalendarDate = ColumnType<string, string, string>;

/** skill_group_id null: the centre-wide default; at most one calendar per group and one default. */
export type ServiceCalendarTable = {
  id: Generated<number>;
  skill_group_id: number | null;
  time_zone: string;
  updated_by: number | null;
  updated_at: Timestamp;
};

/** Weekly hours: weekday 1 (Monday) … 7 (Sunday); a day without rows is closed. */
export type ServiceCalendarHoursTable = {
  calendar_id: number;
  weekday: number;
  start_minute: number;
  end_minute: number;
};

/** A date off the weekly pattern: a holiday (closed) or a day with its own hours (special). */
export type ServiceCalendarExceptionTable = {
  id: Generated<number>;
  calendar_id: number;
  on_date: CalendarDate;
  name: string;
  kind: 'closed' | 'special';
};

export type ServiceCalendarExceptionHoursTable = {
  exception_id: number;
  start_minute: number;
  end_minute: number;
};

export type ServiceHoursTables = {
  service_calendars: ServiceCalendarTable;
  service_calendar_hours: ServiceCalendarHoursTable;
  service_calendar_exceptions: ServiceCalendarExceptionTable;
  service_calendar_exception_hours: ServiceCalendarExceptionHoursTable;
};
