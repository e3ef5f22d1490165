import type { AddressInfo } from 'node:net';
import smpp, { type Pdu, type Session } from 'smpp';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it, onTestFinished, vi } from 'vitest';
import { loadConfig } from '../../../config.ts';
import { createJobWorker } from '../../../jobs/job-worker.ts';
import { describeOnEachDialect } from '../../../testing/test-app.ts';
import { enqueueOutbound } from '../index.ts';
import { messagingJobHandlers } from '../outbox-jobs.ts';
import { createOutboundAdapters } from './index.ts';
import { createSmtpAdapter, messageIdFor } from './smtp-adapter.ts';

type Received = { rcptTo: string[]; raw: string };

/** Decodes the headers and text body nodemailer wrote (base64 / quoted-printable, UTF-8). */
function decodeMail(raw: string) {
  const [head = '', ...rest] = raw.split(/\r?\n\r?\n/);
  const headers = head.replace(/\r?\n[ \t]+/g, ' ');
  const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(headers)?.[1] ?? '';
  const subject = header('Subject').replace(
    /=\?UTF-8\?([BQ])\?([^?]*)\?=\s*/gi,
    (_m, enc: string, data: string) =>
      enc.toUpperCase() === 'B'
        ? Buffer.from(data, 'base64').toString('utf8')
        : Buffer.from(
            data
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8'),
  );
  const encoded = rest.join('\n\n').trim();
  const transfer = header('Content-Transfer-Encoding').toLowerCase();
  const body =
    transfer === 'base64'
      ? Buffer.from(encoded, 'base64').toString('utf8')
      : transfer === 'quoted-printable'
        ? Buffer.from(
            encoded
              .replace(/=\r?\n/g, '')
              .replace(/=([0-9A-F]{2})/gi, (_x, h: string) => String.fromCharCode(Number.parseInt(h, 16))),
            'latin1',
          ).toString('utf8')
        : encoded;
  return { subject, body, messageId: header('Message-ID'), from: header('From') };
}

describe('SMTP adapter against a real SMTP server (MSG-3)', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port = 0;
  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      logger: false,
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (c: Buffer) => chunks.push(c));
        stream.on('end', () => {
          received.push({
            rcptTo: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks).toString('utf8'),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  it('delivers recipient, UTF-8 subject and body; a resend after a crash carries the same Message-ID', async () => {
    const smtp = { ...loadConfig({ SMTP_PORT: String(port) }).messaging.smtp };
    const adapter = createSmtpAdapter(smtp);
    const message = {
      id: 1,
      channel: 'email' as const,
      to: 'wang.fang@example.com',
      subject: '投诉处理结果反馈',
      body: '王女士您好：您反映的问题已处理完毕。',
      idempotencyKey: 'complaint:7:feedback',
    };
    const first = await adapter.send(message);
    await adapter.send(message); // the worker crashed after the server accepted it: sent again
    await adapter.close?.();
    expect(received).toHaveLength(2);
    const [a, b] = received.map((r) => decodeMail(r.raw));
    expect(received[0]?.rcptTo).toEqual(['wang.fang@example.com']);
    expect(a).toMatchObject({ subject: '投诉处理结果反馈', body: '王女士您好：您反映的问题已处理完毕。' });
    expect(a?.messageId).toBe(messageIdFor('complaint:7:feedback', smtp.from));
    expect(b?.messageId).toBe(a?.messageId);
    expect(first.providerMessageId).toBe(a?.messageId);
  });
});

describeOnEachDialect('SMPP adapter against a real SMPP server (MSG-2, MSG-4)', (testServer) => {
  const submitted: Pdu[] = [];
  const sessions: Session[] = [];
  let smsc: ReturnType<typeof smpp.createServer>;
  let port = 0;
  beforeAll(async () => {
    smsc = smpp.createServer({}, (session) => {
      sessions.push(session);
      session.on('bind_transceiver', (pdu: Pdu) => {
        session.send(pdu.response());
      });
      session.on('submit_sm', (pdu: Pdu) => {
        submitted.push(pdu);
        session.send(pdu.response({ message_id: `smsc-${submitted.length}` }));
      });
      session.on('enquire_link', (pdu: Pdu) => session.send(pdu.response()));
      session.on('unbind', (pdu: Pdu) => {
        session.send(pdu.response());
        session.close();
      });
    });
    await new Promise<void>((resolve) => smsc.listen(0, '127.0.0.1', resolve));
    port = (smsc.address() as AddressInfo).port;
  });
  afterAll(async () => {
    // A client left bound (a failed test) would keep the server open: drop every session first.
    for (const session of sessions) session.close();
    await new Promise<void>((resolve) => smsc.close(() => resolve()));
  });

  it('submits Chinese text as UCS2 (data_coding 8), keeps the SMSC message id, receives replies and receipts', async () => {
    const { db, clock } = testServer();
    const config = loadConfig({
      SMS_ADAPTER: 'smpp',
      SMPP_PORT: String(port),
      SMPP_SYSTEM_ID: 'cc',
    }).messaging;
    const adapters = createOutboundAdapters(db, clock, config);
    onTestFinished(async () => {
      await adapters.sms.close?.();
    });
    const worker = createJobWorker({ db, clock, handlers: messagingJobHandlers(adapters), pollMs: 1000 });
    const { id } = await enqueueOutbound(
      db,
      {
        channel: 'sms',
        to: '139 1234 5678',
        body: '【客服中心】您的报修已受理',
        idempotencyKey: `smpp:${testServer().dialect}`,
        source: 'test',
      },
      clock.now(),
    );
    await worker.drain();
    const pdu = submitted.at(-1);
    expect(pdu?.destination_addr).toBe('13912345678');
    expect(pdu?.data_coding).toBe(8);
    expect(pdu?.short_message).toMatchObject({ message: '【客服中心】您的报修已受理' });
    const row = await db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({ state: 'sent', provider_message_id: `smsc-${submitted.length}` });

    const smscSession = sessions.at(-1);
    if (!smscSession) throw new Error('no SMPP session');
    const acked = (options: Record<string, unknown>) =>
      new Promise<void>((resolve) => smscSession.deliver_sm(options, () => resolve()));
    await acked({
      source_addr: '13912345678',
      destination_addr: '10086',
      data_coding: 8,
      short_message: { message: '好的，明天上午在家' },
    });
    await acked({
      source_addr: '13912345678',
      destination_addr: '10086',
      esm_class: 4,
      short_message: { message: `id:smsc-${submitted.length} sub:001 dlvrd:001 stat:DELIVRD err:000 text:` },
    });
    // The adapter answers deliver_sm first, then writes: wait until both writes landed.
    await vi.waitFor(
      async () => {
        const inbound = await db
          .selectFrom('sms_inbound')
          .selectAll()
          .where('provider', '=', 'smpp')
          .execute();
        expect(inbound.at(-1)).toMatchObject({
          from_number: '13912345678',
          body: '好的，明天上午在家',
          customer_id: null,
        });
        const delivered = await db
          .selectFrom('outbox_messages')
          .select('delivered_at')
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(delivered.delivered_at).not.toBeNull();
      },
      { timeout: 10_000, interval: 50 },
    );
  });
});
