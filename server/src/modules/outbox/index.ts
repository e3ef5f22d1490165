import type { Db } from '../../db/database.ts';

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

export async function enqueueOutbound(
  _db: Db,
  _message: OutboundMessage,
): Promise<{ id: number; created: boolean }> {
  throw new Error('outbox not built yet');
}
