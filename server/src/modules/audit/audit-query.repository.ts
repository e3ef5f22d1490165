import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { offsetOf } from '../../http/pagination.ts';
import type { AuditEventQuery, LoginLogQuery } from './audit.schema.ts';

export async function findLoginLog(db: Db, q: LoginLogQuery) {
  let query = db.selectFrom('login_audit as l').leftJoin('staff as s', 's.id', 'l.staff_id');
  if (q.loginName) query = query.where(sql`lower(l.login_name)`, '=', q.loginName.toLowerCase());
  if (q.ip) query = query.where('l.ip', '=', q.ip);
  if (q.result) query = query.where('l.result', '=', q.result);
  if (q.event) query = query.where('l.event', '=', q.event);
  if (q.from) query = query.where('l.at', '>=', q.from);
  if (q.to) query = query.where('l.at', '<', q.to);
  const [rows, count] = await Promise.all([
    query
      .select([
        'l.id',
        'l.at',
        'l.event',
        'l.login_name',
        'l.staff_id',
        's.name as staff_name',
        'l.ip',
        'l.user_agent',
        'l.result',
        'l.reason',
      ])
      .orderBy('l.at', 'desc')
      .orderBy('l.id', 'desc')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at),
      event: r.event,
      loginName: r.login_name,
      staffId: r.staff_id,
      staffName: r.staff_name,
      ip: r.ip,
      userAgent: r.user_agent,
      result: r.result,
      reason: r.reason,
    })),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}

export async function findAuditEvents(db: Db, q: AuditEventQuery) {
  let query = db.selectFrom('audit_events');
  if (q.actorEmployeeNo) query = query.where('actor_employee_no', '=', q.actorEmployeeNo);
  if (q.action) query = query.where('action', '=', q.action);
  if (q.objectType) query = query.where('object_type', '=', q.objectType);
  if (q.from) query = query.where('at', '>=', q.from);
  if (q.to) query = query.where('at', '<', q.to);
  const [rows, count] = await Promise.all([
    query
      .selectAll()
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return {
    items: rows.map((r) => ({
      id: String(r.id),
      at: new Date(r.at),
      actorId: r.actor_id,
      actorEmployeeNo: r.actor_employee_no,
      action: r.action,
      objectType: r.object_type,
      objectId: r.object_id,
      ip: r.ip,
      detail: (r.detail ?? {}) as Record<string, unknown>,
    })),
    total: Number(count.n),
    page: q.page,
    pageSize: q.pageSize,
  };
}
