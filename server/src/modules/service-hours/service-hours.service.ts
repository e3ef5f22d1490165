import type {
  CalendarSource,
  OpenStatus,
  ServiceCalendar,
  ServiceCalendarInput,
  ServiceHoursOverview,
  ServiceHoursStatus,
} from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { type CalendarRule, compileCalendar, isOpenAt, nextChangeAfter } from './service-calendar.ts';
import { calendarProblems } from './service-calendar.validation.ts';
import { SERVICE_HOURS_ERRORS as E } from './service-hours.errors.ts';
import {
  type CalendarScope,
  deleteCalendar,
  listSkillGroups,
  loadCalendars,
  replaceCalendar,
  type StoredCalendars,
  skillGroupExists,
} from './service-hours.repository.ts';

// Use cases of the service-hours calendars: read them, replace one whole, drop a group's own
// calendar (it falls back to the default), and say per group whether it is open now.

/** The rule that decides for a skill group: its own calendar, else the default, else none (open). */
export function ruleSourceOf(
  stored: { center: ServiceCalendar | null; groups: ReadonlyMap<number, ServiceCalendar> },
  skillGroupId: number,
): { source: CalendarSource; calendar: ServiceCalendar | null } {
  const own = stored.groups.get(skillGroupId);
  if (own) return { source: 'own', calendar: own };
  if (stored.center) return { source: 'center', calendar: stored.center };
  return { source: 'none', calendar: null };
}

export async function serviceHoursOverview(db: Db): Promise<ServiceHoursOverview> {
  const [stored, groups] = await Promise.all([loadCalendars(db), listSkillGroups(db)]);
  return {
    center: stored.center,
    groups: groups.map((g) => ({
      skillGroupId: g.id,
      code: g.code,
      name: g.name,
      calendar: stored.groups.get(g.id) ?? null,
    })),
  };
}

export async function saveCalendar(
  trx: Db,
  scope: CalendarScope,
  input: ServiceCalendarInput,
  ctx: ChangeContext,
): Promise<ServiceCalendar> {
  if (scope !== null && !(await skillGroupExists(trx, scope))) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  const fields = calendarProblems(input);
  if (fields.length) throw new AppError(COMMON_ERRORS.VALIDATION_FAILED, { fields });
  const calendarId = await replaceCalendar(trx, scope, input, { staffId: ctx.actor.id, at: ctx.now });
  await audit(trx, scope, ctx, { change: 'replace', calendarId, calendar: input });
  const saved = await calendarOf(trx, scope);
  if (!saved) throw new Error(`service calendar ${calendarId} vanished inside its own transaction`);
  return saved;
}

export async function removeCalendar(trx: Db, scope: CalendarScope, ctx: ChangeContext): Promise<void> {
  if (scope !== null && !(await skillGroupExists(trx, scope))) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  const before = await calendarOf(trx, scope);
  if (!(await deleteCalendar(trx, scope)))
    throw new AppError(scope === null ? E.SERVICE_HOURS_NO_CENTER_CALENDAR : E.SERVICE_HOURS_NO_OWN_CALENDAR);
  await audit(trx, scope, ctx, { change: 'delete', calendar: before });
}

async function calendarOf(db: Db, scope: CalendarScope): Promise<ServiceCalendar | null> {
  const stored = await loadCalendars(db);
  return scope === null ? stored.center : (stored.groups.get(scope) ?? null);
}

function audit(trx: Db, scope: CalendarScope, ctx: ChangeContext, detail: Record<string, unknown>) {
  return recordAuditEvent(trx, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'service_hours.change',
    objectType: scope === null ? 'service_calendar_center' : 'service_calendar_skill_group',
    objectId: scope ?? 'center',
    ip: ctx.ip,
    detail,
  });
}

export function openStatus(rule: CalendarRule | null, at: Date): OpenStatus {
  if (!rule) return { open: true, nextChange: null };
  return { open: isOpenAt(rule, at), nextChange: nextChangeAfter(rule, at)?.toISOString() ?? null };
}

/** Open or closed now, and when that changes, for the default and every skill group. */
export async function serviceHoursStatus(db: Db, at: Date): Promise<ServiceHoursStatus> {
  const [stored, groups] = await Promise.all([loadCalendars(db), listSkillGroups(db)]);
  const rules = compileAll(stored);
  return {
    at: at.toISOString(),
    center: { configured: stored.center !== null, ...openStatus(rules.center, at) },
    items: groups.map((g) => {
      const { source } = ruleSourceOf(stored, g.id);
      const rule = source === 'own' ? (rules.groups.get(g.id) ?? null) : rules.center;
      return { skillGroupId: g.id, code: g.code, name: g.name, source, ...openStatus(rule, at) };
    }),
  };
}

export function compileAll(stored: StoredCalendars): {
  center: CalendarRule | null;
  groups: Map<number, CalendarRule>;
} {
  return {
    center: stored.center ? compileCalendar(stored.center) : null,
    groups: new Map([...stored.groups].map(([id, c]) => [id, compileCalendar(c)])),
  };
}
