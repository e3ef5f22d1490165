import type { CallTagInput, CallTagOfCall, Role } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { type Actor, hasAnyRole } from '../../http/access.ts';
import { AppError, type FieldError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { findCustomerIdByPhone, getCustomerContact } from '../customers/index.ts';
import { CALL_TAG_ERRORS, CALL_TAG_FIELD_MESSAGES as M } from './call-tag.errors.ts';
import { callTagsOf, getCallTagType } from './call-tag.repository.ts';
import { getCallTagSettings } from './call-tag.settings.ts';
import { CALL_TAG_AUDIT_ACTION } from './call-tag-types.service.ts';

// Tagging a call (CTI-19). The agent who handled the call tags it during wrap-up and may change
// the tag until wrap-up ended plus a grace period; team leads, duty leads and administrators may
// tag any call at any time. An agent asking about a call they did not handle gets 404.
export const TAG_SUPERVISORS: readonly Role[] = ['team_lead', 'duty_lead', 'admin'];
export const TAGGERS: readonly Role[] = ['agent', ...TAG_SUPERVISORS];

type Access = { callerNumber: string; editable: boolean; supervisor: boolean };

/** Whether the actor may see and (still) tag the call; 404 when the call is not theirs to see. */
export async function callTagAccess(db: Db, callId: string, actor: Actor, now: Date): Promise<Access> {
  const cdr = await db
    .selectFrom('cdrs')
    .select(['caller_number', 'ended_at', 'first_agent_id', 'last_agent_id'])
    .where('call_id', '=', callId)
    .executeTakeFirst();
  if (!cdr) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  if (hasAnyRole(actor, TAG_SUPERVISORS))
    return { callerNumber: cdr.caller_number, editable: true, supervisor: true };
  const handled =
    cdr.first_agent_id === actor.id ||
    cdr.last_agent_id === actor.id ||
    (await db
      .selectFrom('cdr_legs')
      .select('id')
      .where('call_id', '=', callId)
      .where('staff_id', '=', actor.id)
      .executeTakeFirst()) !== undefined;
  if (!handled) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  const { graceMinutes } = await getCallTagSettings(db);
  const wrapUp = await db
    .selectFrom('agent_state_history')
    .select((eb) => eb.fn.max('ended_at').as('ended_at'))
    .where('agent_id', '=', actor.id)
    .where('call_id', '=', callId)
    .where('state', '=', 'after_call_work')
    .executeTakeFirst();
  // No wrap-up row yet: still wrapping up (or no wrap-up at all): count from the call's end.
  const from = new Date(wrapUp?.ended_at ?? cdr.ended_at).getTime();
  const editable = now.getTime() <= from + graceMinutes * 60_000;
  return { callerNumber: cdr.caller_number, editable, supervisor: false };
}

export async function callTagOfCall(db: Db, callId: string, actor: Actor, now: Date): Promise<CallTagOfCall> {
  const access = await callTagAccess(db, callId, actor, now);
  const [tag] = await callTagsOf(db, [callId]);
  return {
    tag: tag ?? null,
    suggestedAreaId: await areaOfCaller(db, access.callerNumber),
    editable: access.editable,
  };
}

/** Sets the call's tag (replacing any earlier one). */
export async function tagCall(
  trx: Db,
  callId: string,
  input: CallTagInput,
  ctx: ChangeContext,
): Promise<void> {
  const access = await callTagAccess(trx, callId, ctx.actor, ctx.now);
  if (!access.editable) throw new AppError(CALL_TAG_ERRORS.CALL_TAG_LOCKED);
  await assertValidTag(trx, input);
  const row = {
    purpose_id: input.purposeId,
    subtype_id: input.subtypeId,
    area_id: input.areaId,
    note: input.note,
    tagged_by: ctx.actor.id,
    tagged_at: ctx.now,
  };
  const before = await trx
    .selectFrom('call_tags')
    .selectAll()
    .where('call_id', '=', callId)
    .executeTakeFirst();
  await trx
    .insertInto('call_tags')
    .values({ call_id: callId, ...row })
    .onConflict((oc) => oc.column('call_id').doUpdateSet(row))
    .execute();
  if (access.supervisor) {
    await recordAuditEvent(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: CALL_TAG_AUDIT_ACTION,
      objectType: 'call_tag',
      objectId: callId,
      ip: ctx.ip,
      detail: { op: before ? 'retag' : 'tag', input, before: before ?? null },
    });
  }
}

async function assertValidTag(trx: Db, input: CallTagInput): Promise<void> {
  const fields: FieldError[] = [];
  const purpose = await getCallTagType(trx, input.purposeId);
  if (!purpose?.active || purpose.parent_id !== null) {
    fields.push({ path: 'purposeId', message: M.purposeMissing });
  } else if (input.subtypeId !== null) {
    const sub = await getCallTagType(trx, input.subtypeId);
    if (!sub?.active || sub.parent_id !== purpose.id)
      fields.push({ path: 'subtypeId', message: M.subtypeMissing });
  } else {
    const child = await trx
      .selectFrom('call_tag_types')
      .select('id')
      .where('parent_id', '=', purpose.id)
      .where('active', '=', true)
      .executeTakeFirst();
    if (child) fields.push({ path: 'subtypeId', message: M.subtypeRequired });
  }
  if (input.areaId !== null) {
    const area = await trx.selectFrom('areas').select('id').where('id', '=', input.areaId).executeTakeFirst();
    if (!area) fields.push({ path: 'areaId', message: M.areaMissing });
  }
  if (fields.length) throw new AppError(COMMON_ERRORS.VALIDATION_FAILED, { fields });
}

/** The caller's area from the customer record, once the customer module knows it. */
async function areaOfCaller(db: Db, phone: string): Promise<number | null> {
  const customerId = await findCustomerIdByPhone(db, phone);
  if (customerId === null) return null;
  return (await getCustomerContact(db, customerId))?.areaId ?? null;
}

/** Of these calls, the ones the actor may see the tags of: all for leads and QA, else their own. */
export async function visibleCallIds(db: Db, callIds: string[], actor: Actor): Promise<string[]> {
  if (callIds.length === 0 || hasAnyRole(actor, [...TAG_SUPERVISORS, 'qa'])) return callIds;
  const rows = await db
    .selectFrom('cdrs')
    .select('call_id')
    .where('call_id', 'in', callIds)
    .where((eb) =>
      eb.or([
        eb('first_agent_id', '=', actor.id),
        eb('last_agent_id', '=', actor.id),
        eb.exists(
          eb
            .selectFrom('cdr_legs')
            .select('id')
            .whereRef('cdr_legs.call_id', '=', 'cdrs.call_id')
            .where('cdr_legs.staff_id', '=', actor.id),
        ),
      ]),
    )
    .execute();
  return rows.map((r) => r.call_id);
}
