import type { RunRuleResult } from '@switchboard/shared';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { distributeEvenly } from './follow-up.distribution.ts';
import type { FollowUpRuleTable } from './follow-up.tables.ts';
import { addDays, localDateOf, startOfLocalDay } from './follow-up.time.ts';

// FUP-3: an extraction rule picks the customers whose service date is `daysAfterService` days
// before today (China time), skips those on the do-not-call list and those already holding a
// task of this rule for that service date, and shares the new tasks over the group's members.

export type StoredRule = Selectable<FollowUpRuleTable>;

/** Runs every active rule not yet run today, each in its own transaction. */
export async function runDueRules(db: Db, now: Date): Promise<void> {
  const today = localDateOf(now);
  const due = await db
    .selectFrom('follow_up_rules')
    .select('id')
    .where('active', '=', true)
    .where((eb) => eb.or([eb('last_run_on', 'is', null), eb('last_run_on', '<', today)]))
    .orderBy('id')
    .execute();
  for (const { id } of due) {
    await db.transaction().execute(async (trx) => {
      const rule = await lockRule(trx, id);
      // Another node may have run it between our read and the lock.
      if (!rule?.active || (rule.last_run_on !== null && rule.last_run_on >= today)) return;
      await extractForRule(trx, rule, now);
    });
  }
}

/** Locks the rule row for this transaction; undefined when there is no such rule. */
export async function lockRule(trx: Db, id: number): Promise<StoredRule | undefined> {
  return trx
    .selectFrom('follow_up_rules')
    .selectAll()
    .select(sql<string | null>`last_run_on::text`.as('last_run_on'))
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
}

/** Builds and distributes the rule's tasks for today; call inside a transaction holding the rule. */
export async function extractForRule(trx: Db, rule: StoredRule, now: Date): Promise<RunRuleResult> {
  const today = localDateOf(now);
  const serviceDate = addDays(today, -rule.days_after_service);
  let q = trx
    .selectFrom('customer_services as s')
    .innerJoin('customers as c', 'c.id', 's.customer_id')
    .select(['s.id as service_id', 's.customer_id'])
    .where('s.service_date', '=', sql<string>`${serviceDate}::date`)
    .where('c.merged_into', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('follow_up_tasks as t')
            .select('t.id')
            .where('t.rule_id', '=', rule.id)
            .whereRef('t.customer_id', '=', 's.customer_id')
            .whereRef('t.service_date', '=', 's.service_date'),
        ),
      ),
    )
    .orderBy('s.customer_id')
    .orderBy('s.id');
  if (rule.service_category !== null) q = q.where('s.category', '=', rule.service_category);
  if (rule.area_id !== null) q = q.where('c.area_id', '=', rule.area_id);
  if (rule.min_vip_level !== null) q = q.where('c.vip_level', '>=', rule.min_vip_level);
  const found = await q.execute();

  // One task per customer and service date, even if they bought two services that day.
  const seen = new Set<number>();
  const candidates = found.filter((r) => !seen.has(r.customer_id) && seen.add(r.customer_id));
  const phones = await callablePhones(
    trx,
    candidates.map((c) => c.customer_id),
  );
  const reachable = candidates.filter((c) => phones.has(c.customer_id));
  const skippedDoNotCall = candidates.length - reachable.length;

  const load = await openLoadOfMembers(trx, rule.group_id);
  const assignees = distributeEvenly(load, reachable.length);
  const deadline = startOfLocalDay(addDays(today, rule.deadline_days));
  let created = 0;
  if (assignees.length > 0) {
    const inserted = await trx
      .insertInto('follow_up_tasks')
      .values(
        reachable.map((c, i) => ({
          rule_id: rule.id,
          customer_id: c.customer_id,
          service_id: c.service_id,
          service_date: serviceDate,
          category_id: rule.category_id,
          group_id: rule.group_id,
          assignee_id: assignees[i] as number,
          phone: phones.get(c.customer_id) as string,
          status: 'open' as const,
          deadline_at: deadline,
          created_at: now,
        })),
      )
      .onConflict((oc) => oc.columns(['rule_id', 'customer_id', 'service_date']).doNothing())
      .returning('id')
      .execute();
    created = inserted.length;
  }
  await trx.updateTable('follow_up_rules').set({ last_run_on: today }).where('id', '=', rule.id).execute();
  return { created, skippedDoNotCall };
}

/** Each customer's first phone that is not on the do-not-call list (FUP-7). */
async function callablePhones(trx: Db, customerIds: number[]): Promise<Map<number, string>> {
  const out = new Map<number, string>();
  if (customerIds.length === 0) return out;
  const rows = await trx
    .selectFrom('customer_phones as p')
    .select(['p.customer_id', 'p.phone'])
    .where('p.customer_id', 'in', customerIds)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('follow_up_do_not_call as d').select('d.phone').whereRef('d.phone', '=', 'p.phone'),
        ),
      ),
    )
    .orderBy('p.customer_id')
    .orderBy('p.position')
    .execute();
  for (const r of rows) if (!out.has(r.customer_id)) out.set(r.customer_id, r.phone);
  return out;
}

/** The group's active members with their open follow-up tasks (all rules), for fair sharing. */
async function openLoadOfMembers(trx: Db, groupId: number): Promise<Map<number, number>> {
  const rows = await trx
    .selectFrom('follow_up_group_members as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select((eb) => [
      'm.staff_id',
      eb
        .selectFrom('follow_up_tasks as t')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('t.assignee_id', '=', 'm.staff_id')
        .where('t.status', '=', 'open')
        .as('open'),
    ])
    .where('m.group_id', '=', groupId)
    .where('m.role', '=', 'member')
    .where('s.active', '=', true)
    .execute();
  return new Map(rows.map((r) => [r.staff_id, Number(r.open ?? 0)]));
}
