import type { Db } from '../../db/database.ts';
import { publishLiveNotice } from '../../live/live-notices.ts';

// FUP-4: an open task past its deadline warns its member and the group's team leads, once.

export async function warnOverdueTasks(db: Db, now: Date): Promise<number> {
  const warned = await db.transaction().execute(async (trx) => {
    const tasks = await trx
      .updateTable('follow_up_tasks')
      .set({ overdue_warned_at: now })
      .where('status', '=', 'open')
      .where('deadline_at', '<', now)
      .where('overdue_warned_at', 'is', null)
      .returning(['id', 'assignee_id', 'group_id', 'customer_id'])
      .execute();
    if (tasks.length === 0) return [];
    const leads = await trx
      .selectFrom('follow_up_group_members')
      .select(['group_id', 'staff_id'])
      .where('role', '=', 'lead')
      .where(
        'group_id',
        'in',
        tasks.map((t) => t.group_id),
      )
      .execute();
    return tasks.map((t) => ({
      taskId: t.id,
      staffIds: [
        ...new Set([t.assignee_id, ...leads.filter((l) => l.group_id === t.group_id).map((l) => l.staff_id)]),
      ],
      assigneeId: t.assignee_id,
    }));
  });
  // After commit: a desktop told of a warning can already read it.
  for (const w of warned) {
    publishLiveNotice({
      topic: 'follow_up_overdue',
      audience: { kind: 'staff', staffIds: w.staffIds },
      data: { taskId: w.taskId, assigneeId: w.assigneeId },
    });
  }
  return warned.length;
}
