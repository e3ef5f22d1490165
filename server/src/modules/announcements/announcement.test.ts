import type { Announcement, MyAnnouncements } from '@switchboard/shared';
import { afterEach, expect, it } from 'vitest';
import { describeOnEachDialect, type ErrorBody } from '../../testing/test-app.ts';
import { type AnnouncementPublished, onAnnouncementPublished } from './announcement.events.ts';

const HOUR = 3_600_000;

describeOnEachDialect('announcements (MSG-1)', (server) => {
  let unsubscribe: (() => void) | undefined;
  afterEach(() => unsubscribe?.());

  const skillGroupId = async (code: string) =>
    (
      await server()
        .db.selectFrom('skill_groups')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
  const staffId = (employeeNo: string) => server().staffId(employeeNo);
  const count = async (table: 'announcements' | 'audit_events') =>
    Number(
      (
        await server()
          .db.selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const now = () => server().clock.now();
  const inHours = (h: number) => new Date(now().getTime() + h * HOUR).toISOString();

  const publish = async (body: Record<string, unknown>) => {
    const res = await server().request<Announcement>('POST', '/api/announcements', {
      cookie: await server().login('admin'),
      body: { body: '正文', validFrom: inHours(-1), ...body },
    });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const mineOf = async (employeeNo: string) => {
    const res = await server().request<MyAnnouncements>('GET', '/api/announcements/mine', {
      cookie: await server().login(employeeNo),
    });
    expect(res.status).toBe(200);
    return res.body.items;
  };
  const titlesOf = async (employeeNo: string) => (await mineOf(employeeNo)).map((a) => a.title);

  it('publishes to a skill group: its agents see it, others do not, and the change is audited', async () => {
    const events: AnnouncementPublished[] = [];
    unsubscribe = onAnnouncementPublished((e) => events.push(e));
    const auditBefore = await count('audit_events');
    const bill = await publish({
      title: '话费查询组：新套餐口径',
      audience: 'skill_groups',
      targetIds: [await skillGroupId('BILL')],
    });
    const fault = await publish({
      title: '故障报修组：光猫更换流程',
      audience: 'skill_groups',
      targetIds: [await skillGroupId('FAULT')],
    });
    expect(bill).toMatchObject({
      status: 'active',
      audience: 'skill_groups',
      targets: [{ label: '话费查询' }],
    });

    // 1001 is in 话费查询 (BILL); 1002 only in 故障报修 (FAULT).
    expect(await titlesOf('1001')).toContain(bill.title);
    expect(await titlesOf('1001')).not.toContain(fault.title);
    expect(await titlesOf('1002')).toContain(fault.title);
    expect(await titlesOf('1002')).not.toContain(bill.title);

    expect(await count('audit_events')).toBe(auditBefore + 2);
    const audit = await server()
      .db.selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'announcement.change')
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    expect(audit).toMatchObject({
      object_type: 'announcement',
      object_id: String(fault.id),
      actor_employee_no: 'admin',
    });
    expect(events.map((e) => [e.change, e.id])).toEqual([
      ['created', bill.id],
      ['created', fault.id],
    ]);
  });

  it('addresses by employee ID and by area', async () => {
    const personal = await publish({
      title: '致 1005 的个人通知',
      audience: 'staff',
      targetIds: [await staffId('1005')],
    });
    const west = await server()
      .db.selectFrom('areas')
      .select('id')
      .where('code', '=', 'WEST')
      .executeTakeFirstOrThrow();
    const area = await publish({ title: '西区停车场维修', audience: 'areas', targetIds: [west.id] });
    expect(await titlesOf('1005')).toEqual(expect.arrayContaining([personal.title, area.title])); // 1005: WEST
    expect(await titlesOf('1001')).not.toContain(personal.title); // 1001: EAST
    expect(await titlesOf('1001')).not.toContain(area.title);
  });

  it('lists urgent ones first, then the newest, and hides them once expired or not yet valid', async () => {
    const older = await publish({ title: '全体：旧通知', audience: 'all', validFrom: inHours(-3) });
    const newer = await publish({
      title: '全体：新通知',
      audience: 'all',
      validFrom: inHours(-2),
      validTo: inHours(1),
    });
    const urgent = await publish({
      title: '紧急：系统割接',
      audience: 'all',
      urgent: true,
      validFrom: inHours(-4),
    });
    const later = await publish({ title: '明天的通知', audience: 'all', validFrom: inHours(20) });

    const titles = await titlesOf('1003');
    expect(titles.indexOf(urgent.title)).toBe(0);
    expect(titles.indexOf(newer.title)).toBeLessThan(titles.indexOf(older.title));
    expect(titles).not.toContain(later.title);

    server().clock.advance(2 * HOUR); // `newer` ends after one hour
    try {
      expect(await titlesOf('1003')).not.toContain(newer.title);
      expect(await titlesOf('1003')).toContain(older.title);
    } finally {
      server().clock.advance(-2 * HOUR);
    }
  });

  it('marks one as read for the reader only, and answers 404 for one not addressed to them', async () => {
    const fault = await publish({
      title: '仅故障组可见',
      audience: 'skill_groups',
      targetIds: [await skillGroupId('FAULT')],
    });
    const cookie1002 = await server().login('1002');
    const read = await server().request('POST', `/api/announcements/${fault.id}/read`, {
      cookie: cookie1002,
    });
    expect(read.status).toBe(204);
    expect((await mineOf('1002')).find((a) => a.id === fault.id)?.read).toBe(true);

    const other = await server().request<ErrorBody>('POST', `/api/announcements/${fault.id}/read`, {
      cookie: await server().login('1001'),
    });
    expect(other.status).toBe(404);
  });

  it('edits and soft-deletes: a deleted announcement disappears for everyone and for the back office', async () => {
    const cookie = await server().login('admin');
    const a = await publish({ title: '将被修改', audience: 'all' });
    const edited = await server().request<Announcement>('PATCH', `/api/announcements/${a.id}`, {
      cookie,
      body: { title: '已修改', urgent: true },
    });
    expect(edited.status).toBe(200);
    expect(edited.body).toMatchObject({ title: '已修改', urgent: true, body: '正文' });
    expect((await mineOf('1010'))[0]?.title).toBe('已修改');

    expect((await server().request('DELETE', `/api/announcements/${a.id}`, { cookie })).status).toBe(204);
    expect(await titlesOf('1010')).not.toContain('已修改');
    expect((await server().request('GET', `/api/announcements/${a.id}`, { cookie })).status).toBe(404);
    expect((await server().request('DELETE', `/api/announcements/${a.id}`, { cookie })).status).toBe(404);
    const row = await server()
      .db.selectFrom('announcements')
      .select('deleted_at')
      .where('id', '=', a.id)
      .executeTakeFirstOrThrow();
    expect(row.deleted_at).not.toBeNull();
  });

  it('searches the back-office list by title and pages it', async () => {
    const cookie = await server().login('admin');
    await publish({ title: '独一无二的检索词 Zebra', audience: 'all' });
    const res = await server().request<{ items: Announcement[]; total: number }>(
      'GET',
      `/api/announcements?q=${encodeURIComponent('Zebra')}&pageSize=5`,
      { cookie },
    );
    expect(res.status).toBe(200);
    expect(res.body.items.map((a) => a.title)).toEqual(['独一无二的检索词 Zebra']);
    expect(res.body.total).toBe(1);
  });

  it('rejects bad input with bilingual field errors and writes nothing', async () => {
    const cookie = await server().login('admin');
    const before = { announcements: await count('announcements'), audit: await count('audit_events') };
    const valid = { title: '标题', body: '正文', validFrom: inHours(0), audience: 'all' };
    const cases: [Record<string, unknown>, string][] = [
      [{ ...valid, colour: 'red' }, 'colour'],
      [{ ...valid, title: 'x'.repeat(101) }, 'title'],
      [{ ...valid, validTo: inHours(-1) }, 'validTo'],
      [{ ...valid, audience: 'skill_groups', targetIds: [] }, 'targetIds'],
      [{ ...valid, audience: 'skill_groups', targetIds: [999_999] }, 'targetIds.0'],
    ];
    for (const [body, field] of cases) {
      const zh = await server().request<ErrorBody>('POST', '/api/announcements', { cookie, body });
      expect(zh.status, field).toBe(400);
      expect(zh.body.error.code).toBe('VALIDATION_FAILED');
      expect(zh.body.error.fields?.map((f) => f.path)).toContain(field);
      const en = await server().request<ErrorBody>('POST', '/api/announcements', {
        cookie,
        body,
        headers: { 'accept-language': 'en-US' },
      });
      const zhMessage = zh.body.error.fields?.find((f) => f.path === field)?.message;
      const enMessage = en.body.error.fields?.find((f) => f.path === field)?.message;
      expect(zhMessage).toMatch(/[\u4e00-\u9fff]/);
      expect(enMessage).toMatch(/^[\x20-\x7e–]+$/);
    }
    expect(await count('announcements')).toBe(before.announcements);
    expect(await count('audit_events')).toBe(before.audit);
  });

  it('refuses an agent who tries to publish, with 403, and writes nothing', async () => {
    const before = await count('announcements');
    const res = await server().request<ErrorBody>('POST', '/api/announcements', {
      cookie: await server().login('1001'),
      body: { title: '越权', body: '正文', validFrom: inHours(0), audience: 'all' },
    });
    expect(res.status).toBe(403);
    expect(await count('announcements')).toBe(before);
  });
});
