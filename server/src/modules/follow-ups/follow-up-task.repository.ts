import type { FollowUpStatus, FollowUpTask, FollowUpVisit } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { withinCallingHours } from './follow-up.time.ts';

// Reading tasks and visits. `assigneeId` narrows to one member's own tasks (FUP: a member sees
// only theirs; another's task reads as not found).

const LIST_LIMIT = 500;

function taskQuery(db: Db) {
  return db
    .selectFrom('follow_up_tasks as t')
    .innerJoin('follow_up_rules as r', 'r.id', 't.rule_id')
    .innerJoin('follow_up_categories as k', 'k.id', 't.category_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('customer_services as s', 's.id', 't.service_id')
    .innerJoin('staff as a', 'a.id', 't.assignee_id')
    .select((eb) => [
      't.id',
      't.rule_id',
      'r.name as rule_name',
      'r.purpose',
      'r.script',
      'r.call_from',
      'r.call_to',
      'r.max_attempts',
      't.category_id',
      'k.name as category_name',
      't.customer_id',
      'c.name as customer_name',
      'c.gender',
      'c.card_no',
      't.phone',
      's.name as service_name',
      sql<string>`t.service_date::text`.as('service_date'),
      't.assignee_id',
      'a.name as assignee_name',
      't.status',
      't.attempts',
      't.next_attempt_at',
      't.deadline_at',
      't.created_at',
      't.closed_at',
      eb
        .exists(
          eb.selectFrom('follow_up_do_not_call as d').select('d.phone').whereRef('d.phone', '=', 't.phone'),
        )
        .as('do_not_call'),
    ]);
}

type TaskRow = Awaited<ReturnType<ReturnType<typeof taskQuery>['executeTakeFirstOrThrow']>>;

function toTask(r: TaskRow, now: Date): FollowUpTask {
  const next = r.next_attempt_at ? new Date(r.next_attempt_at) : null;
  const deadline = new Date(r.deadline_at);
  const blockedReason: FollowUpTask['blockedReason'] =
    r.status !== 'open'
      ? 'closed'
      : r.do_not_call
        ? 'do_not_call'
        : next && next > now
          ? 'retry_later'
          : withinCallingHours(now, r.call_from, r.call_to)
            ? null
            : 'outside_hours';
  return {
    id: r.id,
    ruleId: r.rule_id,
    ruleName: r.rule_name,
    purpose: r.purpose,
    script: r.script,
    categoryId: r.category_id,
    categoryName: r.category_name,
    customerId: r.customer_id,
    customerName: r.customer_name,
    gender: r.gender,
    cardNo: r.card_no,
    phone: r.phone,
    serviceName: r.service_name,
    serviceDate: r.service_date,
    assigneeId: r.assignee_id,
    assigneeName: r.assignee_name,
    status: r.status,
    attempts: r.attempts,
    maxAttempts: r.max_attempts,
    nextAttemptAt: next?.toISOString() ?? null,
    deadlineAt: deadline.toISOString(),
    overdue: r.status === 'open' && deadline < now,
    callable: blockedReason === null,
    blockedReason,
    callFrom: r.call_from,
    callTo: r.call_to,
    createdAt: new Date(r.created_at).toISOString(),
    closedAt: r.closed_at ? new Date(r.closed_at).toISOString() : null,
  };
}

export const followUpTaskRepository = {
  async list(
    db: Db,
    q: { assigneeId?: number | undefined; status?: FollowUpStatus | undefined },
    now: Date,
  ): Promise<FollowUpTask[]> {
    let query = taskQuery(db);
    if (q.assigneeId !== undefined) query = query.where('t.assignee_id', '=', q.assigneeId);
    if (q.status !== undefined) query = query.where('t.status', '=', q.status);
    const rows = await query.orderBy('t.deadline_at').orderBy('t.id').limit(LIST_LIMIT).execute();
    return rows.map((r) => toTask(r, now));
  },

  async get(db: Db, id: number, now: Date, assigneeId?: number): Promise<FollowUpTask | undefined> {
    let query = taskQuery(db).where('t.id', '=', id);
    if (assigneeId !== undefined) query = query.where('t.assignee_id', '=', assigneeId);
    const row = await query.executeTakeFirst();
    return row ? toTask(row, now) : undefined;
  },

  async visits(db: Db, taskId: number): Promise<FollowUpVisit[]> {
    const rows = await db
      .selectFrom('follow_up_visits')
      .selectAll()
      .where('task_id', '=', taskId)
      .orderBy('at')
      .orderBy('id')
      .execute();
    return rows.map(toVisit);
  },
};

type VisitRow = {
  id: number;
  task_id: number;
  staff_id: number;
  at: Date | string;
  outcome: FollowUpVisit['outcome'];
  phone: string;
  card_no: string;
  name: string;
  gender: string;
  channels: string[] | string;
  gift_willing: boolean | null;
  result: string;
  notes: string;
};

export function toVisit(v: VisitRow): FollowUpVisit {
  return {
    id: v.id,
    taskId: v.task_id,
    staffId: v.staff_id,
    at: new Date(v.at).toISOString(),
    outcome: v.outcome,
    phone: v.phone,
    cardNo: v.card_no,
    name: v.name,
    gender: v.gender,
    channels: typeof v.channels === 'string' ? (JSON.parse(v.channels) as string[]) : v.channels,
    giftWilling: v.gift_willing,
    result: v.result,
    notes: v.notes,
  };
}
