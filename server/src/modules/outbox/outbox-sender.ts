import { sql } from 'kysely';
import type { JobHandler } from '../../jobs/job-worker.ts';
import type { OutboundAdapters } from './adapters/adapter.ts';

// The 'outbox.send' job: delivers one outbox message through its channel's adapter. The job's
// lease keeps two workers from sending at once; the idempotency key travels to the provider
// (sink key, SMTP Message-ID) so a resend after a crash between "sent" and "marked" is
// recognisable as the same message. See docs/messaging.md for what is and is not guaranteed.
export function outboxSendHandler(adapters: OutboundAdapters): JobHandler {
  return {
    async run(job, { db, now }) {
      const id = Number(job.payload.outboxId);
      const message = await db
        .selectFrom('outbox_messages')
        .selectAll()
        .where('id', '=', id)
        .executeTakeFirst();
      if (!message || message.state === 'sent') return;
      await db
        .updateTable('outbox_messages')
        .set({ state: 'sending', attempts: sql`attempts + 1` })
        .where('id', '=', id)
        .execute();
      try {
        const { providerMessageId } = await adapters[message.channel].send({
          id,
          channel: message.channel,
          to: message.to_address,
          subject: message.subject,
          body: message.body,
          idempotencyKey: message.idempotency_key,
        });
        await db
          .updateTable('outbox_messages')
          .set({ state: 'sent', sent_at: now, provider_message_id: providerMessageId, last_error: null })
          .where('id', '=', id)
          .execute();
      } catch (error) {
        await db
          .updateTable('outbox_messages')
          .set({
            state: 'queued',
            last_error: (error instanceof Error ? error.message : String(error)).slice(0, 1000),
          })
          .where('id', '=', id)
          .execute();
        throw error;
      }
    },
    async onDead(job, { db }, error) {
      await db
        .updateTable('outbox_messages')
        .set({ state: 'failed', last_error: error.slice(0, 1000) })
        .where('id', '=', Number(job.payload.outboxId))
        .where('state', '!=', 'sent')
        .execute();
    },
  };
}
