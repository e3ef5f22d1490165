import type { AgentMessage, HelpRequest, MessageStaffRef } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

// Agent-to-agent short messages and help requests (CTI-18). Every read is filtered by the
// reader: a message is visible to its sender and its recipient only.

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function baseMessages(db: Db) {
  return db
    .selectFrom('agent_messages as m')
    .innerJoin('staff as f', 'f.id', 'm.from_staff_id')
    .innerJoin('staff as t', 't.id', 'm.to_staff_id')
    .select([
      'm.id',
      'm.body',
      'm.sent_at',
      'm.read_at',
      'f.id as from_id',
      'f.employee_no as from_no',
      'f.name as from_name',
      't.id as to_id',
      't.employee_no as to_no',
      't.name as to_name',
    ]);
}

type MessageRow = Awaited<ReturnType<ReturnType<typeof baseMessages>['executeTakeFirstOrThrow']>>;

const toMessage = (r: MessageRow): AgentMessage => ({
  id: r.id,
  from: { id: r.from_id, employeeNo: r.from_no, name: r.from_name },
  to: { id: r.to_id, employeeNo: r.to_no, name: r.to_name },
  body: r.body,
  sentAt: new Date(r.sent_at).toISOString(),
  readAt: iso(r.read_at),
});

/** Active staff ids among these; the others do not exist (or left). */
export async function activeStaffIds(db: Db, ids: number[]): Promise<Set<number>> {
  if (ids.length === 0) return new Set();
  const rows = await db
    .selectFrom('staff')
    .select('id')
    .where('id', 'in', ids)
    .where('active', '=', true)
    .execute();
  return new Set(rows.map((r) => r.id));
}

export async function insertMessages(db: Db, fromId: number, toIds: number[], body: string, now: Date) {
  return db
    .insertInto('agent_messages')
    .values(
      toIds.map((to) => ({ from_staff_id: fromId, to_staff_id: to, body, sent_at: now, read_at: null })),
    )
    .returning(['id', 'to_staff_id'])
    .execute();
}

export async function listMessages(
  db: Db,
  readerId: number,
  q: { box: 'inbox' | 'sent'; unreadOnly?: boolean | undefined; page: number; pageSize: number },
) {
  let query = baseMessages(db).where(q.box === 'inbox' ? 'm.to_staff_id' : 'm.from_staff_id', '=', readerId);
  if (q.unreadOnly) query = query.where('m.read_at', 'is', null);
  const rows = await query
    .orderBy('m.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const total = await db
    .selectFrom('agent_messages')
    .select(sql<number>`count(*)::int`.as('n'))
    .where(q.box === 'inbox' ? 'to_staff_id' : 'from_staff_id', '=', readerId)
    .$if(Boolean(q.unreadOnly), (qb) => qb.where('read_at', 'is', null))
    .executeTakeFirstOrThrow();
  return { items: rows.map(toMessage), total: Number(total.n) };
}

export async function getMessageFor(db: Db, id: number, readerId: number): Promise<AgentMessage | undefined> {
  const row = await baseMessages(db)
    .where('m.id', '=', id)
    .where((eb) => eb.or([eb('m.to_staff_id', '=', readerId), eb('m.from_staff_id', '=', readerId)]))
    .executeTakeFirst();
  return row ? toMessage(row) : undefined;
}

/** Marks a message addressed to the reader as read; false if it is not theirs. */
export async function markRead(db: Db, id: number, readerId: number, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('agent_messages')
    .set({ read_at: sql`coalesce(read_at, ${now})` })
    .where('id', '=', id)
    .where('to_staff_id', '=', readerId)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}

export async function listColleagues(db: Db, exceptId: number): Promise<MessageStaffRef[]> {
  const rows = await db
    .selectFrom('staff')
    .select(['id', 'employee_no', 'name'])
    .where('active', '=', true)
    .where('id', '!=', exceptId)
    .orderBy('employee_no')
    .limit(1000)
    .execute();
  return rows.map((r) => ({ id: r.id, employeeNo: r.employee_no, name: r.name }));
}

function baseHelp(db: Db) {
  return db
    .selectFrom('help_requests as h')
    .innerJoin('staff as f', 'f.id', 'h.from_staff_id')
    .leftJoin('staff as t', 't.id', 'h.taken_by')
    .select([
      'h.id',
      'h.body',
      'h.call_id',
      'h.created_at',
      'h.taken_at',
      'f.id as from_id',
      'f.employee_no as from_no',
      'f.name as from_name',
      't.id as taker_id',
      't.employee_no as taker_no',
      't.name as taker_name',
    ]);
}

type HelpRow = Awaited<ReturnType<ReturnType<typeof baseHelp>['executeTakeFirstOrThrow']>>;

const toHelp = (r: HelpRow): HelpRequest => ({
  id: r.id,
  from: { id: r.from_id, employeeNo: r.from_no, name: r.from_name },
  body: r.body,
  callId: r.call_id,
  state: r.taker_id === null ? 'open' : 'taken',
  takenBy:
    r.taker_id === null ? null : { id: r.taker_id, employeeNo: r.taker_no ?? '', name: r.taker_name ?? '' },
  takenAt: iso(r.taken_at),
  createdAt: new Date(r.created_at).toISOString(),
});

export async function insertHelpRequest(
  db: Db,
  fromId: number,
  body: string,
  callId: string | null,
  now: Date,
) {
  const row = await db
    .insertInto('help_requests')
    .values({ from_staff_id: fromId, body, call_id: callId, taken_by: null, taken_at: null, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** Leads see every request; anyone else only their own. */
export async function listHelpRequests(db: Db, readerId: number, isLead: boolean): Promise<HelpRequest[]> {
  const rows = await baseHelp(db)
    .$if(!isLead, (qb) => qb.where('h.from_staff_id', '=', readerId))
    .orderBy('h.id', 'desc')
    .limit(100)
    .execute();
  return rows.map(toHelp);
}

export async function getHelpRequestFor(
  db: Db,
  id: number,
  readerId: number,
  isLead: boolean,
): Promise<HelpRequest | undefined> {
  const row = await baseHelp(db)
    .where('h.id', '=', id)
    .$if(!isLead, (qb) => qb.where('h.from_staff_id', '=', readerId))
    .executeTakeFirst();
  return row ? toHelp(row) : undefined;
}

/** The first lead to respond takes the request; false when someone already has. */
export async function takeHelpRequest(db: Db, id: number, takerId: number, now: Date): Promise<boolean> {
  const row = await db
    .updateTable('help_requests')
    .set({ taken_by: takerId, taken_at: now })
    .where('id', '=', id)
    .where('taken_by', 'is', null)
    .returning('id')
    .executeTakeFirst();
  return row !== undefined;
}
