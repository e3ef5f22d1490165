import { z } from 'zod';
import { text } from './text.ts';

// Service hours (服务时间, VM-1): when each skill group takes calls. A centre-wide default
// calendar and optional per-skill-group calendars; a group without its own uses the default, and
// with no calendar at all a group is always open. Outside the hours new callers hear the
// after-hours prompt and may leave a voicemail instead of queueing.

export const SERVICE_HOURS_EDITOR_ROLES = ['admin'] as const;
export const SERVICE_HOURS_READER_ROLES = ['admin', 'team_lead', 'duty_lead'] as const;
export const SERVICE_HOURS_LIMITS = { rangesPerDay: 12, exceptions: 400, name: 40 } as const;
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

/** ISO weekday 1 (Monday) … 7 (Sunday); `weekly[0]` is Monday. */
export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export type Weekday = (typeof WEEKDAYS)[number];

/** "HH:MM" on the 24-hour clock; an end may be "24:00" (midnight at the end of the day). */
export const clockTimeSchema = z.string().regex(/^(?:[01]\d|2[0-3]):[0-5]\d$|^24:00$/, 'time_format');

/** Open from `start` (inclusive) to `end` (exclusive), local time of the calendar's zone. */
export const timeRangeSchema = z.strictObject({ start: clockTimeSchema, end: clockTimeSchema });
export type TimeRange = z.infer<typeof timeRangeSchema>;

const dayRanges = z.array(timeRangeSchema).max(SERVICE_HOURS_LIMITS.rangesPerDay);

export const EXCEPTION_KINDS = ['closed', 'special'] as const;
export type ExceptionKind = (typeof EXCEPTION_KINDS)[number];

/** A date that does not follow the week: a holiday (closed) or special hours (调休, short day). */
export const calendarExceptionSchema = z.strictObject({
  date: z.iso.date(),
  name: text(SERVICE_HOURS_LIMITS.name),
  kind: z.enum(EXCEPTION_KINDS),
  /** The day's hours when `kind` is 'special'; empty when closed. */
  hours: dayRanges.default([]),
});
export type CalendarException = z.infer<typeof calendarExceptionSchema>;

/** A whole calendar as an admin saves it (replaces the stored one). */
export const serviceCalendarInputSchema = z.strictObject({
  timeZone: z.string().trim().min(1).max(64).default(DEFAULT_TIME_ZONE),
  /** Seven days, Monday first; an empty day is closed all day. */
  weekly: z.array(dayRanges).length(7),
  exceptions: z.array(calendarExceptionSchema).max(SERVICE_HOURS_LIMITS.exceptions).default([]),
});
export type ServiceCalendarInput = z.infer<typeof serviceCalendarInputSchema>;

export const serviceCalendarSchema = z.object({
  timeZone: z.string(),
  weekly: z.array(z.array(timeRangeSchema)),
  exceptions: z.array(calendarExceptionSchema),
  updatedAt: z.string(),
  updatedByName: z.string().nullable(),
});
export type ServiceCalendar = z.infer<typeof serviceCalendarSchema>;

/** Everything the admin page shows: the default and, per skill group, its own calendar if any. */
export const serviceHoursOverviewSchema = z.object({
  center: serviceCalendarSchema.nullable(),
  groups: z.array(
    z.object({
      skillGroupId: z.number().int(),
      code: z.string(),
      name: z.string(),
      calendar: serviceCalendarSchema.nullable(),
    }),
  ),
});
export type ServiceHoursOverview = z.infer<typeof serviceHoursOverviewSchema>;

/** Which calendar decides: the group's own, the centre default, or none (always open). */
export const CALENDAR_SOURCES = ['own', 'center', 'none'] as const;
export type CalendarSource = (typeof CALENDAR_SOURCES)[number];

export const openStatusSchema = z.object({
  open: z.boolean(),
  /** When the state flips next (ISO); null when it never does within a year (7×24, or no hours). */
  nextChange: z.string().nullable(),
});
export type OpenStatus = z.infer<typeof openStatusSchema>;

export const serviceHoursStatusSchema = z.object({
  at: z.string(),
  center: openStatusSchema.extend({ configured: z.boolean() }),
  items: z.array(
    openStatusSchema.extend({
      skillGroupId: z.number().int(),
      code: z.string(),
      name: z.string(),
      source: z.enum(CALENDAR_SOURCES),
    }),
  ),
});
export type ServiceHoursStatus = z.infer<typeof serviceHoursStatusSchema>;
