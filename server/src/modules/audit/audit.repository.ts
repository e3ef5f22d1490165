import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { LoginEvent, LoginResult } from '../../db/schema.ts';
import type { Actor } from '../../http/access.ts';

// The audit module others call (PLAT-2, PLAT-6). Rows are append-only; the database refuses
// UPDATE and DELETE on both tables. Callers pass their transaction so the audit row commits or
// rolls back with the change it describes.
export type LoginAttempt = {
  at: Date;
  event: LoginEvent;
  loginName: string;
  staffId: number | null;
  ip: string;
  userAgent: string;
  result: LoginResult;
  reason: string | null;
};

export async function recordLoginAttempt(db: Db, a: LoginAttempt): Promise<void> {
  await db
    .insertInto('login_audit')
    .values({
      at: a.at,
      event: a.event,
      login_name: a.loginName.slice(0, 64),
      staff_id: a.staffId,
      ip: a.ip,
      user_agent: a.userAgent.slice(0, 512),
      result: a.result,
      reason: a.reason,
    })
    .execute();
}

export type AuditAction =
  | 'staff.create'
  | 'staff.update'
  | 'staff.deactivate'
  | 'staff.password_reset'
  | 'staff.export'
  | 'auth.password_change'
  | 'login_log.read'
  | 'login_log.export'
  | 'directory.change'
  | 'settings.change'
  | 'cdr.read'
  | 'recording.play'
  | 'supervisor.monitor'
  | 'supervisor.intercept'
  | 'supervisor.force_release'
  | 'supervisor.force_state'
  | 'supervisor.record'
  | 'traffic.change'
  | 'announcement.change'
  | 'call_tag.change'
  | 'fault_alarm.acknowledge'
  | 'ticket.review'
  | 'ticket.workflow_change'
  | 'ticket.export'
  | 'sms_campaign.approve'
  | 'sms_campaign.reject'
  | 'outbox.retry'
  | 'customer.read'
  | 'customer.create'
  | 'customer.update'
  | 'customer.merge'
  | 'customer.import'
  | 'customer.export'
  | 'customer.field_define'
  | 'knowledge.change'
  | 'follow_up.change'
  | 'follow_up.run'
  | 'follow_up.export'
  | 'ivr_flow.change'
  | 'voicemail.play'
  | 'voicemail.change'
  | 'callback.change'
  | 'service_hours.change';

export type AuditEntry = {
  at: Date;
  actor: Pick<Actor, 'id' | 'employeeNo'> | null;
  action: AuditAction;
  objectType: string;
  objectId: string | number | null;
  ip: string | null;
  detail?: Record<string, unknown>;
};

export async function recordAuditEvent(db: Db, e: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_events')
    .values({
      at: e.at,
      actor_id: e.actor?.id ?? null,
      actor_employee_no: e.actor?.employeeNo ?? null,
      action: e.action,
      object_type: e.objectType,
      object_id: e.objectId === null ? null : String(e.objectId),
      ip: e.ip,
      detail: JSON.stringify(e.detail ?? {}),
    })
    .execute();
}

/** Failed logins of one account since `since` and after its last successful login, oldest first. */
export async function accountFailuresSince(db: Db, loginName: string, since: Date): Promise<Date[]> {
  const name = loginName.toLowerCase();
  const lastSuccess = db
    .selectFrom('login_audit')
    .select((eb) => eb.fn.max('at').as('at'))
    .where(sql`lower(login_name)`, '=', name)
    .where('event', '=', 'login')
    .where('result', '=', 'success');
  const rows = await db
    .selectFrom('login_audit')
    .select('at')
    .where(sql`lower(login_name)`, '=', name)
    .where('event', '=', 'login')
    .where('result', '=', 'failure')
    .where('at', '>', since)
    .where((eb) => eb.or([eb(lastSuccess, 'is', null), eb('at', '>', lastSuccess)]))
    .orderBy('at')
    .execute();
  return rows.map((r) => new Date(r.at));
}

export async function ipFailuresSince(db: Db, ip: string, since: Date): Promise<Date[]> {
  const rows = await db
    .selectFrom('login_audit')
    .select('at')
    .where('ip', '=', ip)
    .where('event', '=', 'login')
    .where('result', '=', 'failure')
    .where('at', '>', since)
    .orderBy('at')
    .execute();
  return rows.map((r) => new Date(r.at));
}
