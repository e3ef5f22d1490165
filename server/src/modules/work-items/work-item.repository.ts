import type { WorkItem, WorkItemDetail, WorkItemListQuery, WorkItemState } from '@switchboard/shared';
import { WORK_ITEM_STATES } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { WorkItemStateColumn } from './work-item.tables.ts';

// Reads of the work-item queue (MSG-5), shaped for the agents' page.
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

function baseQuery(db: Db) {
  return db
    .selectFrom('work_items as w')
    .leftJoin('customers as c', 'c.id', 'w.customer_id')
    .leftJoin('skill_groups as g', 'g.id', 'w.skill_group_id')
    .leftJoin('staff as t', 't.id', 'w.taken_by')
    .selectAll('w')
    .select(['c.name as customer_name', 'g.name as skill_group_name', 't.name as taken_by_name']);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
type Attachment = WorkItem['attachments'][number];

function toWorkItem(r: Row): WorkItem {
  return {
    id: r.id,
    channel: r.channel,
    from: r.from_address,
    fromName: r.from_name,
    contactPhone: r.contact_phone,
    contactEmail: r.contact_email,
    subject: r.subject,
    body: r.body,
    attachments: (r.attachments as Attachment[] | null) ?? [],
    customer: r.customer_id !== null ? { id: r.customer_id, name: r.customer_name ?? '' } : null,
    skillGroup: r.skill_group_id !== null ? { id: r.skill_group_id, name: r.skill_group_name ?? '' } : null,
    state: r.state,
    takenBy: r.taken_by !== null ? { id: r.taken_by, name: r.taken_by_name ?? '' } : null,
    takenAt: iso(r.taken_at),
    closedAt: iso(r.closed_at),
    ticketId: r.ticket_id,
    createdAt: iso(r.created_at) ?? '',
  };
}

export async function listWorkItems(db: Db, q: WorkItemListQuery) {
  const filtered = baseQuery(db)
    .$if(q.state !== undefined, (b) => b.where('w.state', '=', q.state as WorkItemStateColumn))
    .$if(q.channel !== undefined, (b) => b.where('w.channel', '=', q.channel ?? 'email'));
  const rows = await filtered
    .orderBy('w.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const countRows = await db
    .selectFrom('work_items')
    .select(['state', sql<number>`count(*)::int`.as('n')])
    .$if(q.channel !== undefined, (b) => b.where('channel', '=', q.channel ?? 'email'))
    .groupBy('state')
    .execute();
  const counts = Object.fromEntries(WORK_ITEM_STATES.map((s) => [s, 0])) as Record<WorkItemState, number>;
  for (const c of countRows) counts[c.state] = Number(c.n);
  const total = q.state !== undefined ? counts[q.state] : Object.values(counts).reduce((a, b) => a + b, 0);
  return { items: rows.map(toWorkItem), total, page: q.page, pageSize: q.pageSize, counts };
}

export async function getWorkItem(db: Db, id: number): Promise<WorkItem | undefined> {
  const row = await baseQuery(db).where('w.id', '=', id).executeTakeFirst();
  return row ? toWorkItem(row) : undefined;
}

export async function getWorkItemDetail(db: Db, id: number): Promise<WorkItemDetail | undefined> {
  const item = await getWorkItem(db, id);
  if (!item) return undefined;
  const events = await db
    .selectFrom('work_item_events as e')
    .leftJoin('staff as s', 's.id', 'e.actor_id')
    .selectAll('e')
    .select('s.name as actor_name')
    .where('e.work_item_id', '=', id)
    .orderBy('e.id')
    .execute();
  return {
    ...item,
    events: events.map((e) => ({
      id: Number(e.id),
      at: iso(e.at) ?? '',
      actor: e.actor_id !== null ? { id: e.actor_id, name: e.actor_name ?? '' } : null,
      action: e.action,
      fromState: e.from_state,
      toState: e.to_state,
      note: e.note,
    })),
  };
}

export async function appendWorkItemEvent(
  db: Db,
  e: {
    workItemId: number;
    at: Date;
    actorId: number | null;
    action: string;
    fromState: WorkItemStateColumn | null;
    toState: WorkItemStateColumn;
    note?: string | null;
  },
): Promise<void> {
  await db
    .insertInto('work_item_events')
    .values({
      work_item_id: e.workItemId,
      at: e.at,
      actor_id: e.actorId,
      action: e.action,
      from_state: e.fromState,
      to_state: e.toState,
      note: e.note ?? null,
    })
    .execute();
}
