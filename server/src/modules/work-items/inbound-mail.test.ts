import nodemailer, { type SendMailOptions } from 'nodemailer';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { describeOnEachDialect } from '../../testing/test-app.ts';
import { listenInboundMail } from './inbound-mail.ts';

describeOnEachDialect('inbound mail and fax (MSG-5)', (server) => {
  let smtp: { port: number; close: () => Promise<void> } | undefined;
  beforeAll(async () => {
    smtp = await listenInboundMail({ db: server().db, clock: server().clock }, 0, '127.0.0.1');
  });
  afterAll(async () => {
    await smtp?.close();
  });
  const send = (message: SendMailOptions) =>
    nodemailer
      .createTransport({ host: '127.0.0.1', port: smtp?.port ?? 0, secure: false, ignoreTLS: true })
      .sendMail(message);
  const itemOf = (channel: 'email' | 'fax', sourceRef: string) =>
    server()
      .db.selectFrom('work_items')
      .selectAll()
      .where('channel', '=', channel)
      .where('source_ref', '=', sourceRef)
      .execute();

  it('MSG-5 a real e-mail becomes one work item (Chinese subject, text, attachment names), linked by sender address', async () => {
    const { db } = server();
    const customer = await db
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('email', 'is not', null)
      .where('merged_into', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const mail = {
      from: `"李女士" <${customer.email}>`,
      to: 'service@switchboard.example',
      subject: '关于账单的疑问：本月多扣了 30 元',
      text: '您好，\n我本月的账单比上月多了 30 元，请帮忙查询原因。\n谢谢！',
      messageId: '<bill-question-1@mail.example>',
      attachments: [{ filename: '账单截图.png', content: Buffer.alloc(2048, 7), contentType: 'image/png' }],
    };
    const sent = await send(mail);
    expect(sent.accepted).toEqual(['service@switchboard.example']);
    await send(mail); // the sender's server retries: still one item
    const rows = await itemOf('email', 'bill-question-1@mail.example');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      from_address: customer.email,
      from_name: '李女士',
      contact_email: customer.email,
      subject: mail.subject,
      body: mail.text,
      customer_id: customer.id,
      state: 'new',
    });
    expect(rows[0]?.attachments).toEqual([
      { filename: '账单截图.png', contentType: 'image/png', size: 2048 },
    ]);
  });

  it('MSG-5 a mail to fax@ from the fax gateway is a fax work item carrying its PDF/TIFF names', async () => {
    await send({
      from: 'gateway@fax.example',
      to: 'fax@switchboard.example',
      subject: 'Fax from 057186001234',
      html: '<p>Fax received: <b>2 pages</b></p>',
      messageId: '<fax-20260105-1@fax.example>',
      attachments: [
        { filename: 'fax-1.pdf', content: Buffer.from('%PDF-1.4 fake'), contentType: 'application/pdf' },
        { filename: 'fax-1.tif', content: Buffer.alloc(100, 1), contentType: 'image/tiff' },
      ],
    });
    const [fax] = await itemOf('fax', 'fax-20260105-1@fax.example');
    expect(fax).toMatchObject({
      subject: 'Fax from 057186001234',
      body: 'Fax received: 2 pages',
      customer_id: null,
    });
    expect(((fax?.attachments ?? []) as { filename: string }[]).map((a) => a.filename)).toEqual([
      'fax-1.pdf',
      'fax-1.tif',
    ]);
  });
});
