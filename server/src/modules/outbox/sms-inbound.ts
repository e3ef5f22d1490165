import type { Db } from '../../db/database.ts';
import { appendTimelineEntry, findCustomerIdByPhone } from '../customers/index.ts';
import { isOptOutReply, optOutByReply } from './sms-subscription.ts';

// Customers' SMS replies (MSG-2): stored once per provider message id, linked to the customer
// who owns the number (if any) and written to that customer's timeline.
export type InboundSms = {
  from: string;
  to: string | null;
  body: string;
  provider: string;
  providerMessageId: string | null;
  receivedAt: Date;
};

export async function recordInboundSms(db: Db, sms: InboundSms): Promise<{ id: number; created: boolean }> {
  return db.transaction().execute(async (trx) => {
    const customerId = await findCustomerIdByPhone(trx, sms.from);
    const inserted = await trx
      .insertInto('sms_inbound')
      .values({
        from_number: sms.from,
        to_number: sms.to,
        body: sms.body,
        provider: sms.provider,
        provider_message_id: sms.providerMessageId,
        customer_id: customerId,
        received_at: sms.receivedAt,
      })
      .onConflict((oc) => oc.columns(['provider', 'provider_message_id']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (!inserted) {
      const existing = await trx
        .selectFrom('sms_inbound')
        .select('id')
        .where('provider', '=', sms.provider)
        .where('provider_message_id', '=', sms.providerMessageId)
        .executeTakeFirstOrThrow();
      return { id: existing.id, created: false };
    }
    if (customerId !== null) {
      await appendTimelineEntry(trx, {
        customerId,
        at: sms.receivedAt,
        kind: 'sms',
        refId: `sms_inbound:${inserted.id}`,
        summary: `短信回复：${sms.body.slice(0, 60)}`,
      });
    }
    // 退订 (MSG-2): "TD" or "退订" opts the number out of every bulk SMS, confirmed by SMS.
    if (isOptOutReply(sms.body)) await optOutByReply(trx, sms.from, inserted.id, customerId, sms.receivedAt);
    return { id: inserted.id, created: true };
  });
}

/** Marks the outbox message the SMSC reported on as delivered (or records the failure). */
export async function recordDeliveryReceipt(
  db: Db,
  receipt: { providerMessageId: string; delivered: boolean; stat: string },
  now: Date,
): Promise<void> {
  await db
    .updateTable('outbox_messages')
    .set(receipt.delivered ? { delivered_at: now } : { last_error: `delivery receipt: ${receipt.stat}` })
    .where('provider_message_id', '=', receipt.providerMessageId)
    .where('channel', '=', 'sms')
    .execute();
}
