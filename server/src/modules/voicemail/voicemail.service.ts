import type { VoicemailAssign } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { type Actor, hasAnyRole } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { appendVoicemailEvent } from './store-voicemail.ts';
import { VOICEMAIL_ERRORS } from './voicemail.errors.ts';

// What people do with a voicemail (VM-1). Leads assign to anyone and act on any message; an agent
// takes an unassigned one for themself and acts only on their own. Each change is one transaction
// with the row locked, its history entry and its audit row.
export type VoicemailContext = { actor: Actor; now: Date; ip: string };

export const VOICEMAIL_LEADS = ['team_lead', 'duty_lead', 'admin'] as const;

async function lockVoicemail(trx: Db, id: number) {
  const row = await trx
    .selectFrom('voicemails as v')
    .leftJoin('staff as s', 's.id', 'v.assigned_to')
    .select(['v.id', 'v.state', 'v.assigned_to', 's.name as assignee_name', 'v.caller_number'])
    .where('v.id', '=', id)
    .forUpdate('v')
    .executeTakeFirst();
  if (!row) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  return row;
}
type LockedVoicemail = Awaited<ReturnType<typeof lockVoicemail>>;

/** The assignee or a lead may act on an open voicemail; anyone else gets a clear refusal. */
function assertMayAct(vm: LockedVoicemail, actor: Actor): void {
  if (vm.state === 'handled') throw new AppError(VOICEMAIL_ERRORS.ALREADY_HANDLED);
  if (!hasAnyRole(actor, VOICEMAIL_LEADS) && vm.assigned_to !== actor.id) {
    throw new AppError(VOICEMAIL_ERRORS.NOT_ASSIGNEE);
  }
}

async function audit(trx: Db, id: number, ctx: VoicemailContext, detail: Record<string, unknown>) {
  await recordAuditEvent(trx, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'voicemail.change',
    objectType: 'voicemail',
    objectId: id,
    ip: ctx.ip,
    detail,
  });
}

async function assignableName(trx: Db, staffId: number): Promise<string> {
  const row = await trx
    .selectFrom('staff as s')
    .innerJoin('staff_roles as r', 'r.staff_id', 's.id')
    .select('s.name')
    .where('s.id', '=', staffId)
    .where('s.active', '=', true)
    .where('r.role', 'in', ['agent', 'team_lead', 'duty_lead'])
    .executeTakeFirst();
  if (!row) throw new AppError(VOICEMAIL_ERRORS.NOT_AN_AGENT);
  return row.name;
}

/** A lead assigns (or reassigns) to an agent; an agent takes an unassigned message for themself. */
export async function assignVoicemail(db: Db, id: number, input: VoicemailAssign, ctx: VoicemailContext) {
  await db.transaction().execute(async (trx) => {
    const vm = await lockVoicemail(trx, id);
    if (vm.state === 'handled') throw new AppError(VOICEMAIL_ERRORS.ALREADY_HANDLED);
    const lead = hasAnyRole(ctx.actor, VOICEMAIL_LEADS);
    const target = input.agentId ?? (lead ? undefined : ctx.actor.id);
    if (target === undefined) throw new AppError(VOICEMAIL_ERRORS.AGENT_REQUIRED);
    if (!lead && target !== ctx.actor.id) throw new AppError(COMMON_ERRORS.FORBIDDEN);
    if (!lead && vm.assigned_to !== null && vm.assigned_to !== ctx.actor.id) {
      throw new AppError(VOICEMAIL_ERRORS.ALREADY_ASSIGNED, { params: { name: vm.assignee_name ?? '' } });
    }
    if (vm.assigned_to === target) return;
    const name = await assignableName(trx, target);
    await trx
      .updateTable('voicemails')
      .set({ state: 'assigned', assigned_to: target, assigned_at: ctx.now, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    const taken = target === ctx.actor.id;
    await appendVoicemailEvent(trx, {
      voicemailId: id,
      at: ctx.now,
      actorId: ctx.actor.id,
      action: taken ? 'taken' : 'assigned',
      note: name,
    });
    await audit(trx, id, ctx, {
      action: taken ? 'take' : 'assign',
      assignedTo: target,
      from: vm.assigned_to,
    });
  });
}

export async function handleVoicemail(db: Db, id: number, result: string, ctx: VoicemailContext) {
  await db.transaction().execute(async (trx) => {
    const vm = await lockVoicemail(trx, id);
    assertMayAct(vm, ctx.actor);
    await trx
      .updateTable('voicemails')
      .set({ state: 'handled', handled_by: ctx.actor.id, handled_at: ctx.now, result, updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    await appendVoicemailEvent(trx, {
      voicemailId: id,
      at: ctx.now,
      actorId: ctx.actor.id,
      action: 'handled',
      note: result,
    });
    await audit(trx, id, ctx, { action: 'handle', result });
  });
}

/** The number to call back, once the actor may (checked before the call is placed). */
export async function callBackTarget(db: Db, id: number, actor: Actor): Promise<string> {
  const vm = await lockVoicemail(db, id);
  assertMayAct(vm, actor);
  return vm.caller_number;
}

/** Records the call the actor placed to the caller; its result comes from the call's CDR. */
export async function recordCallBack(db: Db, id: number, callId: string, ctx: VoicemailContext) {
  await db.transaction().execute(async (trx) => {
    await trx
      .insertInto('voicemail_callbacks')
      .values({
        voicemail_id: id,
        call_id: callId,
        dialled_by: ctx.actor.id,
        dialled_at: ctx.now,
        ended_at: null,
        end_cause: null,
      })
      .onConflict((oc) => oc.column('call_id').doNothing())
      .execute();
    await trx.updateTable('voicemails').set({ updated_at: ctx.now }).where('id', '=', id).execute();
    await appendVoicemailEvent(trx, {
      voicemailId: id,
      at: ctx.now,
      actorId: ctx.actor.id,
      action: 'called_back',
      note: callId,
    });
    await audit(trx, id, ctx, { action: 'call_back', callId });
  });
}
