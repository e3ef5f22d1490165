import type { CallbackAttemptResult } from '@switchboard/shared';
import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import type { Db } from '../../db/database.ts';
import { findCustomerIdByPhone } from '../customers/index.ts';
import { createWorkItem } from '../work-items/index.ts';
import { skillGroupOfQueue } from './queue-ref.ts';
import type { CallbackStateColumn } from './voicemail.tables.ts';

// ACD-6 自动回呼: the request a waiting caller made, each attempt's call and how it went. A request
// that runs out of attempts becomes a work item (MSG-5) in the same transaction, once.
type Requested = Extract<CtiEvent, { type: 'callback_requested' }>;
type Queued = Extract<CtiEvent, { type: 'callback_queued' }>;
type AttemptEnded = Extract<CtiEvent, { type: 'callback_attempt_ended' }>;

/** `workItemId`: the work item this change created (a give-up), to announce after the commit. */
export type CallbackChange = { callbackId: string; state: CallbackStateColumn; workItemId: number | null };

export async function storeCallbackRequested(db: Db, event: Requested, now: Date): Promise<boolean> {
  const inserted = await db
    .insertInto('callback_requests')
    .values({
      callback_id: event.callbackId,
      number: event.number,
      customer_id: await findCustomerIdByPhone(db, event.number),
      queue_id: event.queueId,
      skill_group_id: await skillGroupOfQueue(db, event.queueId),
      requested_at: now,
      waiting_since: event.waitingSince,
      priority: event.priority,
      last_result: null,
      last_attempt_at: null,
      next_attempt_at: null,
      connected_call_id: null,
      agent_id: null,
      work_item_id: null,
      cancelled_by: null,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('callback_id').doNothing())
    .returning('callback_id')
    .executeTakeFirst();
  return inserted !== undefined;
}

export async function storeCallbackQueued(db: Db, event: Queued, now: Date): Promise<void> {
  await db
    .insertInto('callback_attempts')
    .values({
      callback_id: event.callbackId,
      attempt: event.attempt,
      call_id: event.callId,
      queued_at: now,
      agent_id: null,
      result: null,
      ended_at: null,
    })
    .onConflict((oc) =>
      oc.columns(['callback_id', 'attempt']).doUpdateSet({ call_id: event.callId, queued_at: now }),
    )
    .execute();
  await db
    .updateTable('callback_requests')
    .set({ next_attempt_at: null, updated_at: now })
    .where('callback_id', '=', event.callbackId)
    .where('state', '=', 'pending')
    .execute();
}

function nextState(result: CallbackAttemptResult, nextAttemptAt: string | null): CallbackStateColumn {
  if (result === 'connected') return 'connected';
  if (result === 'cancelled') return 'cancelled';
  return nextAttemptAt === null ? 'gave_up' : 'pending';
}

/** Records how an attempt went and moves the request on; null when the request is unknown. */
export async function storeCallbackAttemptEnded(
  db: Db,
  event: AttemptEnded,
  now: Date,
): Promise<CallbackChange | null> {
  return db.transaction().execute(async (trx) => {
    const request = await trx
      .selectFrom('callback_requests')
      .select(['state', 'attempts', 'work_item_id'])
      .where('callback_id', '=', event.callbackId)
      .forUpdate()
      .executeTakeFirst();
    if (!request) return null;
    await trx
      .insertInto('callback_attempts')
      .values({
        callback_id: event.callbackId,
        attempt: event.attempt,
        call_id: event.callId,
        queued_at: null,
        agent_id: event.agentId,
        result: event.result,
        ended_at: now,
      })
      // An attempt keeps its first result: a cancel during the wait for a retry names the last
      // attempt again, which must stay 'no answer' (the request itself becomes cancelled).
      .onConflict((oc) =>
        oc
          .columns(['callback_id', 'attempt'])
          .doUpdateSet({
            call_id: event.callId,
            agent_id: event.agentId,
            result: event.result,
            ended_at: now,
          })
          .where('callback_attempts.result', 'is', null),
      )
      .execute();
    // A request already closed (cancelled by a lead, or a repeated event) keeps its state.
    const state = request.state === 'pending' ? nextState(event.result, event.nextAttemptAt) : request.state;
    const created =
      request.state === 'pending' && state === 'gave_up'
        ? await createGiveUpWorkItem(trx, event.callbackId, now)
        : null;
    const workItemId = created ?? request.work_item_id;
    await trx
      .updateTable('callback_requests')
      .set({
        state,
        attempts: Math.max(request.attempts, event.attempt),
        last_result: event.result,
        last_attempt_at: now,
        next_attempt_at: state === 'pending' ? event.nextAttemptAt : null,
        ...(event.result === 'connected' ? { connected_call_id: event.callId } : {}),
        ...(event.agentId !== null ? { agent_id: event.agentId } : {}),
        work_item_id: workItemId,
        updated_at: now,
      })
      .where('callback_id', '=', event.callbackId)
      .execute();
    return { callbackId: event.callbackId, state, workItemId: created };
  });
}

const RESULT_TEXT: Record<CallbackAttemptResult, string> = {
  connected: '已接通',
  no_answer: '无人接听',
  busy: '占线',
  failed: '呼叫失败',
  cancelled: '已取消',
};
const chinaTime = (d: Date | string) =>
  new Date(d).toLocaleString('zh-CN', { timeZone: 'Asia/Shanghai', hour12: false });

/** The work item an agent follows up by hand: the number, the queue and every attempt. */
async function createGiveUpWorkItem(trx: Db, callbackId: string, now: Date): Promise<number> {
  const request = await trx
    .selectFrom('callback_requests as r')
    .leftJoin('skill_groups as g', 'g.id', 'r.skill_group_id')
    .select([
      'r.number',
      'r.queue_id',
      'r.customer_id',
      'r.skill_group_id',
      'r.waiting_since',
      'g.name as group_name',
    ])
    .where('r.callback_id', '=', callbackId)
    .executeTakeFirstOrThrow();
  const attempts = await trx
    .selectFrom('callback_attempts as a')
    .leftJoin('staff as s', 's.id', 'a.agent_id')
    .select(['a.attempt', 'a.result', 'a.ended_at', 's.name as agent_name'])
    .where('a.callback_id', '=', callbackId)
    .orderBy('a.attempt')
    .execute();
  const lines = attempts.map(
    (a) =>
      `第${a.attempt}次：${a.ended_at ? chinaTime(a.ended_at) : '—'} ${a.result ? RESULT_TEXT[a.result] : '未结束'}` +
      (a.agent_name ? `（坐席 ${a.agent_name}）` : ''),
  );
  const body = [
    `客户 ${request.number} 在排队时选择了自动回呼（队列 ${request.group_name ?? request.queue_id}，` +
      `${chinaTime(request.waiting_since)} 开始等待），${attempts.length} 次回呼均未接通，请人工跟进。`,
    '',
    ...lines,
  ].join('\n');
  const created = await createWorkItem(
    trx,
    {
      channel: 'callback',
      sourceRef: `callback:${callbackId}`,
      from: request.number,
      subject: `自动回呼未接通：${request.number}`,
      body,
      customerId: request.customer_id,
      skillGroupId: request.skill_group_id,
    },
    now,
  );
  return created.id;
}

/** The requests still waiting (ACD-6), oldest place in the queue first. */
export async function pendingCallbackRows(db: Db) {
  return db
    .selectFrom('callback_requests')
    .select(['callback_id', 'number', 'queue_id', 'waiting_since', 'next_attempt_at', 'priority', 'attempts'])
    .where('state', '=', 'pending')
    .orderBy('waiting_since')
    .orderBy('callback_id')
    .execute();
}
