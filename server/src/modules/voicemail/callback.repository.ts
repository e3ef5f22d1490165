import type { CallbackList, CallbackListQuery, CallbackRequest, CallbackState } from '@switchboard/shared';
import { CALLBACK_STATES } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

// Reads of the automatic callback list (ACD-6): the requests, newest first, with every attempt.
const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());
const ref = (id: number | null, name: string | null) => (id === null ? null : { id, name: name ?? '' });

export async function listCallbackRequests(db: Db, q: CallbackListQuery): Promise<CallbackList> {
  const rows = await db
    .selectFrom('callback_requests as r')
    .leftJoin('customers as c', 'c.id', 'r.customer_id')
    .leftJoin('skill_groups as g', 'g.id', 'r.skill_group_id')
    .leftJoin('staff as s', 's.id', 'r.agent_id')
    .selectAll('r')
    .select(['c.name as customer_name', 'g.name as group_name', 's.name as agent_name'])
    .$if(q.state !== undefined, (b) => b.where('r.state', '=', q.state ?? 'pending'))
    .orderBy('r.requested_at', 'desc')
    .orderBy('r.callback_id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  const ids = rows.map((r) => r.callback_id);
  const attempts =
    ids.length === 0
      ? []
      : await db
          .selectFrom('callback_attempts as a')
          .leftJoin('staff as s', 's.id', 'a.agent_id')
          .selectAll('a')
          .select('s.name as agent_name')
          .where('a.callback_id', 'in', ids)
          .orderBy('a.attempt')
          .execute();
  const countRows = await db
    .selectFrom('callback_requests')
    .select(['state', sql<number>`count(*)::int`.as('n')])
    .groupBy('state')
    .execute();
  const counts = Object.fromEntries(CALLBACK_STATES.map((s) => [s, 0])) as Record<CallbackState, number>;
  for (const c of countRows) counts[c.state] = Number(c.n);
  const total = q.state !== undefined ? counts[q.state] : Object.values(counts).reduce((a, b) => a + b, 0);
  const items = rows.map(
    (r): CallbackRequest => ({
      callbackId: r.callback_id,
      number: r.number,
      customer: ref(r.customer_id, r.customer_name),
      queueId: r.queue_id,
      skillGroup: ref(r.skill_group_id, r.group_name),
      requestedAt: iso(r.requested_at) ?? '',
      waitingSince: iso(r.waiting_since) ?? '',
      priority: r.priority,
      state: r.state,
      attempts: r.attempts,
      lastResult: r.last_result,
      lastAttemptAt: iso(r.last_attempt_at),
      nextAttemptAt: iso(r.next_attempt_at),
      connectedCallId: r.connected_call_id,
      agent: ref(r.agent_id, r.agent_name),
      workItemId: r.work_item_id,
      attemptList: attempts
        .filter((a) => a.callback_id === r.callback_id)
        .map((a) => ({
          attempt: a.attempt,
          callId: a.call_id,
          agent: ref(a.agent_id, a.agent_name),
          result: a.result,
          queuedAt: iso(a.queued_at),
          endedAt: iso(a.ended_at),
        })),
    }),
  );
  return { items, total, page: q.page, pageSize: q.pageSize, counts };
}
