import type { Db } from '../../db/database.ts';
import { enqueueJob } from '../../jobs/job.repository.ts';

// What other modules may use of the outbox (MSG-4): enqueue an SMS or e-mail inside their own
// transaction; the background sender delivers it (retried, never lost, never sent twice).

export type OutboundMessage = {
  channel: 'sms' | 'email';
  /** Phone number for SMS, address for e-mail. */
  to: string;
  subject?: string;
  body: string;
  /** Same key, same message: a second enqueue with this key is ignored. */
  idempotencyKey: string;
  customerId?: number | null;
  /** Which module and object asked, e.g. 'ticket:42'. */
  source: string;
};

export const OUTBOX_SEND_JOB = 'outbox.send';

/** The job that delivers outbox message `id`; its key is derived so it too is enqueued once. */
export const outboxJobKey = (id: number) => `outbox:${id}`;

/**
 * Stores the message and its delivery job in the caller's transaction (pass `trx`): when the
 * caller rolls back, nothing is sent; when it commits, the message will be delivered. The time
 * is the row's creation time; call it with your clock's now.
 */
export async function enqueueOutbound(
  db: Db,
  message: OutboundMessage,
  now: Date = new Date(),
): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto('outbox_messages')
    .values({
      channel: message.channel,
      to_address: message.to,
      subject: message.subject ?? null,
      body: message.body,
      idempotency_key: message.idempotencyKey,
      customer_id: message.customerId ?? null,
      source: message.source,
      last_error: null,
      provider_message_id: null,
      created_at: now,
      sent_at: null,
      delivered_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await db
      .selectFrom('outbox_messages')
      .select('id')
      .where('idempotency_key', '=', message.idempotencyKey)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
  await enqueueJob(db, {
    kind: OUTBOX_SEND_JOB,
    idempotencyKey: outboxJobKey(inserted.id),
    payload: { outboxId: inserted.id },
    runAt: now,
    maxAttempts: 8,
  });
  return { id: inserted.id, created: true };
}
