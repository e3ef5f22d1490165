import type { DialCheck, FollowUpVisitInput } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { appendTimelineEntry } from '../customers/index.ts';
import { FOLLOW_UP_ERRORS } from './follow-up.errors.ts';
import { followUpTaskRepository as tasks } from './follow-up-task.repository.ts';

// A member working their own task: checking a call may be placed (FUP-5, FUP-7) and recording
// each visit (FUP-1). Not reached schedules the retry; the last allowed attempt closes the task
// as 未接通 (the built-in category of that name).

const UNREACHED_CATEGORY = '未接通';
const OUTCOME_LABELS = { done: '已完成', not_reached: '未接通', refused: '拒访' } as const;

/** Whether the member may call the task's customer now; the do-not-call list is read again. */
export async function checkDial(db: Db, taskId: number, staffId: number, now: Date): Promise<DialCheck> {
  const task = await tasks.get(db, taskId, now, staffId);
  if (!task) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  return { allowed: task.callable, phone: task.phone, reason: task.blockedReason };
}

export async function recordVisit(
  trx: Db,
  taskId: number,
  staffId: number,
  input: FollowUpVisitInput,
  now: Date,
): Promise<void> {
  const task = await trx
    .selectFrom('follow_up_tasks as t')
    .innerJoin('follow_up_rules as r', 'r.id', 't.rule_id')
    .innerJoin('follow_up_categories as k', 'k.id', 't.category_id')
    .select([
      't.id',
      't.status',
      't.attempts',
      't.next_attempt_at',
      't.customer_id',
      'r.retry_hours',
      'r.max_attempts',
      'k.name as category',
    ])
    .where('t.id', '=', taskId)
    .where('t.assignee_id', '=', staffId)
    .forUpdate('t')
    .executeTakeFirst();
  if (!task) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  if (task.status !== 'open') throw new AppError(FOLLOW_UP_ERRORS.TASK_CLOSED);
  if (task.next_attempt_at && new Date(task.next_attempt_at) > now)
    throw new AppError(FOLLOW_UP_ERRORS.RETRY_NOT_DUE, {
      params: { at: new Date(task.next_attempt_at).toISOString() },
    });

  await trx
    .insertInto('follow_up_visits')
    .values({
      task_id: taskId,
      staff_id: staffId,
      at: now,
      outcome: input.outcome,
      phone: input.phone,
      card_no: input.cardNo,
      name: input.name,
      gender: input.gender,
      channels: JSON.stringify(input.channels),
      gift_willing: input.giftWilling,
      result: input.result,
      notes: input.notes,
    })
    .execute();

  const attempts = task.attempts + 1;
  if (input.outcome === 'not_reached' && attempts < task.max_attempts) {
    await trx
      .updateTable('follow_up_tasks')
      .set({ attempts, next_attempt_at: new Date(now.getTime() + task.retry_hours * 3_600_000) })
      .where('id', '=', taskId)
      .execute();
  } else if (input.outcome === 'not_reached') {
    const unreached = await trx
      .selectFrom('follow_up_categories')
      .select('id')
      .where('name', '=', UNREACHED_CATEGORY)
      .executeTakeFirst();
    await trx
      .updateTable('follow_up_tasks')
      .set({
        attempts,
        status: 'unreachable',
        closed_at: now,
        next_attempt_at: null,
        ...(unreached ? { category_id: unreached.id } : {}),
      })
      .where('id', '=', taskId)
      .execute();
  } else {
    await trx
      .updateTable('follow_up_tasks')
      .set({ attempts, status: input.outcome, closed_at: now, next_attempt_at: null })
      .where('id', '=', taskId)
      .execute();
  }

  await appendTimelineEntry(trx, {
    customerId: task.customer_id,
    at: now,
    kind: 'follow_up',
    refId: String(taskId),
    summary: `${task.category}：${OUTCOME_LABELS[input.outcome]}${input.result ? `，${input.result}` : ''}`,
    staffId,
  });
}
