import { createHash } from 'node:crypto';
import { SMTPServer } from 'smtp-server';
import type { Clock } from '../../clock.ts';
import type { Db } from '../../db/database.ts';
import { createWorkItem, notifyWorkItemsChanged } from './index.ts';
import { parseMail } from './mime-message.ts';

// Inbound e-mail and fax (MSG-5): a plain SMTP listener (no AUTH, no relay: every accepted mail
// becomes a work item, nothing is sent on). A fax gateway mails to fax@…, which makes the item a
// fax. Run it behind the firewall, reachable only by the mail and fax gateways.
export type InboundMailDeps = { db: Db; clock: Clock; log?: (message: string, err?: unknown) => void };

const MAX_MAIL_BYTES = 15 * 1024 * 1024;
const LIMITS = { subject: 200, body: 20_000 } as const;

/** Stores one received mail as a work item; the same Message-ID twice is one item. */
export async function receiveMail(deps: InboundMailDeps, raw: Buffer, recipients: string[]) {
  const mail = parseMail(raw);
  const fax = recipients.some((r) => r.trim().toLowerCase().startsWith('fax@'));
  const from = mail.from?.address || 'unknown';
  const names = mail.attachments.map((a) => a.filename).join(', ');
  const sourceRef = mail.messageId ?? createHash('sha256').update(raw).digest('hex');
  const result = await deps.db.transaction().execute((trx) =>
    createWorkItem(
      trx,
      {
        channel: fax ? 'fax' : 'email',
        sourceRef,
        from,
        fromName: mail.from?.name ?? null,
        contactEmail: from.includes('@') ? from : null,
        subject: (mail.subject || (fax ? `传真：${names || '无附件'}` : '（无主题）')).slice(
          0,
          LIMITS.subject,
        ),
        body: mail.text.slice(0, LIMITS.body),
        attachments: mail.attachments,
      },
      deps.clock.now(),
    ),
  );
  if (result.created) notifyWorkItemsChanged(result.id, 'new');
  return result;
}

/** Listens for mail on `port` (0: any free port); resolves with the port and a stop function. */
export function listenInboundMail(
  deps: InboundMailDeps,
  port: number,
  host = '0.0.0.0',
): Promise<{ port: number; close: () => Promise<void> }> {
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: MAX_MAIL_BYTES,
    banner: 'Switchboard inbound mail',
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          callback(Object.assign(new Error('Message too large'), { responseCode: 552 }));
          return;
        }
        const recipients = session.envelope.rcptTo.map((r) => r.address);
        receiveMail(deps, Buffer.concat(chunks), recipients).then(
          () => callback(),
          (err: unknown) => {
            deps.log?.('inbound mail not stored', err);
            callback(Object.assign(new Error('Temporary failure, try again later'), { responseCode: 451 }));
          },
        );
      });
    },
  });
  server.on('error', (err) => deps.log?.('inbound mail listener', err));
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      const address = server.server.address();
      resolve({
        port: typeof address === 'object' && address ? address.port : port,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** Starts the listener for the server process (INBOUND_SMTP_PORT); returns its stop function. */
export function startInboundMail(deps: InboundMailDeps, port: number): () => Promise<void> {
  const started = listenInboundMail(deps, port);
  started.catch((err: unknown) => deps.log?.(`inbound mail could not listen on ${port}`, err));
  return async () => {
    const running = await started.catch(() => null);
    await running?.close();
  };
}
