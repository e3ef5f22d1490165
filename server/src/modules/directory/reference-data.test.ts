import type { Area, Department, Extension, SkillGroup } from '@switchboard/shared';
import { expect, it } from 'vitest';
import { describeOnEachDialect, type ErrorBody, type Page } from '../../testing/test-app.ts';

describeOnEachDialect('skill groups, departments, areas and extensions', (server) => {
  it('lists the demo skill groups with their access codes and the 综合 flag', async () => {
    const s = server();
    const res = await s.request<Page<SkillGroup>>('GET', '/api/skill-groups', {
      cookie: await s.login('1001'),
    });
    const byName = new Map(res.body.items.map((g) => [g.name, g]));
    expect([...byName.keys()].sort()).toEqual(['投诉', '故障报修', '综合', '话费查询'].sort());
    expect(byName.get('综合')).toMatchObject({ isComprehensive: true, accessCodes: ['1000', '114'] });
    expect(byName.get('故障报修')?.accessCodes).toEqual(['112']);
  });

  it('finds a skill group by access code and replaces its codes on update', async () => {
    const s = server();
    const cookie = await s.login('admin');
    const found = await s.request<Page<SkillGroup>>('GET', '/api/skill-groups?q=10000', { cookie });
    expect(found.body.items.map((g) => g.code)).toEqual(['BILL']);
    const id = found.body.items[0]?.id;
    const updated = await s.request<SkillGroup>('PATCH', `/api/skill-groups/${id}`, {
      cookie,
      body: { accessCodes: ['10000', '10086'] },
    });
    expect(updated.body.accessCodes).toEqual(['10000', '10086']);
    const bad = await s.request<ErrorBody>('PATCH', `/api/skill-groups/${id}`, {
      cookie,
      body: { accessCodes: ['12a'] },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.fields?.[0]).toEqual({ path: 'accessCodes.0', message: '接入号须为 3–20 位数字' });
  });

  it('creates, renames and deletes an area; refuses to delete one still in use', async () => {
    const s = server();
    const cookie = await s.login('admin');
    const created = await s.request<Area>('POST', '/api/areas', {
      cookie,
      body: { code: 'NORTH', name: '北区' },
    });
    expect(created.status).toBe(201);
    const renamed = await s.request<Area>('PATCH', `/api/areas/${created.body.id}`, {
      cookie,
      body: { name: '北部片区' },
    });
    expect(renamed.body.name).toBe('北部片区');
    expect((await s.request('DELETE', `/api/areas/${created.body.id}`, { cookie })).status).toBe(204);
    expect((await s.request('GET', `/api/areas/${created.body.id}`, { cookie })).status).toBe(404);
    const east = await s.request<Page<Area>>('GET', '/api/areas?q=EAST', { cookie });
    const inUse = await s.request<ErrorBody>('DELETE', `/api/areas/${east.body.items[0]?.id}`, { cookie });
    expect(inUse.status).toBe(409);
    expect(inUse.body.error.code).toBe('AREA_IN_USE');
  });

  it('shows departments with their supervisor', async () => {
    const s = server();
    const res = await s.request<Page<Department>>('GET', '/api/departments?q=NETOPS', {
      cookie: await s.login('1001'),
    });
    expect(res.body.items[0]).toMatchObject({ name: '网络维护部', supervisorName: '袁建国', staffCount: 3 });
  });

  it('lets a team lead maintain the extension table (SUP-9) and shows who sits where', async () => {
    const s = server();
    const cookie = await s.login('2001');
    const free = await s.request<Page<Extension>>('GET', '/api/extensions?free=true', { cookie });
    expect(free.body.items.map((e) => e.number)).toEqual(['8021', '8022', '8023', '8024']);
    const taken = await s.request<Page<Extension>>('GET', '/api/extensions?q=8001', { cookie });
    expect(taken.body.items[0]).toMatchObject({ staffEmployeeNo: '1001', staffName: '王芳' });
    const created = await s.request<Extension>('POST', '/api/extensions', {
      cookie,
      body: { number: '8030', remark: '培训室' },
    });
    expect(created.status).toBe(201);
    const dup = await s.request<ErrorBody>('POST', '/api/extensions', { cookie, body: { number: '8030' } });
    expect(dup.status).toBe(409);
    expect(dup.body.error.fields?.[0]?.path).toBe('number');
    const inUse = await s.request<ErrorBody>('DELETE', `/api/extensions/${taken.body.items[0]?.id}`, {
      cookie,
    });
    expect(inUse.body.error.code).toBe('EXTENSION_IN_USE');
  });
});
