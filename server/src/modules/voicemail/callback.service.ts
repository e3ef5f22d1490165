import type { CtiRuntime } from '../../cti/cti-runtime.ts';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { VOICEMAIL_ERRORS } from './voicemail.errors.ts';
import type { VoicemailContext } from './voicemail.service.ts';

/**
 * A lead withdraws a waiting callback (the customer called in again, or asked not to be called).
 * The engine lets go of it first; only then is the request closed, so a restart never restores it.
 */
export async function cancelCallbackRequest(
  db: Db,
  cti: CtiRuntime | undefined,
  callbackId: string,
  ctx: VoicemailContext,
): Promise<void> {
  const row = await db
    .selectFrom('callback_requests')
    .select('state')
    .where('callback_id', '=', callbackId)
    .executeTakeFirst();
  if (!row) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  if (row.state !== 'pending')
    throw new AppError(VOICEMAIL_ERRORS.CALLBACK_CLOSED, { params: { state: row.state } });
  if (!cti) throw new AppError(VOICEMAIL_ERRORS.CTI_UNAVAILABLE);
  if (!(await cti.engine.cancelCallback(callbackId)))
    throw new AppError(VOICEMAIL_ERRORS.CALLBACK_IN_PROGRESS);
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('callback_requests')
      .set({ state: 'cancelled', cancelled_by: ctx.actor.id, next_attempt_at: null, updated_at: ctx.now })
      .where('callback_id', '=', callbackId)
      .where('state', '=', 'pending')
      .execute();
    await recordAuditEvent(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: 'callback.change',
      objectType: 'callback',
      objectId: callbackId,
      ip: ctx.ip,
      detail: { action: 'cancel' },
    });
  });
}
