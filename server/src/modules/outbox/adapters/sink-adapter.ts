import type { Clock } from '../../../clock.ts';
import type { Db } from '../../../db/database.ts';
import type { OutboundAdapter } from './adapter.ts';

// The built-in gateway for demos and tests: keeps what would be sent in `outbox_sink`. Like a
// well-behaved provider it dedupes on the idempotency key, so a resend after a crash is one row.
export function createSinkAdapter(db: Db, clock: Clock): OutboundAdapter {
  return {
    name: 'sink',
    async send(message) {
      const inserted = await db
        .insertInto('outbox_sink')
        .values({
          channel: message.channel,
          to_address: message.to,
          subject: message.subject,
          body: message.body,
          idempotency_key: message.idempotencyKey,
          delivered_at: clock.now(),
        })
        .onConflict((oc) => oc.column('idempotency_key').doNothing())
        .returning('id')
        .executeTakeFirst();
      const id =
        inserted?.id ??
        (
          await db
            .selectFrom('outbox_sink')
            .select('id')
            .where('idempotency_key', '=', message.idempotencyKey)
            .executeTakeFirstOrThrow()
        ).id;
      return { providerMessageId: `sink-${id}` };
    },
  };
}
