import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import type { Db } from '../../db/database.ts';
import { findCustomerIdByPhone } from '../customers/index.ts';
import { skillGroupOfQueue } from './queue-ref.ts';
import type { VoicemailAction } from './voicemail.tables.ts';

// VM-1: a recorded message becomes a new voicemail in the box (once per call).
type VoicemailLeft = Extract<CtiEvent, { type: 'voicemail_left' }>;

export async function appendVoicemailEvent(
  db: Db,
  e: { voicemailId: number; at: Date; actorId: number | null; action: VoicemailAction; note?: string | null },
): Promise<void> {
  await db
    .insertInto('voicemail_events')
    .values({
      voicemail_id: e.voicemailId,
      at: e.at,
      actor_id: e.actorId,
      action: e.action,
      note: e.note ?? null,
    })
    .execute();
}

/** Stores the message; returns its id, or null when this call's message was already stored. */
export async function storeVoicemail(db: Db, event: VoicemailLeft, now: Date): Promise<number | null> {
  return db.transaction().execute(async (trx) => {
    const inserted = await trx
      .insertInto('voicemails')
      .values({
        call_id: event.callId,
        recording_id: event.recordingId,
        caller_number: event.callerNumber,
        customer_id: await findCustomerIdByPhone(trx, event.callerNumber),
        access_code: event.accessCode,
        queue_id: event.queueId,
        skill_group_id: await skillGroupOfQueue(trx, event.queueId),
        reason: event.reason,
        file: event.file,
        duration_ms: Math.max(0, Math.round(event.durationMs)),
        recorded_at: event.startedAt,
        assigned_to: null,
        assigned_at: null,
        handled_by: null,
        handled_at: null,
        result: null,
        created_at: now,
        updated_at: now,
      })
      .onConflict((oc) => oc.column('call_id').doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) return null;
    await appendVoicemailEvent(trx, {
      voicemailId: inserted.id,
      at: now,
      actorId: null,
      action: 'received',
      note: event.reason,
    });
    return inserted.id;
  });
}

/** A call an agent made back to a voicemail ended; returns the voicemail it belongs to, if any. */
export async function storeCallBackEnded(
  db: Db,
  event: Extract<CtiEvent, { type: 'call_ended' }>,
  now: Date,
): Promise<number | null> {
  const row = await db
    .updateTable('voicemail_callbacks')
    .set({ ended_at: now, end_cause: event.cause })
    .where('call_id', '=', event.callId)
    .where('ended_at', 'is', null)
    .returning('voicemail_id')
    .executeTakeFirst();
  return row?.voicemail_id ?? null;
}
