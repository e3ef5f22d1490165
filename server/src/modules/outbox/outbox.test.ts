import { expect, it } from 'vitest';
import { claimNextJob } from '../../jobs/job.repository.ts';
import { createJobWorker } from '../../jobs/job-worker.ts';
import { describeOnEachDialect, type ErrorBody } from '../../testing/test-app.ts';
import { testConfig } from '../../testing/test-config.ts';
import type { OutboundAdapter, OutboundAdapters } from './adapters/adapter.ts';
import { createSinkAdapter } from './adapters/sink-adapter.ts';
import { enqueueOutbound, OUTBOX_SEND_JOB } from './index.ts';
import { messagingJobHandlers } from './outbox-jobs.ts';

describeOnEachDialect('outbox (MSG-4)', (server) => {
  const sinkAdapters = (): OutboundAdapters => {
    const sink = createSinkAdapter(server().db, server().clock);
    return { sms: sink, email: sink };
  };
  const workerWith = (adapters: OutboundAdapters) =>
    createJobWorker({
      db: server().db,
      clock: server().clock,
      handlers: messagingJobHandlers(adapters),
      pollMs: 1000,
      leaseMs: 30_000,
      random: () => 1,
    });
  const sinkRows = (key: string) =>
    server().db.selectFrom('outbox_sink').selectAll().where('idempotency_key', '=', key).execute();
  const outboxRow = (id: number) =>
    server().db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('MSG-4 enqueue is idempotent: the same key returns the first message with created:false', async () => {
    const { db, clock } = server();
    const msg = {
      channel: 'sms' as const,
      to: '13900000001',
      body: '您好',
      idempotencyKey: 'ticket:1:ack',
      source: 'ticket:1',
    };
    const first = await db.transaction().execute((trx) => enqueueOutbound(trx, msg, clock.now()));
    const again = await db
      .transaction()
      .execute((trx) => enqueueOutbound(trx, { ...msg, body: '别的' }, clock.now()));
    expect(first.created).toBe(true);
    expect(again).toEqual({ id: first.id, created: false });
    await workerWith(sinkAdapters()).drain();
    expect(await sinkRows('ticket:1:ack')).toMatchObject([{ to_address: '13900000001', body: '您好' }]);
    expect(await outboxRow(first.id)).toMatchObject({ state: 'sent', attempts: 1 });
  });

  it('MSG-4 nothing is sent when the caller rolls back', async () => {
    const { db, clock } = server();
    await db
      .transaction()
      .execute(async (trx) => {
        await enqueueOutbound(
          trx,
          { channel: 'sms', to: '13900000002', body: 'x', idempotencyKey: 'rolled-back', source: 't' },
          clock.now(),
        );
        throw new Error('caller failed');
      })
      .catch(() => {});
    await workerWith(sinkAdapters()).drain();
    expect(await sinkRows('rolled-back')).toHaveLength(0);
  });

  it('MSG-4 a worker that dies after claiming (before sending) → delivered exactly once after the lease expires', async () => {
    const { db, clock } = server();
    const { id } = await enqueueOutbound(
      db,
      {
        channel: 'email',
        to: 'a@example.com',
        subject: '反馈',
        body: '已处理',
        idempotencyKey: 'crash-1',
        source: 't',
      },
      clock.now(),
    );
    await workerWith(sinkAdapters()).drain(); // drain earlier jobs
    expect(await sinkRows('crash-1')).toHaveLength(1);
    const { id: id2 } = await enqueueOutbound(
      db,
      { channel: 'sms', to: '13900000003', body: 'once', idempotencyKey: 'crash-2', source: 't' },
      clock.now(),
    );
    expect(await claimNextJob(db, [OUTBOX_SEND_JOB], clock.now(), 30_000)).not.toBeNull(); // then "dies"
    expect(await workerWith(sinkAdapters()).drain()).toBe(0); // leased: nobody else sends
    clock.advance(30_001);
    expect(await workerWith(sinkAdapters()).drain()).toBe(1);
    expect(await sinkRows('crash-2')).toHaveLength(1);
    expect(await outboxRow(id2)).toMatchObject({ state: 'sent' });
    expect(id).toBeLessThan(id2);
  });

  it('MSG-4 a message that reached the gateway but was not marked sent is resent with the same key; the sink keeps one', async () => {
    const { db, clock } = server();
    const adapters = sinkAdapters();
    const { id } = await enqueueOutbound(
      db,
      { channel: 'sms', to: '13900000004', body: '只收到一次', idempotencyKey: 'crash-3', source: 't' },
      clock.now(),
    );
    const job = await claimNextJob(db, [OUTBOX_SEND_JOB], clock.now(), 30_000);
    expect(job).not.toBeNull();
    // The first worker delivered, then crashed before marking the message sent.
    await adapters.sms.send({
      id,
      channel: 'sms',
      to: '13900000004',
      subject: null,
      body: '只收到一次',
      idempotencyKey: 'crash-3',
    });
    clock.advance(30_001);
    await workerWith(adapters).drain();
    expect(await sinkRows('crash-3')).toHaveLength(1);
    expect(await outboxRow(id)).toMatchObject({ state: 'sent' });
  });

  it('MSG-4 a failing gateway is retried with backoff; after the last attempt the message is failed, and a lead can retry it', async () => {
    const { db, clock, request, login } = server();
    let calls = 0;
    const down: OutboundAdapter = {
      name: 'down',
      send: async () => {
        calls++;
        throw new Error('SMSC unreachable');
      },
    };
    const { id } = await enqueueOutbound(
      db,
      { channel: 'sms', to: '13900000005', body: 'retry me', idempotencyKey: 'fail-1', source: 't' },
      clock.now(),
    );
    await workerWith(sinkAdapters()).drain(); // this one is sent
    const fresh = await enqueueOutbound(
      db,
      { channel: 'sms', to: '13900000006', body: 'retry me', idempotencyKey: 'fail-2', source: 't' },
      clock.now(),
    );
    const w = workerWith({ sms: down, email: down });
    for (let i = 0; i < 8; i++) {
      await w.drain();
      clock.advance(31 * 60_000);
    }
    expect(calls).toBe(8);
    expect(await outboxRow(fresh.id)).toMatchObject({
      state: 'failed',
      attempts: 8,
      last_error: 'SMSC unreachable',
    });

    const lead = await login('2001');
    const agent = await login('1001');
    expect((await request('POST', `/api/outbox/messages/${fresh.id}/retry`, { cookie: agent })).status).toBe(
      403,
    );
    const notFailed = await request<ErrorBody>('POST', `/api/outbox/messages/${id}/retry`, { cookie: lead });
    expect(notFailed.body.error.code).toBe('NOT_FAILED');
    expect((await request('POST', `/api/outbox/messages/${fresh.id}/retry`, { cookie: lead })).status).toBe(
      200,
    );
    await workerWith(sinkAdapters()).drain();
    expect(await outboxRow(fresh.id)).toMatchObject({ state: 'sent' });
    const failedList = await request<{ items: { id: number }[] }>(
      'GET',
      '/api/outbox/messages?state=sent&q=13900000006',
      { cookie: lead },
    );
    expect(failedList.body.items.map((m) => m.id)).toEqual([fresh.id]);
  });

  it('MSG-2 a staff member sends one SMS; the same requestId twice is one message', async () => {
    const { request, login } = server();
    const agent = await login('1001');
    const body = {
      channel: 'sms',
      to: '13912340000',
      body: '您的工单已处理',
      requestId: '6f1c1c1e-1d2b-4c3a-9a55-1e2d3c4b5a69',
    };
    const first = await request<{ id: number; state: string }>('POST', '/api/outbox/messages', {
      cookie: agent,
      body,
    });
    const again = await request<{ id: number }>('POST', '/api/outbox/messages', { cookie: agent, body });
    expect(first.status).toBe(201);
    expect(again.status).toBe(200);
    expect(again.body.id).toBe(first.body.id);
    const bad = await request<ErrorBody>('POST', '/api/outbox/messages', {
      cookie: agent,
      body: { channel: 'sms', to: 'abc', body: '' },
    });
    expect(bad.status).toBe(400);
    expect((await request('GET', '/api/outbox/messages', { cookie: agent })).status).toBe(403);
  });

  it('MSG-2 inbound SMS: stored once per provider id, without a customer when the number is unknown; webhook needs the token', async () => {
    const { request, login } = server();
    const lead = await login('2001');
    const sms = { from: '13987654321', body: '收到，谢谢', providerMessageId: 'gw-1' };
    const first = await request<{ id: number; created: boolean }>('POST', '/api/outbox/inbound', {
      cookie: lead,
      body: sms,
    });
    const again = await request<{ id: number; created: boolean }>('POST', '/api/outbox/inbound', {
      cookie: lead,
      body: sms,
    });
    expect(first.body.created).toBe(true);
    expect(again.body).toEqual({ id: first.body.id, created: false });
    const list = await request<{ items: { fromNumber: string; body: string; customerId: number | null }[] }>(
      'GET',
      '/api/outbox/inbound',
      { cookie: lead },
    );
    expect(list.body.items).toContainEqual(
      expect.objectContaining({ fromNumber: '13987654321', body: '收到，谢谢', customerId: null }),
    );
    const webhook = await request<ErrorBody>('POST', '/api/outbox/inbound/webhook', { body: sms });
    expect(webhook.status).toBe(404); // SMS_INBOUND_TOKEN not configured
  });

  it('MSG-2 bulk SMS: the drafter cannot approve; a rejected campaign sends nothing; an approved one queues one SMS per number', async () => {
    const { request, login, db } = server();
    const agent = await login('1001');
    const lead = await login('2001');
    const draft = (title: string) =>
      request<{ id: number; state: string }>('POST', '/api/outbox/campaigns', {
        cookie: lead,
        body: {
          kind: 'activity',
          title,
          body: '【活动通知】本周六营业厅开放日',
          audience: { kind: 'numbers', numbers: ['13900001111', '139 0000 2222', '13900001111'] },
        },
      });
    const a = await draft('开放日');
    expect(a.status).toBe(201);
    expect(a.body.state).toBe('pending');
    const own = await request<ErrorBody>('POST', `/api/outbox/campaigns/${a.body.id}/approve`, {
      cookie: lead,
      body: {},
    });
    expect(own.status).toBe(403);
    expect(own.body.error.code).toBe('OWN_CAMPAIGN');
    expect(
      (await request('POST', `/api/outbox/campaigns/${a.body.id}/approve`, { cookie: agent, body: {} }))
        .status,
    ).toBe(403);

    const approver = await login('2101'); // duty lead
    // Activity SMS reach only numbers subscribed to 活动通知 (手机短信定制).
    for (const phone of ['13900001111', '13900002222']) {
      await request('PUT', `/api/outbox/subscriptions/${phone}`, {
        cookie: agent,
        body: { categories: { activity: true } },
      });
    }
    const rejected = await draft('取消的活动');
    const r = await request<{ state: string }>('POST', `/api/outbox/campaigns/${rejected.body.id}/reject`, {
      cookie: approver,
      body: { reason: '内容待修改' },
    });
    expect(r.body.state).toBe('rejected');
    const ok = await request<{ state: string }>('POST', `/api/outbox/campaigns/${a.body.id}/approve`, {
      cookie: approver,
      body: {},
    });
    expect(ok.status).toBe(200);
    expect(
      (
        await request<ErrorBody>('POST', `/api/outbox/campaigns/${a.body.id}/approve`, {
          cookie: approver,
          body: {},
        })
      ).body.error.code,
    ).toBe('CAMPAIGN_DECIDED');

    await workerWith(sinkAdapters()).drain();
    const rows = await db
      .selectFrom('outbox_messages')
      .select(['to_address', 'source', 'state'])
      .where('source', 'in', [`campaign:${a.body.id}`, `campaign:${rejected.body.id}`])
      .orderBy('to_address')
      .execute();
    expect(rows).toEqual([
      { to_address: '13900001111', source: `campaign:${a.body.id}`, state: 'sent' },
      { to_address: '13900002222', source: `campaign:${a.body.id}`, state: 'sent' },
    ]);
    const list = await request<{ items: { id: number; counts: { sent: number } }[] }>(
      'GET',
      '/api/outbox/campaigns',
      { cookie: agent },
    );
    expect(list.body.items.find((c) => c.id === a.body.id)?.counts.sent).toBe(2);
    const audits = await db
      .selectFrom('audit_events')
      .select('action')
      .where('object_type', '=', 'sms_campaign')
      .execute();
    expect(audits.map((x) => x.action).sort()).toEqual(['sms_campaign.approve', 'sms_campaign.reject']);
  });

  it('MSG-2 a campaign by customer category reaches each matching customer number once; replies link to the customer', async () => {
    const { request, login, db, clock } = server();
    const now = clock.now();
    const area = await db
      .insertInto('areas')
      .values({ code: `MSGT${server().dialect === 'pglite' ? 1 : 2}`, name: '测试片区', created_at: now })
      .returning('id')
      .executeTakeFirstOrThrow();
    const customer = (name: string, vip: number, merged: number | null) =>
      db
        .insertInto('customers')
        .values({
          name,
          gender: 'unknown',
          card_no: null,
          address: null,
          area_id: area.id,
          vip_level: vip,
          email: null,
          preferred_channel: 'sms',
          origin_channels: JSON.stringify(['网络']),
          gift_willing: null,
          custom: '{}',
          search_text: name,
          merged_into: merged,
          created_by: null,
          created_at: now,
          updated_at: now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
    const vip = await customer('赵金卡', 3, null);
    const plain = await customer('钱普通', 0, null);
    const merged = await customer('赵金卡（重复）', 3, vip.id);
    await db
      .insertInto('customer_phones')
      .values([
        { customer_id: vip.id, phone: '13977770001', position: 0 },
        { customer_id: vip.id, phone: '13977770002', position: 1 },
        { customer_id: plain.id, phone: '13977770003', position: 0 },
        { customer_id: merged.id, phone: '13977770004', position: 0 },
      ])
      .execute();

    const lead = await login('2001');
    const approver = await login('2101');
    for (const phone of ['13977770001', '13977770002', '13977770003']) {
      await request('PUT', `/api/outbox/subscriptions/${phone}`, {
        cookie: lead,
        body: { categories: { news: true } },
      });
    }
    const drafted = await request<{ id: number }>('POST', '/api/outbox/campaigns', {
      cookie: lead,
      body: {
        kind: 'news',
        title: 'VIP 专享',
        body: '【新闻发布】新套餐上线',
        audience: { kind: 'filter', vipLevels: [3], areaIds: [area.id], originChannels: ['网络'] },
      },
    });
    expect(drafted.status).toBe(201);
    expect(
      (
        await request('POST', `/api/outbox/campaigns/${drafted.body.id}/approve`, {
          cookie: approver,
          body: {},
        })
      ).status,
    ).toBe(200);
    await workerWith(sinkAdapters()).drain();
    const rows = await db
      .selectFrom('outbox_messages')
      .select(['to_address', 'customer_id', 'state'])
      .where('source', '=', `campaign:${drafted.body.id}`)
      .orderBy('to_address')
      .execute();
    expect(rows).toEqual([
      { to_address: '13977770001', customer_id: vip.id, state: 'sent' },
      { to_address: '13977770002', customer_id: vip.id, state: 'sent' },
    ]);

    const nobody = await request<{ id: number }>('POST', '/api/outbox/campaigns', {
      cookie: lead,
      body: {
        kind: 'general',
        title: '无人',
        body: 'x',
        audience: { kind: 'filter', vipLevels: [5], areaIds: [area.id] },
      },
    });
    const refused = await request<ErrorBody>('POST', `/api/outbox/campaigns/${nobody.body.id}/approve`, {
      cookie: approver,
      body: {},
    });
    expect(refused.body.error.code).toBe('NO_RECIPIENTS');

    const reply = await request<{ id: number }>('POST', '/api/outbox/inbound', {
      cookie: lead,
      body: { from: '13977770002', body: '怎么办理？' },
    });
    const stored = await db
      .selectFrom('sms_inbound')
      .select('customer_id')
      .where('id', '=', reply.body.id)
      .executeTakeFirstOrThrow();
    expect(stored.customer_id).toBe(vip.id);
    const single = await request<{ id: number }>('POST', '/api/outbox/messages', {
      cookie: lead,
      body: { channel: 'sms', to: '13977770001', body: '您好，已为您办理', customerId: vip.id },
    });
    const timeline = await db
      .selectFrom('customer_timeline')
      .select(['kind', 'ref_id'])
      .where('customer_id', '=', vip.id)
      .orderBy('ref_id')
      .execute();
    expect(timeline).toEqual([
      { kind: 'sms', ref_id: `outbox:${single.body.id}` },
      { kind: 'sms', ref_id: `sms_inbound:${reply.body.id}` },
    ]);
  });
});

describeOnEachDialect(
  'inbound SMS webhook (MSG-2)',
  (server) => {
    it('accepts a reply with the shared token, refuses a wrong or missing token', async () => {
      const { request } = server();
      const body = { from: '13955550000', to: '10086', body: '退订', providerMessageId: 'gw-77' };
      const ok = await request<{ created: boolean }>('POST', '/api/outbox/inbound/webhook', {
        body,
        headers: { 'x-switchboard-token': 'a-long-enough-test-token' },
      });
      expect(ok.status).toBe(200);
      expect(ok.body.created).toBe(true);
      const wrong = await request<ErrorBody>('POST', '/api/outbox/inbound/webhook', {
        body,
        headers: { 'x-switchboard-token': 'not-the-token-at-all!!' },
      });
      expect(wrong.status).toBe(401);
      expect((await request('POST', '/api/outbox/inbound/webhook', { body })).status).toBe(401);
    });
  },
  { config: { messaging: { ...testConfig.messaging, inboundToken: 'a-long-enough-test-token' } } },
);
