import type { TicketDetail } from '@switchboard/shared';
import { sql } from 'kysely';
import { afterEach, expect, it } from 'vitest';
import { onLiveNotice } from '../../live/live-notices.ts';
import { describeOnEachDialect, type ErrorBody, type Page } from '../../testing/test-app.ts';
import { runDeadlineWatch } from './index.ts';

const HOUR = 3_600_000;

describeOnEachDialect('tickets (CPL-1 … CPL-11, BIZ-1)', (server) => {
  let unsubscribe: (() => void) | undefined;
  afterEach(() => unsubscribe?.());

  const idOf = async (table: 'staff' | 'departments', key: string) =>
    table === 'staff'
      ? (
          await server()
            .db.selectFrom('staff')
            .select('id')
            .where('employee_no', '=', key)
            .executeTakeFirstOrThrow()
        ).id
      : (
          await server()
            .db.selectFrom('departments')
            .select('id')
            .where('code', '=', key)
            .executeTakeFirstOrThrow()
        ).id;
  const call = async <T = TicketDetail>(who: string, method: string, path: string, body?: unknown) =>
    server().request<T>(method, path, { cookie: await server().login(who), body });
  const ok = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await call(who, method, path, body);
    expect(res.status, res.text).toBeLessThan(300);
    return res.body;
  };
  const complaint = (extra: Record<string, unknown> = {}) =>
    ok('1001', 'POST', '/api/tickets', {
      kind: 'complaint',
      category: 'equipment',
      phone: '13900001111',
      customerName: '测试客户',
      gender: 'female',
      aspects: ['service', 'effect'],
      reason: '光猫反复掉线',
      ...extra,
    });
  const dispatchedToNetops = async () => {
    const t = await complaint();
    await ok('1001', 'POST', `/api/tickets/${t.id}/dispatch`, {
      departmentId: await idOf('departments', 'NETOPS'),
    });
    return t;
  };

  it('walks a complaint from the agent to the department and back, with every step in the history (CPL-4 … CPL-8)', async () => {
    const created = await complaint();
    expect(created).toMatchObject({
      state: 'new',
      aspects: ['effect', 'service'],
      ownerName: '王芳',
      allowedActions: ['dispatch'],
    });
    expect(created.number).toMatch(/^TS\d{8}-\d{4}$/);

    const dispatched = await ok('1001', 'POST', `/api/tickets/${created.id}/dispatch`, {
      departmentId: await idOf('departments', 'NETOPS'),
    });
    expect(dispatched).toMatchObject({ state: 'dispatched', departmentName: '网络维护部' });
    expect(dispatched.deadlineAt).not.toBeNull();

    server().clock.advance(HOUR);
    const deadline = new Date(server().clock.now().getTime() + 10 * HOUR).toISOString();
    const reviewed = await ok('5001', 'POST', `/api/tickets/${created.id}/review`, {
      valid: true,
      category: 'service_item',
      deadlineAt: deadline,
    });
    expect(reviewed).toMatchObject({
      state: 'processing',
      validity: 'valid',
      category: 'service_item',
      deadlineAt: deadline,
    });
    expect(['傅强', '沈玉兰']).toContain(reviewed.responsibleName);
    const handler = reviewed.responsibleName === '傅强' ? '5101' : '5102';

    const answered = await ok(handler, 'POST', `/api/tickets/${created.id}/finish`, { answer: '已更换光猫' });
    expect(answered).toMatchObject({ state: 'answered', answer: '已更换光猫' });
    const replied = await ok('1001', 'POST', `/api/tickets/${created.id}/reply`, {
      satisfaction: 'satisfied',
      note: '客户认可',
    });
    expect(replied).toMatchObject({ state: 'replied', satisfaction: 'satisfied', replyChannel: 'phone' });
    const closed = await ok('1001', 'POST', `/api/tickets/${created.id}/close`, {});
    expect(closed.events.map((e) => [e.action, e.toState])).toEqual([
      ['create', 'new'],
      ['dispatch', 'dispatched'],
      ['review', 'dispatched'],
      ['assign', 'processing'],
      ['finish', 'answered'],
      ['reply', 'replied'],
      ['close', 'closed'],
    ]);
    expect(closed.events[2]?.at).toBe(server().clock.now().toISOString());
    const audit = await server()
      .db.selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', String(created.id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('ticket.review');
  });

  it('assigns to the least busy handler of the department', async () => {
    const a = await dispatchedToNetops();
    const b = await dispatchedToNetops();
    const first = await ok('5001', 'POST', `/api/tickets/${a.id}/review`, { valid: true });
    const second = await ok('5001', 'POST', `/api/tickets/${b.id}/review`, { valid: true });
    expect(second.responsibleId).not.toBe(first.responsibleId);
  });

  it('sends an invalid complaint back to the agent with the reason, which needs one', async () => {
    const t = await dispatchedToNetops();
    const missing = await call<ErrorBody>('5001', 'POST', `/api/tickets/${t.id}/review`, { valid: false });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.[0]?.path).toBe('note');
    const rejected = await ok('5001', 'POST', `/api/tickets/${t.id}/review`, {
      valid: false,
      note: '非本公司业务',
    });
    expect(rejected).toMatchObject({
      state: 'rejected',
      validity: 'invalid',
      invalidReason: '非本公司业务',
      allowedActions: [],
    });
    const mine = await ok('1001', 'GET', '/api/tickets?scope=mine');
    expect((mine as unknown as Page<TicketDetail>).items.find((x) => x.id === t.id)?.state).toBe('rejected');
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const before = await server()
      .db.selectFrom('tickets')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await call<ErrorBody>('1001', 'POST', '/api/tickets', {
      kind: 'complaint',
      category: 'move',
      phone: 'abc',
      reason: '',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.map((f) => f.path)).toEqual(expect.arrayContaining(['phone', 'reason']));
    const wrongCategory = await call<ErrorBody>('1001', 'POST', '/api/tickets', {
      kind: 'complaint',
      category: 'move',
      phone: '13900001111',
      reason: 'x',
    });
    expect(wrongCategory.body.error.fields?.[0]?.path).toBe('category');
    const badDept = await call<ErrorBody>('1001', 'POST', `/api/tickets/${(await complaint()).id}/dispatch`, {
      departmentId: 99999,
    });
    expect(badDept.status).toBe(400);
    const after = await server()
      .db.selectFrom('tickets')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n) + 1);
  });

  it('keeps departments apart: another department gets 404 by id and never lists it (PLAT-3)', async () => {
    const t = await dispatchedToNetops();
    expect((await call('5002', 'GET', `/api/tickets/${t.id}`)).status).toBe(404);
    expect((await call('5201', 'GET', `/api/tickets/${t.id}`)).status).toBe(404);
    expect((await call('5002', 'POST', `/api/tickets/${t.id}/review`, { valid: true })).status).toBe(404);
    const list = (await ok(
      '5002',
      'GET',
      '/api/tickets?scope=all&pageSize=200',
    )) as unknown as Page<TicketDetail>;
    expect(list.items.some((x) => x.id === t.id)).toBe(false);
    expect((await call('5101', 'GET', `/api/tickets/${t.id}`)).status).toBe(200);
  });

  it('enforces roles and first-contact ownership (CPL-11)', async () => {
    const t = await complaint();
    expect(
      (
        await call('5101', 'POST', '/api/tickets', {
          kind: 'complaint',
          category: 'other',
          phone: '139',
          reason: 'x',
        })
      ).status,
    ).toBe(403);
    expect((await call('1002', 'POST', `/api/tickets/${t.id}/dispatch`, { departmentId: 1 })).status).toBe(
      403,
    );
    expect((await call('1001', 'GET', '/api/tickets?scope=all')).status).toBe(403);
    expect((await call('3101', 'GET', '/api/tickets?scope=mine')).status).toBe(403);
    expect((await call('1001', 'POST', `/api/tickets/${t.id}/finish`, { answer: 'x' })).status).toBe(409);
    expect(
      (
        await call('1001', 'PUT', '/api/tickets/workflows/1', {
          reviewDepartmentId: null,
          defaultDeadlineHours: 5,
        })
      ).status,
    ).toBe(403);
    const mine = (await ok('1002', 'GET', '/api/tickets?scope=mine')) as unknown as Page<TicketDetail>;
    expect(mine.items.some((x) => x.id === t.id)).toBe(false);
    const leadView = (await ok(
      '2001',
      'GET',
      '/api/tickets?scope=all&pageSize=200',
    )) as unknown as Page<TicketDetail>;
    expect(leadView.items.some((x) => x.id === t.id)).toBe(true);
  });

  it('keeps the history append-only: the database refuses UPDATE and DELETE (CPL-6)', async () => {
    const t = await complaint();
    await expect(
      sql`UPDATE ticket_events SET note = 'x' WHERE ticket_id = ${t.id}`.execute(server().db),
    ).rejects.toThrow(/append-only/);
    await expect(
      sql`DELETE FROM ticket_events WHERE ticket_id = ${t.id}`.execute(server().db),
    ).rejects.toThrow(/append-only/);
    // No route edits or deletes a ticket or its history: the only non-POST write is the workflow.
    const writes = server()
      .app.routeAccess.filter(
        (r) => r.url.startsWith('/api/tickets') && ['PUT', 'PATCH', 'DELETE'].includes(r.method),
      )
      .map((r) => `${r.method} ${r.url}`);
    expect(writes).toEqual(['PUT /api/tickets/workflows/:id']);
  });

  it('warns once per level when the deadline passes, and escalates to the leads (CPL-7)', async () => {
    const notices: { staffIds: number[]; level: unknown }[] = [];
    unsubscribe = onLiveNotice((n) => {
      if (n.topic === 'ticket_alert' && n.audience.kind === 'staff')
        notices.push({ staffIds: n.audience.staffIds, level: n.data?.level });
    });
    const t = await dispatchedToNetops();
    const deadline = new Date(server().clock.now().getTime() + HOUR).toISOString();
    const reviewed = await ok('5001', 'POST', `/api/tickets/${t.id}/review`, {
      valid: true,
      deadlineAt: deadline,
    });
    const at = (h: number) => new Date(new Date(deadline).getTime() + h * HOUR);
    const mineOnly = () => notices.filter((n) => n.staffIds.includes(reviewed.responsibleId ?? -1));

    await runDeadlineWatch(server().db, at(-0.5));
    expect(mineOnly()).toEqual([]);
    await runDeadlineWatch(server().db, at(0.5));
    await runDeadlineWatch(server().db, at(0.6));
    const supervisor = await idOf('staff', '5001');
    const teamLead = await idOf('staff', '2001');
    const level1 = notices.filter((n) => n.level === 1 && n.staffIds.includes(reviewed.responsibleId ?? -1));
    expect(level1).toHaveLength(1);
    expect(level1[0]?.staffIds).toContain(supervisor);
    expect(level1[0]?.staffIds).not.toContain(teamLead);
    await runDeadlineWatch(server().db, at(2.5));
    const level2 = notices.filter((n) => n.level === 2 && n.staffIds.includes(reviewed.responsibleId ?? -1));
    expect(level2).toHaveLength(1);
    expect(level2[0]?.staffIds).toContain(teamLead);
    const alerts = await server()
      .db.selectFrom('ticket_alerts')
      .select('level')
      .where('ticket_id', '=', t.id)
      .orderBy('level')
      .execute();
    expect(alerts.map((a) => a.level)).toEqual([1, 2]);
    const detail = await ok('1001', 'GET', `/api/tickets/${t.id}`);
    expect(detail.events.filter((e) => e.action === 'alert')).toHaveLength(2);
  });

  it('lists a customer’s earlier tickets newest first and finds them by text (CPL-2)', async () => {
    const a = await complaint({ phone: '13955550000', customerId: 1 });
    server().clock.advance(60_000);
    const b = await complaint({ phone: '13955550000', customerId: 1 });
    const res = await ok('1001', 'GET', '/api/tickets/customer/1');
    const ids = (res as unknown as { items: { id: number }[] }).items.map((x) => x.id);
    expect(ids.indexOf(b.id)).toBeLessThan(ids.indexOf(a.id));
  });

  it('summarizes by period and exports the feedback log as audited CSV (CPL-9)', async () => {
    await complaint();
    const summary = (await ok('2001', 'GET', '/api/tickets/reports/summary')) as unknown as {
      total: number;
      byCategory: { key: string }[];
    };
    expect(summary.total).toBeGreaterThan(0);
    expect(summary.byCategory.map((c) => c.key)).toContain('equipment');
    const date = server().clock.now().toISOString().slice(0, 10);
    const log = (await ok(
      '2001',
      'GET',
      `/api/tickets/reports/feedback-log?period=week&date=${date}`,
    )) as unknown as { items: unknown[] };
    expect(log.items.length).toBeGreaterThan(0);
    const csv = await call<string>(
      '2001',
      'GET',
      `/api/tickets/reports/feedback-log/export?period=month&date=${date}`,
    );
    expect(csv.headers.get('content-type')).toContain('text/csv');
    expect(csv.text).toContain('光猫反复掉线');
    const audit = await server()
      .db.selectFrom('audit_events')
      .select('action')
      .where('action', '=', 'ticket.export')
      .execute();
    expect(audit.length).toBe(1);
    expect((await call('1001', 'GET', '/api/tickets/reports/summary')).status).toBe(403);
    expect((await call('2001', 'GET', '/api/tickets/reports/feedback-log?period=year&date=x')).status).toBe(
      400,
    );
  });

  it('lets the admin change a workflow, audited (CPL-3)', async () => {
    const list = (await ok('1001', 'GET', '/api/tickets/workflows')) as unknown as {
      items: { id: number; kind: string; category: string }[];
    };
    const wf = list.items.find((w) => w.kind === 'complaint' && w.category === 'equipment');
    const updated = await ok('admin', 'PUT', `/api/tickets/workflows/${wf?.id}`, {
      reviewDepartmentId: await idOf('departments', 'BILLING'),
      defaultDeadlineHours: 12,
    });
    expect(updated).toMatchObject({ defaultDeadlineHours: 12 });
    expect(
      (
        await call('admin', 'PUT', `/api/tickets/workflows/${wf?.id}`, {
          reviewDepartmentId: 99999,
          defaultDeadlineHours: 12,
        })
      ).status,
    ).toBe(400);
    expect(
      (
        await call('admin', 'PUT', `/api/tickets/workflows/${wf?.id}`, {
          reviewDepartmentId: null,
          defaultDeadlineHours: 0,
        })
      ).status,
    ).toBe(400);
    const t = await dispatchedToNetops();
    expect(new Date(t.createdAt).getTime()).toBeLessThanOrEqual(server().clock.now().getTime());
    const after = await ok('1001', 'GET', `/api/tickets/${t.id}`);
    expect(new Date(after.deadlineAt ?? 0).getTime() - server().clock.now().getTime()).toBe(12 * HOUR);
  });
  it('sends the answer by SMS once when the customer prefers SMS, and writes the timeline (CPL-8, CRM-2)', async () => {
    const customer = await call<{ id: number }>('1001', 'POST', '/api/customers', {
      name: '短信客户',
      phones: ['13977770000'],
      preferredChannel: 'sms',
    });
    expect(customer.status, customer.text).toBe(201);
    const t = await complaint({ phone: '13977770000' });
    expect(t.customerId).toBe(customer.body.id); // found by phone
    await ok('1001', 'POST', `/api/tickets/${t.id}/dispatch`, {
      departmentId: await idOf('departments', 'NETOPS'),
    });
    await ok('5001', 'POST', `/api/tickets/${t.id}/review`, { valid: true });
    const done = await ok('5001', 'POST', `/api/tickets/${t.id}/finish`, { answer: '已修复线路' });
    expect(done.events.map((e) => e.action)).toContain('feedback_sent');
    const sms = await server()
      .db.selectFrom('outbox_messages')
      .select(['channel', 'to_address', 'body', 'idempotency_key'])
      .where('source', '=', `ticket:${t.id}`)
      .execute();
    expect(sms).toEqual([
      expect.objectContaining({
        channel: 'sms',
        to_address: '13977770000',
        idempotency_key: `ticket:${t.id}:feedback:1`,
      }),
    ]);
    expect(sms[0]?.body).toContain('已修复线路');
    const timeline = await server()
      .db.selectFrom('customer_timeline')
      .select('kind')
      .where('customer_id', '=', customer.body.id)
      .where('kind', '=', 'ticket')
      .execute();
    expect(timeline.length).toBeGreaterThanOrEqual(1);
  });
});
