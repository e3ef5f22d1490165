import type { CallTagTypeInput, CallTagTypeUpdate } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { type AuditAction, recordAuditEvent } from '../audit/audit.repository.ts';
import { CALL_TAG_ERRORS, CALL_TAG_FIELD_MESSAGES as M } from './call-tag.errors.ts';
import { getCallTagType } from './call-tag.repository.ts';

// The administrator's changes to the tag tree (系统管理 → 话务标识), each with its audit row in the
// caller's transaction. A type used by a call is never deleted: it is deactivated instead.
export const CALL_TAG_AUDIT_ACTION: AuditAction = 'call_tag.change';

export async function createCallTagType(
  trx: Db,
  input: CallTagTypeInput,
  ctx: ChangeContext,
): Promise<number> {
  if (input.parentId !== null) {
    const parent = await getCallTagType(trx, input.parentId);
    if (!parent) throw invalid('parentId', M.parentMissing);
    if (parent.parent_id !== null) throw invalid('parentId', M.parentNotPurpose);
  }
  const taken = await trx
    .selectFrom('call_tag_types')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['code']), '=', input.code.toLowerCase()))
    .executeTakeFirst();
  if (taken)
    throw new AppError(COMMON_ERRORS.DUPLICATE, { fields: [{ path: 'code', message: M.codeTaken }] });
  const last = await trx
    .selectFrom('call_tag_types')
    .select((eb) => eb.fn.max('position').as('max'))
    .where('parent_id', input.parentId === null ? 'is' : '=', input.parentId)
    .executeTakeFirst();
  const { id } = await trx
    .insertInto('call_tag_types')
    .values({
      parent_id: input.parentId,
      code: input.code,
      name: input.name,
      position: Number(last?.max ?? 0) + 1,
      active: true,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await audit(trx, ctx, id, { op: 'create', input });
  return id;
}

/** false when there is no such type. */
export async function updateCallTagType(
  trx: Db,
  id: number,
  input: CallTagTypeUpdate,
  ctx: ChangeContext,
): Promise<boolean> {
  const before = await getCallTagType(trx, id);
  if (!before) return false;
  await trx
    .updateTable('call_tag_types')
    .set({ name: input.name ?? before.name, active: input.active ?? before.active, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await audit(trx, ctx, id, { op: 'update', input, before: { name: before.name, active: before.active } });
  return true;
}

/** Swaps the type with its neighbour among its siblings; false when there is no such type. */
export async function moveCallTagType(
  trx: Db,
  id: number,
  direction: 'up' | 'down',
  ctx: ChangeContext,
): Promise<boolean> {
  const me = await getCallTagType(trx, id);
  if (!me) return false;
  const siblings = await trx
    .selectFrom('call_tag_types')
    .select(['id', 'position'])
    .where('parent_id', me.parent_id === null ? 'is' : '=', me.parent_id)
    .orderBy('position')
    .orderBy('id')
    .execute();
  const at = siblings.findIndex((s) => s.id === id);
  const other = siblings[direction === 'up' ? at - 1 : at + 1];
  if (!other) return true;
  // Renumber all siblings so equal positions from older data cannot make the swap a no-op.
  const order = siblings.map((s) => s.id);
  order[at] = other.id;
  order[siblings.indexOf(other)] = id;
  for (const [i, sid] of order.entries()) {
    await trx
      .updateTable('call_tag_types')
      .set({ position: i + 1, updated_at: ctx.now })
      .where('id', '=', sid)
      .execute();
  }
  await audit(trx, ctx, id, { op: 'move', direction });
  return true;
}

/** Deletes a type no call and no sub-type uses; false when there is no such type. */
export async function deleteCallTagType(trx: Db, id: number, ctx: ChangeContext): Promise<boolean> {
  const me = await getCallTagType(trx, id);
  if (!me) return false;
  const used = await trx
    .selectFrom('call_tags')
    .select('call_id')
    .where((eb) => eb.or([eb('purpose_id', '=', id), eb('subtype_id', '=', id)]))
    .limit(1)
    .executeTakeFirst();
  const child = await trx
    .selectFrom('call_tag_types')
    .select('id')
    .where('parent_id', '=', id)
    .limit(1)
    .executeTakeFirst();
  if (used || child) throw new AppError(CALL_TAG_ERRORS.CALL_TAG_TYPE_IN_USE);
  await trx.deleteFrom('call_tag_types').where('id', '=', id).execute();
  await audit(trx, ctx, id, { op: 'delete', code: me.code, name: me.name });
  return true;
}

function invalid(path: string, message: (typeof M)[keyof typeof M]) {
  return new AppError(COMMON_ERRORS.VALIDATION_FAILED, { fields: [{ path, message }] });
}

function audit(trx: Db, ctx: ChangeContext, id: number, detail: Record<string, unknown>) {
  return recordAuditEvent(trx, {
    at: ctx.now,
    actor: ctx.actor,
    action: CALL_TAG_AUDIT_ACTION,
    objectType: 'call_tag_type',
    objectId: id,
    ip: ctx.ip,
    detail,
  });
}
