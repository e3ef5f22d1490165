import { createHash } from 'node:crypto';
import nodemailer from 'nodemailer';
import type { Config } from '../../../config.ts';
import type { OutboundAdapter } from './adapter.ts';

/**
 * The Message-ID of an outbox e-mail, derived from its idempotency key: a resend after a crash
 * carries the same Message-ID, so the receiving side (and the customer's mail client) can tell it
 * is the same message.
 */
export function messageIdFor(idempotencyKey: string, from: string): string {
  const domain = /@([^>\s]+)/.exec(from)?.[1] ?? 'switchboard.local';
  const hash = createHash('sha256').update(idempotencyKey).digest('hex').slice(0, 32);
  return `<outbox.${hash}@${domain}>`;
}

export function createSmtpAdapter(smtp: Config['messaging']['smtp']): OutboundAdapter {
  const transport = nodemailer.createTransport({
    host: smtp.host,
    port: smtp.port,
    secure: smtp.secure,
    ...(smtp.user ? { auth: { user: smtp.user, pass: smtp.pass ?? '' } } : {}),
  });
  return {
    name: 'smtp',
    async send(message) {
      const messageId = messageIdFor(message.idempotencyKey, smtp.from);
      await transport.sendMail({
        from: smtp.from,
        to: message.to,
        subject: message.subject ?? '',
        text: message.body,
        messageId,
        headers: { 'X-Switchboard-Idempotency-Key': message.idempotencyKey },
      });
      return { providerMessageId: messageId };
    },
    async close() {
      transport.close();
    },
  };
}
