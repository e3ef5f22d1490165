import { expect, it } from 'vitest';
import { createJobWorker } from '../../jobs/job-worker.ts';
import { describeOnEachDialect, type ErrorBody } from '../../testing/test-app.ts';
import { createSinkAdapter } from './adapters/sink-adapter.ts';
import { messagingJobHandlers } from './outbox-jobs.ts';

type Subs = { phone: string; optedOut: boolean; categories: Record<string, boolean> };

describeOnEachDialect('SMS subscriptions and opt-out (MSG-2 手机短信定制)', (server) => {
  const drain = () => {
    const sink = createSinkAdapter(server().db, server().clock);
    return createJobWorker({
      db: server().db,
      clock: server().clock,
      handlers: messagingJobHandlers({ sms: sink, email: sink }),
      pollMs: 1000,
      leaseMs: 30_000,
      random: () => 1,
    }).drain();
  };
  const campaignTo = async (kind: string, numbers: string[]) => {
    const { request, login } = server();
    const drafted = await request<{ id: number }>('POST', '/api/outbox/campaigns', {
      cookie: await login('2001'),
      body: { kind, title: `${kind} 测试`, body: `【${kind}】内容`, audience: { kind: 'numbers', numbers } },
    });
    const approved = await request<ErrorBody>('POST', `/api/outbox/campaigns/${drafted.body.id}/approve`, {
      cookie: await login('2101'),
      body: {},
    });
    await drain();
    const rows = await server()
      .db.selectFrom('outbox_messages')
      .select('to_address')
      .where('source', '=', `campaign:${drafted.body.id}`)
      .orderBy('to_address')
      .execute();
    return { status: approved.status, code: approved.body.error?.code, to: rows.map((r) => r.to_address) };
  };

  it('MSG-2 an agent reads and sets a number’s subscriptions; department roles get 403, a bad number 400', async () => {
    const { request, login } = server();
    const agent = await login('1001');
    const empty = await request<Subs>('GET', '/api/outbox/subscriptions/13966660001', { cookie: agent });
    expect(empty.body).toMatchObject({
      optedOut: false,
      categories: { activity: false, news: false, billing: false },
    });
    const set = await request<Subs>('PUT', '/api/outbox/subscriptions/139-6666-0001', {
      cookie: agent,
      body: { categories: { news: true, billing: true } },
    });
    expect(set.status).toBe(200);
    expect(set.body).toMatchObject({
      phone: '13966660001',
      categories: { activity: false, news: true, billing: true },
    });
    const dept = await login('5101');
    expect((await request('GET', '/api/outbox/subscriptions/13966660001', { cookie: dept })).status).toBe(
      403,
    );
    expect((await request('GET', '/api/outbox/subscriptions/13966660001')).status).toBe(401);
    const bad = await request<ErrorBody>('PUT', '/api/outbox/subscriptions/abc', { cookie: agent, body: {} });
    expect(bad.status).toBe(400);
    const badCategory = await request<ErrorBody>('PUT', '/api/outbox/subscriptions/13966660001', {
      cookie: agent,
      body: { categories: { lottery: true } },
    });
    expect(badCategory.status).toBe(400);
  });

  it('MSG-2 news and activity campaigns reach only subscribers; a general one every number not opted out', async () => {
    const { request, login } = server();
    const agent = await login('1001');
    await request('PUT', '/api/outbox/subscriptions/13966661001', {
      cookie: agent,
      body: { categories: { news: true } },
    });
    await request('PUT', '/api/outbox/subscriptions/13966661002', {
      cookie: agent,
      body: { categories: { activity: true } },
    });
    await request('PUT', '/api/outbox/subscriptions/13966661003', {
      cookie: agent,
      body: { categories: { news: true }, optedOut: true },
    });
    const numbers = ['13966661001', '13966661002', '13966661003', '13966661004'];
    expect((await campaignTo('news', numbers)).to).toEqual(['13966661001']);
    expect((await campaignTo('activity', numbers)).to).toEqual(['13966661002']);
    expect((await campaignTo('general', numbers)).to).toEqual(['13966661001', '13966661002', '13966661004']);
    const nobody = await campaignTo('news', ['13966661004']);
    expect(nobody).toMatchObject({ status: 400, code: 'NO_RECIPIENTS', to: [] });
  });

  it('MSG-2 an SMS reply "TD" or "退订" opts the number out of everything, confirmed once by SMS', async () => {
    const { request, login, db } = server();
    const lead = await login('2001');
    await request('PUT', '/api/outbox/subscriptions/13966662001', {
      cookie: lead,
      body: { categories: { news: true, activity: true } },
    });
    const reply = (from: string, body: string, id: string) =>
      request<{ id: number; created: boolean }>('POST', '/api/outbox/inbound', {
        cookie: lead,
        body: { from, body, providerMessageId: id },
      });
    const td = await reply('13966662001', ' td ', 'td-1');
    expect(td.status).toBe(201);
    await reply('13966662001', ' td ', 'td-1'); // the gateway redelivers: still one confirmation
    await reply('13966662002', '退订', 'td-2');
    await reply('13966662003', '请问怎么退订？', 'td-3'); // a question, not an opt-out

    const subs = await request<Subs>('GET', '/api/outbox/subscriptions/13966662001', { cookie: lead });
    expect(subs.body).toMatchObject({ optedOut: true, categories: { news: false, activity: false } });
    const confirmations = await db
      .selectFrom('outbox_messages')
      .select(['to_address', 'body'])
      .where('source', 'like', 'sms_inbound:%')
      .orderBy('to_address')
      .execute();
    expect(confirmations.map((c) => c.to_address)).toEqual(['13966662001', '13966662002']);
    expect(confirmations[0]?.body).toContain('退订');

    const sent = await campaignTo('general', ['13966662001', '13966662002', '13966662003']);
    expect(sent.to).toEqual(['13966662003']);
    // Subscribing again (the customer asked an agent) lifts the opt-out.
    await request('PUT', '/api/outbox/subscriptions/13966662001', {
      cookie: lead,
      body: { categories: { news: true } },
    });
    expect((await campaignTo('news', ['13966662001', '13966662002'])).to).toEqual(['13966662001']);
  });
});
