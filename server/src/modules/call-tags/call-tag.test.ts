import type { CallTagOfCall, CallTagTree } from '@switchboard/shared';
import { expect, it } from 'vitest';
import { describeOnEachDialect, type ErrorBody } from '../../testing/test-app.ts';
import { insertFinishedCall } from './call-tag.fixtures.ts';

const MIN = 60_000;

describeOnEachDialect('call purpose tags (CTI-19)', (server) => {
  const staffId = (employeeNo: string) => server().staffId(employeeNo);
  const typeId = async (code: string) =>
    (
      await server()
        .db.selectFrom('call_tag_types')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;
  const auditCount = async () =>
    Number(
      (
        await server()
          .db.selectFrom('audit_events')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const as = async (employeeNo: string) => server().login(employeeNo);
  const callOf = async (employeeNo: string, minutesAgo = 2) =>
    insertFinishedCall(server().db, {
      agentId: await staffId(employeeNo),
      startedAt: new Date(server().clock.now().getTime() - minutesAgo * MIN),
    });
  const tag = async (employeeNo: string, callId: string, body: Record<string, unknown>) =>
    server().request<CallTagOfCall & ErrorBody>('PUT', `/api/call-tags/calls/${callId}`, {
      cookie: await as(employeeNo),
      body,
    });

  it('shows every signed-in person the seeded tree in order, without deactivated types', async () => {
    const res = await server().request<CallTagTree>('GET', '/api/call-tags/tree', {
      cookie: await as('1001'),
    });
    expect(res.status).toBe(200);
    expect(res.body.items.map((p) => p.name)).toEqual(['咨询', '报修', '订购', '投诉', '在线排障', '其他']);
    expect(res.body.items[1]?.children.map((c) => c.name)).toEqual(['已派工单', '未派工单', '重复报修']);
    const all = await server().request('GET', '/api/call-tags/tree?all=true', { cookie: await as('1001') });
    expect(all.status).toBe(403);
  });

  it('lets the administrator add, rename, reorder and deactivate types, each audited', async () => {
    const admin = await as('admin');
    const before = await auditCount();
    const parentId = await typeId('CONSULT');
    const created = await server().request<CallTagTree>('POST', '/api/call-tags/types', {
      cookie: admin,
      body: { parentId, code: 'CONSULT_ROAMING', name: '漫游咨询' },
    });
    expect(created.status, created.text).toBe(201);
    const id = await typeId('CONSULT_ROAMING');
    const consult = () => created.body.items.find((p) => p.id === parentId)?.children.map((c) => c.name);
    expect(consult()).toEqual(['话费查询', '业务咨询', '资费政策', '漫游咨询']);

    const renamed = await server().request<CallTagTree>('PATCH', `/api/call-tags/types/${id}`, {
      cookie: admin,
      body: { name: '国际漫游' },
    });
    expect(renamed.status).toBe(200);
    const moved = await server().request<CallTagTree>('POST', `/api/call-tags/types/${id}/move`, {
      cookie: admin,
      body: { direction: 'up' },
    });
    expect(moved.body.items.find((p) => p.id === parentId)?.children.map((c) => c.name)).toEqual([
      '话费查询',
      '业务咨询',
      '国际漫游',
      '资费政策',
    ]);
    await server().request('PATCH', `/api/call-tags/types/${id}`, { cookie: admin, body: { active: false } });
    const agentView = await server().request<CallTagTree>('GET', '/api/call-tags/tree', {
      cookie: await as('1001'),
    });
    expect(agentView.body.items.find((p) => p.id === parentId)?.children.map((c) => c.name)).not.toContain(
      '国际漫游',
    );
    expect(await auditCount()).toBe(before + 4);
  });

  it('rejects a duplicate code, bad input and non-admin writers, in the caller’s language', async () => {
    const admin = await as('admin');
    const dup = await server().request<ErrorBody>('POST', '/api/call-tags/types', {
      cookie: admin,
      body: { parentId: null, code: 'repair', name: '重复' },
      headers: { 'Accept-Language': 'en' },
    });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields?.[0]).toEqual({ path: 'code', message: 'this code is already used' });
    const bad = await server().request<ErrorBody>('POST', '/api/call-tags/types', {
      cookie: admin,
      body: { parentId: await typeId('REPAIR_DISPATCHED'), code: 'X1', name: '三级' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]).toEqual({ path: 'parentId', message: '只能在一级话务目的下添加子类' });
    const junk = await server().request('POST', '/api/call-tags/types', {
      cookie: admin,
      body: { code: 'has space', name: '', extra: 1 },
    });
    expect(junk.status).toBe(400);
    const agent = await server().request('POST', '/api/call-tags/types', {
      cookie: await as('2001'),
      body: { parentId: null, code: 'NEW', name: '新' },
    });
    expect(agent.status).toBe(403);
  });

  it('never hard-deletes a type a call uses: 409, and deactivating it keeps the call’s tag', async () => {
    const admin = await as('admin');
    const create = await server().request('POST', '/api/call-tags/types', {
      cookie: admin,
      body: { parentId: await typeId('OTHER'), code: 'OTHER_WRONG', name: '打错电话' },
    });
    expect(create.status).toBe(201);
    const id = await typeId('OTHER_WRONG');
    const callId = await callOf('1001');
    const tagged = await tag('1001', callId, { purposeId: await typeId('OTHER'), subtypeId: id });
    expect(tagged.status, tagged.text).toBe(200);

    const del = await server().request<ErrorBody>('DELETE', `/api/call-tags/types/${id}`, { cookie: admin });
    expect(del.status).toBe(409);
    expect(del.body.error.code).toBe('CALL_TAG_TYPE_IN_USE');
    await server().request('PATCH', `/api/call-tags/types/${id}`, { cookie: admin, body: { active: false } });
    const read = await server().request<CallTagOfCall>('GET', `/api/call-tags/calls/${callId}`, {
      cookie: await as('1001'),
    });
    expect(read.body.tag?.subtypeName).toBe('打错电话');

    await server().request('POST', '/api/call-tags/types', {
      cookie: admin,
      body: { parentId: null, code: 'UNUSED', name: '未用' },
    });
    const gone = await server().request('DELETE', `/api/call-tags/types/${await typeId('UNUSED')}`, {
      cookie: admin,
    });
    expect(gone.status).toBe(204);
  });

  it('lets only the handling agent tag, until wrap-up plus the grace period; then only a team lead', async () => {
    const callId = await callOf('1001');
    const body = {
      purposeId: await typeId('CONSULT'),
      subtypeId: await typeId('CONSULT_BILL'),
      note: '查询上月话费',
    };
    expect((await tag('1002', callId, body)).status).toBe(404);
    const mine = await tag('1001', callId, body);
    expect(mine.status).toBe(200);
    expect(mine.body).toMatchObject({
      editable: true,
      tag: { purposeName: '咨询', subtypeName: '话费查询' },
    });

    const noSub = await tag('1001', callId, { purposeId: await typeId('REPAIR') });
    expect(noSub.status).toBe(400);
    expect(noSub.body.error.fields?.[0]?.path).toBe('subtypeId');
    const wrongSub = await tag('1001', callId, {
      purposeId: await typeId('REPAIR'),
      subtypeId: body.subtypeId,
    });
    expect(wrongSub.body.error.fields?.[0]?.path).toBe('subtypeId');

    server().clock.advance(11 * MIN); // the default grace is 10 minutes after the call ended
    const late = await tag('1001', callId, { ...body, subtypeId: await typeId('CONSULT_SERVICE') });
    expect(late.status).toBe(409);
    expect(late.body.error.code).toBe('CALL_TAG_LOCKED');
    const before = await auditCount();
    const lead = await tag('2001', callId, { ...body, subtypeId: await typeId('CONSULT_SERVICE') });
    expect(lead.status).toBe(200);
    expect(lead.body.tag?.subtypeName).toBe('业务咨询');
    expect(await auditCount()).toBe(before + 1);

    // The call history shows the tag to the agent who handled it, not to another agent.
    const mineList = await server().request<{ items: unknown[] }>(
      'GET',
      `/api/call-tags/calls?callIds=${callId}`,
      {
        cookie: await as('1001'),
      },
    );
    expect(mineList.body.items).toHaveLength(1);
    const other = await server().request<{ items: unknown[] }>(
      'GET',
      `/api/call-tags/calls?callIds=${callId}`,
      {
        cookie: await as('1002'),
      },
    );
    expect(other.body.items).toHaveLength(0);
  });

  it('documents its routes in the OpenAPI document', async () => {
    const res = await server().request<{ paths: Record<string, unknown> }>('GET', '/docs/json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining([
        '/api/call-tags/tree',
        '/api/call-tags/calls',
        '/api/call-tags/calls/{callId}',
        '/api/fault-alarms/active',
      ]),
    );
  });
});
