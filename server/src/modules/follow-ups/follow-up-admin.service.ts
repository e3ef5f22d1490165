import type {
  FollowUpCategory,
  FollowUpGroup,
  FollowUpGroupInput,
  FollowUpRule,
  FollowUpRuleInput,
} from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { recordFollowUpAudit } from './follow-up.audit.ts';
import { FOLLOW_UP_ERRORS, FOLLOW_UP_FIELD_MESSAGES as M } from './follow-up.errors.ts';

// Team leads and admins: categories (FUP-2), groups, extraction rules and campaigns (FUP-3,
// FUP-7), the do-not-call list. Each change carries its audit row in the caller's transaction.

export async function listCategories(db: Db): Promise<FollowUpCategory[]> {
  return db.selectFrom('follow_up_categories').select(['id', 'name', 'builtin']).orderBy('id').execute();
}

export async function createCategory(trx: Db, name: string, ctx: ChangeContext): Promise<FollowUpCategory> {
  const taken = await trx
    .selectFrom('follow_up_categories')
    .select('id')
    .where('name', '=', name)
    .executeTakeFirst();
  if (taken) throw new AppError(FOLLOW_UP_ERRORS.NAME_TAKEN);
  const row = await trx
    .insertInto('follow_up_categories')
    .values({ name, builtin: false })
    .returning(['id', 'name', 'builtin'])
    .executeTakeFirstOrThrow();
  await recordFollowUpAudit(trx, ctx, 'follow_up.change', 'follow_up_category', row.id, {
    op: 'create',
    name,
  });
  return row;
}

export async function listGroups(db: Db): Promise<FollowUpGroup[]> {
  const groups = await db.selectFrom('follow_up_groups').select(['id', 'name']).orderBy('id').execute();
  const people = await db
    .selectFrom('follow_up_group_members as m')
    .innerJoin('staff as s', 's.id', 'm.staff_id')
    .select(['m.group_id', 'm.role', 's.id', 's.name', 's.employee_no'])
    .orderBy('s.employee_no')
    .execute();
  const of = (groupId: number, role: 'member' | 'lead') =>
    people
      .filter((p) => p.group_id === groupId && p.role === role)
      .map((p) => ({ id: p.id, name: p.name, employeeNo: p.employee_no }));
  return groups.map((g) => ({ ...g, members: of(g.id, 'member'), leads: of(g.id, 'lead') }));
}

/** Creates a group (id undefined) or replaces its name and people. */
export async function saveGroup(
  trx: Db,
  id: number | undefined,
  input: FollowUpGroupInput,
  ctx: ChangeContext,
): Promise<number> {
  const staffIds = [...new Set([...input.memberIds, ...input.leadIds])];
  const known = new Set(
    (
      await trx
        .selectFrom('staff')
        .select('id')
        .where('id', 'in', staffIds)
        .where('active', '=', true)
        .execute()
    ).map((s) => s.id),
  );
  const fields: FieldError[] = [];
  input.memberIds.forEach((s, i) => {
    if (!known.has(s)) fields.push({ path: `memberIds.${i}`, message: M.staffMissing });
  });
  input.leadIds.forEach((s, i) => {
    if (!known.has(s)) fields.push({ path: `leadIds.${i}`, message: M.staffMissing });
  });
  if (fields.length) throw new AppError(COMMON_ERRORS.VALIDATION_FAILED, { fields });
  const clash = await trx
    .selectFrom('follow_up_groups')
    .select('id')
    .where('name', '=', input.name)
    .$if(id !== undefined, (q) => q.where('id', '<>', id as number))
    .executeTakeFirst();
  if (clash) throw new AppError(FOLLOW_UP_ERRORS.NAME_TAKEN);

  let groupId: number;
  if (id === undefined) {
    groupId = (
      await trx
        .insertInto('follow_up_groups')
        .values({ name: input.name, created_at: ctx.now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  } else {
    const updated = await trx
      .updateTable('follow_up_groups')
      .set({ name: input.name })
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    groupId = id;
    await trx.deleteFrom('follow_up_group_members').where('group_id', '=', id).execute();
  }
  const rows = [
    ...[...new Set(input.memberIds)].map((s) => ({
      group_id: groupId,
      staff_id: s,
      role: 'member' as const,
    })),
    ...[...new Set(input.leadIds)].map((s) => ({ group_id: groupId, staff_id: s, role: 'lead' as const })),
  ];
  await trx.insertInto('follow_up_group_members').values(rows).execute();
  await recordFollowUpAudit(trx, ctx, 'follow_up.change', 'follow_up_group', groupId, {
    op: id === undefined ? 'create' : 'update',
    input,
  });
  return groupId;
}

function ruleQuery(db: Db) {
  return db
    .selectFrom('follow_up_rules')
    .selectAll()
    .select(sql<string | null>`last_run_on::text`.as('last_run_on'));
}

function toRule(
  r: Awaited<ReturnType<ReturnType<typeof ruleQuery>['executeTakeFirstOrThrow']>>,
): FollowUpRule {
  return {
    id: r.id,
    name: r.name,
    purpose: r.purpose,
    categoryId: r.category_id,
    daysAfterService: r.days_after_service,
    serviceCategory: r.service_category,
    areaId: r.area_id,
    minVipLevel: r.min_vip_level,
    groupId: r.group_id,
    deadlineDays: r.deadline_days,
    active: r.active,
    script: r.script,
    callFrom: r.call_from,
    callTo: r.call_to,
    retryHours: r.retry_hours,
    maxAttempts: r.max_attempts,
    lastRunOn: r.last_run_on,
  };
}

export async function listRules(db: Db): Promise<FollowUpRule[]> {
  return (await ruleQuery(db).orderBy('id').execute()).map(toRule);
}

export async function getRule(db: Db, id: number): Promise<FollowUpRule | undefined> {
  const row = await ruleQuery(db).where('id', '=', id).executeTakeFirst();
  return row ? toRule(row) : undefined;
}

/** Creates a rule (id undefined) or replaces one; returns its id. */
export async function saveRule(
  trx: Db,
  id: number | undefined,
  input: FollowUpRuleInput,
  ctx: ChangeContext,
): Promise<number> {
  const fields: FieldError[] = [];
  const exists = async (table: 'follow_up_categories' | 'follow_up_groups' | 'areas', rowId: number) =>
    (await trx.selectFrom(table).select('id').where('id', '=', rowId).executeTakeFirst()) !== undefined;
  if (!(await exists('follow_up_categories', input.categoryId)))
    fields.push({ path: 'categoryId', message: M.categoryMissing });
  if (!(await exists('follow_up_groups', input.groupId)))
    fields.push({ path: 'groupId', message: M.groupMissing });
  if (input.areaId !== null && !(await exists('areas', input.areaId)))
    fields.push({ path: 'areaId', message: M.areaMissing });
  if (fields.length) throw new AppError(COMMON_ERRORS.VALIDATION_FAILED, { fields });

  const values = {
    name: input.name,
    purpose: input.purpose,
    category_id: input.categoryId,
    days_after_service: input.daysAfterService,
    service_category: input.serviceCategory,
    area_id: input.areaId,
    min_vip_level: input.minVipLevel,
    group_id: input.groupId,
    deadline_days: input.deadlineDays,
    active: input.active,
    script: input.script,
    call_from: input.callFrom,
    call_to: input.callTo,
    retry_hours: input.retryHours,
    max_attempts: input.maxAttempts,
    updated_at: ctx.now,
  };
  let ruleId: number;
  if (id === undefined) {
    ruleId = (
      await trx
        .insertInto('follow_up_rules')
        .values({ ...values, created_by: ctx.actor.id, created_at: ctx.now })
        .returning('id')
        .executeTakeFirstOrThrow()
    ).id;
  } else {
    const updated = await trx
      .updateTable('follow_up_rules')
      .set(values)
      .where('id', '=', id)
      .executeTakeFirst();
    if (Number(updated.numUpdatedRows) === 0) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    ruleId = id;
  }
  await recordFollowUpAudit(trx, ctx, 'follow_up.change', 'follow_up_rule', ruleId, {
    op: id === undefined ? 'create' : 'update',
    input,
  });
  return ruleId;
}

export async function listDoNotCall(db: Db) {
  const rows = await db
    .selectFrom('follow_up_do_not_call')
    .selectAll()
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    phone: r.phone,
    reason: r.reason,
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

export async function addDoNotCall(
  trx: Db,
  phone: string,
  reason: string,
  ctx: ChangeContext,
): Promise<void> {
  await trx
    .insertInto('follow_up_do_not_call')
    .values({ phone, reason, created_by: ctx.actor.id, created_at: ctx.now })
    .onConflict((oc) => oc.column('phone').doUpdateSet({ reason }))
    .execute();
  await recordFollowUpAudit(trx, ctx, 'follow_up.change', 'follow_up_do_not_call', phone, {
    op: 'add',
    reason,
  });
}

export async function removeDoNotCall(trx: Db, phone: string, ctx: ChangeContext): Promise<boolean> {
  const res = await trx.deleteFrom('follow_up_do_not_call').where('phone', '=', phone).executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) return false;
  await recordFollowUpAudit(trx, ctx, 'follow_up.change', 'follow_up_do_not_call', phone, { op: 'remove' });
  return true;
}
