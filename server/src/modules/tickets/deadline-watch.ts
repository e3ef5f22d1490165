import type { Db } from '../../db/database.ts';
import { publishLiveNotice } from '../../live/live-notices.ts';
import { ticketRepository as repo } from './ticket.repository.ts';

// CPL-7: a ticket past its deadline and not yet answered warns its responsible person and their
// department supervisor (level 1); every further ESCALATION_STEP overdue raises the level, and
// from level 2 the team leads and duty leads hear too. One ticket_alerts row per (ticket, level):
// the primary key makes repeats and concurrent nodes harmless.

export const ESCALATION_STEP_MS = 2 * 3_600_000;

export function escalationLevel(deadline: Date, now: Date): number {
  const overdue = now.getTime() - deadline.getTime();
  return overdue <= 0 ? 0 : 1 + Math.floor(overdue / ESCALATION_STEP_MS);
}

export async function watchTicketDeadlines(db: Db, now: Date): Promise<{ warned: number }> {
  const overdue = await db
    .selectFrom('tickets')
    .select(['id', 'number', 'state', 'deadline_at', 'department_id', 'responsible_id'])
    .where('state', 'in', ['dispatched', 'processing'])
    .where('deadline_at', '<', now)
    .orderBy('id')
    .execute();
  let warned = 0;
  for (const t of overdue) {
    if (t.deadline_at === null) continue;
    const level = escalationLevel(new Date(t.deadline_at), now);
    const notify = await db.transaction().execute(async (trx) => {
      const recipients = new Set<number>();
      if (t.responsible_id !== null) recipients.add(t.responsible_id);
      if (t.department_id !== null)
        for (const id of await repo.departmentSupervisors(trx, t.department_id)) recipients.add(id);
      if (level >= 2)
        for (const id of await repo.staffWithRoles(trx, ['team_lead', 'duty_lead'])) recipients.add(id);
      const inserted = await trx
        .insertInto('ticket_alerts')
        .values({ ticket_id: t.id, level, at: now, recipient_count: recipients.size })
        .onConflict((oc) => oc.columns(['ticket_id', 'level']).doNothing())
        .returning('level')
        .executeTakeFirst();
      if (!inserted) return null;
      await repo.appendEvent(trx, {
        ticketId: t.id,
        at: now,
        actorId: null,
        action: 'alert',
        from: t.state,
        to: t.state,
        note: `超时预警 第${level}级`,
      });
      return [...recipients];
    });
    if (!notify) continue;
    warned += 1;
    publishLiveNotice({
      topic: 'ticket_alert',
      audience: { kind: 'staff', staffIds: notify },
      data: { ticketId: t.id, number: t.number, level },
    });
  }
  return { warned };
}
