import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { onLiveNotice } from '../../live/live-notices.ts';
import { describeOnEachDialect, type ErrorBody } from '../../testing/test-app.ts';
import { createWorkItem } from './index.ts';
import { CONTACT_FORM_PER_IP_PER_HOUR } from './work-item.service.ts';

type Item = {
  id: number;
  channel: string;
  state: string;
  subject: string;
  contactPhone: string | null;
  customer: { id: number; name: string } | null;
  takenBy: { id: number; name: string } | null;
  ticketId: number | null;
  events: { action: string; fromState: string | null; toState: string }[];
};
type List = { items: Item[]; total: number; counts: Record<string, number> };

const HOUR = 3_600_000;
const form = (over: Record<string, unknown> = {}) => ({
  name: '张先生',
  phone: '139 0000 0001',
  subject: '宽带报修',
  message: '家里宽带从昨晚起无法上网，请尽快安排维修。',
  ...over,
});

describeOnEachDialect('work items (MSG-5)', (server) => {
  /** Submits the web form as a fresh hour, so the per-IP limit of earlier tests does not count. */
  const submitFresh = async (body: Record<string, unknown>) => {
    server().clock.advance(HOUR);
    return server().request<{ received: boolean } & ErrorBody>('POST', '/api/contact-form', { body });
  };
  /** The newest items as agent 1001 sees them (signing in again: moving the clock ends sessions). */
  const newest = async (query = '') => {
    const cookie = await server().login('1001');
    return (await server().request<List>('GET', `/api/work-items?pageSize=5${query}`, { cookie })).body;
  };

  it('MSG-5 a web-form message becomes a new work item linked to the customer, with a live notice', async () => {
    const { db } = server();
    const notices: string[] = [];
    const stop = onLiveNotice((n) => notices.push(`${n.topic}:${n.data?.state}`));
    const res = await submitFresh(form());
    stop();
    expect(res.status).toBe(201);
    expect(notices).toEqual(['work_item:new']);
    const customer = await db
      .selectFrom('customer_phones')
      .select('customer_id')
      .where('phone', '=', '13900000001')
      .orderBy('customer_id', 'desc')
      .executeTakeFirstOrThrow();
    const list = await newest('&state=new&channel=web_form');
    const item = list.items[0];
    expect(item).toMatchObject({
      channel: 'web_form',
      state: 'new',
      subject: '宽带报修',
      contactPhone: '13900000001',
    });
    expect(item?.customer?.id).toBe(customer.customer_id);
    expect(list.counts.new).toBeGreaterThanOrEqual(1);
  });

  it('MSG-5 the web form refuses bad input and silently drops a filled honeypot', async () => {
    const { request } = server();
    const before = (await newest()).total;
    for (const bad of [
      form({ subject: '' }),
      form({ phone: undefined }),
      form({ message: 'x'.repeat(2001) }),
      form({ email: 'not-an-address' }),
      form({ extra: 1 }),
    ]) {
      const res = await submitFresh(bad);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('VALIDATION_FAILED');
    }
    const bot = await submitFresh(form({ website: 'http://spam.example' }));
    expect(bot.status).toBe(201);
    expect((await newest()).total).toBe(before);
    const raw = await request('POST', '/api/contact-form', {
      rawBody: '{"name":',
      headers: { 'content-type': 'application/json' },
    });
    expect(raw.status).toBe(400);
  });

  it(`MSG-5 the web form takes ${CONTACT_FORM_PER_IP_PER_HOUR} messages per IP per hour, then 429 with Retry-After`, async () => {
    const { request, clock } = server();
    clock.advance(HOUR);
    for (let i = 0; i < CONTACT_FORM_PER_IP_PER_HOUR; i++) {
      expect(
        (await request('POST', '/api/contact-form', { body: form({ subject: `第${i}条` }) })).status,
      ).toBe(201);
      clock.advance(60_000);
    }
    const limited = await request<ErrorBody>('POST', '/api/contact-form', { body: form() });
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('FORM_RATE_LIMITED');
    const retry = Number(limited.headers.get('retry-after'));
    expect(retry).toBeGreaterThan(0);
    expect(retry).toBeLessThanOrEqual(3600);
    clock.advance(retry * 1000);
    expect((await request('POST', '/api/contact-form', { body: form() })).status).toBe(201);
  });

  it('MSG-5 only agents, leads and admin see the queue; department roles and QA get 403', async () => {
    const { request, login } = server();
    expect((await request('GET', '/api/work-items')).status).toBe(401);
    for (const who of ['5101', '5001', '3001']) {
      expect((await request('GET', '/api/work-items', { cookie: await login(who) })).status).toBe(403);
    }
    for (const who of ['1001', '2001', '2101', 'admin']) {
      expect((await request('GET', '/api/work-items', { cookie: await login(who) })).status).toBe(200);
    }
    const bad = await request('GET', '/api/work-items?state=lost', { cookie: await login('1001') });
    expect(bad.status).toBe(400);
    expect((await request('GET', '/api/work-items/999999', { cookie: await login('1001') })).status).toBe(
      404,
    );
  });

  it('MSG-5 two agents take the same item at once: one wins, the other gets 409; the holder replies by SMS once per requestId', async () => {
    const { request, login, db } = server();
    await submitFresh(form({ subject: '抢单测试' }));
    const [a, b] = [await login('1001'), await login('1002')];
    const id = (await newest('&state=new')).items[0]?.id ?? 0;
    const results = await Promise.all([
      request<Item & ErrorBody>('POST', `/api/work-items/${id}/take`, { cookie: a }),
      request<Item & ErrorBody>('POST', `/api/work-items/${id}/take`, { cookie: b }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = results[0]?.status === 200 ? a : b;
    const loser = winner === a ? b : a;
    expect(results.find((r) => r.status === 409)?.body.error.code).toBe('ALREADY_TAKEN');
    expect((await request('POST', `/api/work-items/${id}/take`, { cookie: winner })).status).toBe(200);

    const reply = { channel: 'sms', body: '您好，维修人员今天下午上门。', requestId: 'reply-0001' };
    const refused = await request<ErrorBody>('POST', `/api/work-items/${id}/reply`, {
      cookie: loser,
      body: reply,
    });
    expect(refused.status).toBe(409);
    const first = await request<{ outboxId: number }>('POST', `/api/work-items/${id}/reply`, {
      cookie: winner,
      body: reply,
    });
    const again = await request<{ outboxId: number }>('POST', `/api/work-items/${id}/reply`, {
      cookie: winner,
      body: reply,
    });
    expect(first.status).toBe(200);
    expect(again.body.outboxId).toBe(first.body.outboxId);
    const sms = await db
      .selectFrom('outbox_messages')
      .selectAll()
      .where('source', '=', `work_item:${id}`)
      .execute();
    expect(sms.map((m) => [m.channel, m.to_address, m.body])).toEqual([['sms', '13900000001', reply.body]]);
    const timeline = await db
      .selectFrom('customer_timeline')
      .select('kind')
      .where('ref_id', '=', `outbox:${first.body.outboxId}`)
      .execute();
    expect(timeline).toEqual([{ kind: 'sms' }]);
    const noEmail = await request<ErrorBody>('POST', `/api/work-items/${id}/reply`, {
      cookie: winner,
      body: { channel: 'email', body: 'x', requestId: 'reply-0002' },
    });
    expect(noEmail.body.error.code).toBe('NO_REPLY_ADDRESS');

    const done = await request<Item>('POST', `/api/work-items/${id}/close`, {
      cookie: winner,
      body: { state: 'resolved' },
    });
    expect(done.body.state).toBe('resolved');
    expect(done.body.events.map((e) => e.action)).toEqual(['created', 'taken', 'reply_sms', 'resolved']);
    const closed = await request<ErrorBody>('POST', `/api/work-items/${id}/take`, { cookie: loser });
    expect(closed.body.error.code).toBe('CLOSED');
  });

  it('MSG-5 an item is marked spam, or converted by linking an existing ticket (unknown ticket: 400)', async () => {
    const { request, login, db } = server();
    await submitFresh(form({ subject: '广告' }));
    await submitFresh(form({ subject: '投诉营业员态度' }));
    const agent = await login('1001');
    const [complaint, spam] = (await newest('&state=new')).items;
    const marked = await request<Item>('POST', `/api/work-items/${spam?.id}/close`, {
      cookie: agent,
      body: { state: 'spam' },
    });
    expect(marked.body.state).toBe('spam');
    const badState = await request('POST', `/api/work-items/${complaint?.id}/close`, {
      cookie: agent,
      body: { state: 'new' },
    });
    expect(badState.status).toBe(400);
    const missing = await request<ErrorBody>('POST', `/api/work-items/${complaint?.id}/convert`, {
      cookie: agent,
      body: { ticketId: 999_999 },
    });
    expect(missing.body.error.code).toBe('TICKET_NOT_FOUND');
    const ticket = await db.selectFrom('tickets').select('id').orderBy('id').executeTakeFirstOrThrow();
    const converted = await request<Item>('POST', `/api/work-items/${complaint?.id}/convert`, {
      cookie: agent,
      body: { ticketId: ticket.id },
    });
    expect(converted.body).toMatchObject({ state: 'converted', ticketId: ticket.id });
  });

  it('MSG-5 createWorkItem adds a (channel, sourceRef) once, links by e-mail; the history refuses UPDATE and DELETE', async () => {
    const { db, clock, login } = server();
    const email = await db
      .selectFrom('customers')
      .select(['id', 'email'])
      .where('email', 'is not', null)
      .where('merged_into', 'is', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const item = {
      channel: 'voicemail' as const,
      from: (email.email ?? '').toUpperCase(),
      subject: '语音留言',
      body: '请回电',
      sourceRef: 'voicemail:77',
    };
    const first = await db.transaction().execute((trx) => createWorkItem(trx, item, clock.now()));
    const second = await db.transaction().execute((trx) => createWorkItem(trx, item, clock.now()));
    expect(first.created).toBe(true);
    expect(second).toEqual({ id: first.id, created: false });
    const detail = await server().request<Item>('GET', `/api/work-items/${first.id}`, {
      cookie: await login('1001'),
    });
    expect(detail.body.customer?.id).toBe(email.id);
    expect(detail.body.events).toHaveLength(1);
    await expect(
      sql`UPDATE work_item_events SET note = 'x' WHERE work_item_id = ${first.id}`.execute(db),
    ).rejects.toThrow();
    await expect(
      sql`DELETE FROM work_item_events WHERE work_item_id = ${first.id}`.execute(db),
    ).rejects.toThrow();
  });
});
