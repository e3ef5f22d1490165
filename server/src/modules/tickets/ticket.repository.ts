import {
  OPEN_TICKET_STATES,
  type Ticket,
  type TicketAspect,
  type TicketEvent,
  type TicketListQuery,
  type TicketSummaryQuery,
} from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { offsetOf } from '../../http/pagination.ts';
import { likePattern } from '../directory/references.ts';

// Plain functions over `db` or a transaction. Visibility (which department) is the caller's
// filter: `departmentScope` is 'all' or the one department id a scoped actor may see.

const iso = (d: Date | string) => new Date(d).toISOString();

export function ticketQuery(db: Db) {
  return db
    .selectFrom('tickets as t')
    .leftJoin('staff as o', 'o.id', 't.owner_id')
    .leftJoin('staff as r', 'r.id', 't.responsible_id')
    .leftJoin('departments as d', 'd.id', 't.department_id')
    .selectAll('t')
    .select(['o.name as owner_name', 'r.name as responsible_name', 'd.name as department_name']);
}
type TicketRow = Awaited<ReturnType<ReturnType<typeof ticketQuery>['executeTakeFirstOrThrow']>>;
export type TicketQuery = ReturnType<typeof ticketQuery>;

export function aspectsOf(
  r: Pick<TicketRow, 'aspect_price' | 'aspect_effect' | 'aspect_service'>,
): TicketAspect[] {
  const out: TicketAspect[] = [];
  if (r.aspect_price) out.push('price');
  if (r.aspect_effect) out.push('effect');
  if (r.aspect_service) out.push('service');
  return out;
}

export function toTicket(r: TicketRow, now: Date): Ticket {
  const deadline = r.deadline_at === null ? null : new Date(r.deadline_at);
  return {
    id: r.id,
    number: r.number,
    kind: r.kind,
    category: r.category,
    state: r.state,
    occurredAt: iso(r.occurred_at),
    phone: r.phone,
    cardNo: r.card_no,
    customerName: r.customer_name,
    gender: r.gender,
    firstCode: r.first_code,
    aspects: aspectsOf(r),
    reason: r.reason,
    remarks: r.remarks,
    customerId: r.customer_id,
    callId: r.call_id,
    ownerId: r.owner_id,
    ownerName: r.owner_name,
    departmentId: r.department_id,
    departmentName: r.department_name,
    responsibleId: r.responsible_id,
    responsibleName: r.responsible_name,
    deadlineAt: deadline?.toISOString() ?? null,
    overdue: deadline !== null && deadline < now && (r.state === 'dispatched' || r.state === 'processing'),
    validity: r.validity,
    invalidReason: r.invalid_reason,
    answer: r.answer,
    replyChannel: r.reply_channel,
    replyNote: r.reply_note,
    satisfaction: r.satisfaction,
    createdAt: iso(r.created_at),
    updatedAt: iso(r.updated_at),
  };
}

export function inScope(query: TicketQuery, departmentScope: 'all' | number): TicketQuery {
  return departmentScope === 'all' ? query : query.where('t.department_id', '=', departmentScope);
}

export function withPeriodFilters(query: TicketQuery, q: TicketSummaryQuery): TicketQuery {
  let out = query;
  if (q.from) out = out.where('t.created_at', '>=', q.from);
  if (q.to) out = out.where('t.created_at', '<', q.to);
  if (q.kind) out = out.where('t.kind', '=', q.kind);
  if (q.category) out = out.where('t.category', '=', q.category);
  if (q.state) out = out.where('t.state', '=', q.state);
  if (q.departmentId) out = out.where('t.department_id', '=', q.departmentId);
  return out;
}

export const ticketRepository = {
  async get(db: Db, id: number, departmentScope: 'all' | number, now: Date): Promise<Ticket | undefined> {
    const row = await inScope(ticketQuery(db), departmentScope).where('t.id', '=', id).executeTakeFirst();
    return row ? toTicket(row, now) : undefined;
  },

  async list(
    db: Db,
    q: TicketListQuery,
    base: (query: TicketQuery) => TicketQuery,
    now: Date,
  ): Promise<{ items: Ticket[]; total: number }> {
    let query = withPeriodFilters(base(ticketQuery(db)), q);
    if (q.q) {
      const p = likePattern(q.q);
      query = query.where((eb) =>
        eb.or([
          eb('t.number', 'ilike', p),
          eb('t.phone', 'ilike', p),
          eb('t.reason', 'ilike', p),
          eb('t.customer_name', 'ilike', p),
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      query
        .orderBy('t.created_at', 'desc')
        .orderBy('t.id', 'desc')
        .limit(q.pageSize)
        .offset(offsetOf(q))
        .execute(),
      query
        .clearSelect()
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map((r) => toTicket(r, now)), total: Number(count.n) };
  },

  async events(db: Db, ticketId: number): Promise<TicketEvent[]> {
    const rows = await db
      .selectFrom('ticket_events as e')
      .leftJoin('staff as s', 's.id', 'e.actor_id')
      .select(['e.id', 'e.at', 'e.action', 'e.from_state', 'e.to_state', 'e.actor_id', 's.name', 'e.note'])
      .where('e.ticket_id', '=', ticketId)
      .orderBy('e.id')
      .execute();
    return rows.map((r) => ({
      id: Number(r.id),
      at: iso(r.at),
      action: r.action as TicketEvent['action'],
      fromState: r.from_state,
      toState: r.to_state,
      actorId: r.actor_id,
      actorName: r.name,
      note: r.note,
    }));
  },

  async appendEvent(
    trx: Db,
    e: {
      ticketId: number;
      at: Date;
      actorId: number | null;
      action: TicketEvent['action'];
      from: Ticket['state'] | null;
      to: Ticket['state'];
      note?: string | null;
    },
  ): Promise<void> {
    await trx
      .insertInto('ticket_events')
      .values({
        ticket_id: e.ticketId,
        at: e.at,
        actor_id: e.actorId,
        action: e.action,
        from_state: e.from,
        to_state: e.to,
        note: e.note ?? null,
      })
      .execute();
  },

  /** Next number of the day, e.g. TS20261122-0001; the counter row serialises concurrent creates. */
  async nextNumber(trx: Db, now: Date): Promise<string> {
    const day = now.toISOString().slice(0, 10).replaceAll('-', '');
    const row = await trx
      .insertInto('ticket_number_counters')
      .values({ day, last: 1 })
      .onConflict((oc) =>
        oc.column('day').doUpdateSet((eb) => ({ last: eb('ticket_number_counters.last', '+', 1) })),
      )
      .returning('last')
      .executeTakeFirstOrThrow();
    return `TS${day}-${String(row.last).padStart(4, '0')}`;
  },

  /** The department's active handler with the fewest open tickets (then the lowest id). */
  async leastBusyHandler(trx: Db, departmentId: number): Promise<number | undefined> {
    const row = await trx
      .selectFrom('staff as s')
      .innerJoin('staff_roles as sr', 'sr.staff_id', 's.id')
      .select((eb) => [
        's.id',
        eb
          .selectFrom('tickets as t')
          .select(eb.fn.countAll<string>().as('n'))
          .whereRef('t.responsible_id', '=', 's.id')
          .where('t.state', '=', 'processing')
          .as('open_count'),
      ])
      .where('s.department_id', '=', departmentId)
      .where('s.active', '=', true)
      .where('sr.role', '=', 'dept_handler')
      .orderBy('open_count')
      .orderBy('s.id')
      .executeTakeFirst();
    return row?.id;
  },

  /** Supervisors of a department: its named supervisor and active staff holding the role there. */
  async departmentSupervisors(db: Db, departmentId: number): Promise<number[]> {
    const [named, byRole] = await Promise.all([
      db.selectFrom('departments').select('supervisor_id').where('id', '=', departmentId).executeTakeFirst(),
      db
        .selectFrom('staff as s')
        .innerJoin('staff_roles as sr', 'sr.staff_id', 's.id')
        .select('s.id')
        .where('s.department_id', '=', departmentId)
        .where('s.active', '=', true)
        .where('sr.role', '=', 'dept_supervisor')
        .execute(),
    ]);
    const ids = byRole.map((r) => r.id);
    if (named?.supervisor_id) ids.push(named.supervisor_id);
    return [...new Set(ids)];
  },

  async staffWithRoles(db: Db, roles: ('team_lead' | 'duty_lead')[]): Promise<number[]> {
    const rows = await db
      .selectFrom('staff as s')
      .innerJoin('staff_roles as sr', 'sr.staff_id', 's.id')
      .select('s.id')
      .distinct()
      .where('s.active', '=', true)
      .where('sr.role', 'in', roles)
      .execute();
    return rows.map((r) => r.id);
  },

  openStates: OPEN_TICKET_STATES,
};
