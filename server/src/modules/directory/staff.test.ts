import type { Staff } from '@switchboard/shared';
import { expect, it } from 'vitest';
import { describeOnEachDialect, type ErrorBody, type Page } from '../../testing/test-app.ts';

describeOnEachDialect('staff administration (PLAT-3 directory)', (server) => {
  let counter = 0;
  const newEmployeeNo = () => `T${Date.now() % 100000}${counter++}`;
  const admin = () => server().login('admin');
  const idOf = async (table: 'departments' | 'skill_groups' | 'areas', code: string) =>
    (await server().db.selectFrom(table).select('id').where('code', '=', code).executeTakeFirstOrThrow()).id;
  const staffCount = async () =>
    Number(
      (
        await server()
          .db.selectFrom('staff')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates a staff member with roles, skills with levels and an extension, and audits it', async () => {
    const s = server();
    const cookie = await admin();
    const spare = await s.db
      .selectFrom('extensions')
      .select('id')
      .where('number', '=', '8021')
      .executeTakeFirstOrThrow();
    const employeeNo = newEmployeeNo();
    const res = await s.request<Staff>('POST', '/api/staff', {
      cookie,
      body: {
        employeeNo,
        name: '新员工',
        gender: 'female',
        phone: '13912345678',
        departmentId: await idOf('departments', 'CC'),
        areaId: await idOf('areas', 'WEST'),
        extensionId: spare.id,
        roles: ['agent'],
        skills: [{ skillGroupId: await idOf('skill_groups', 'FAULT'), level: 4 }],
        password: 'Initial-2026',
      },
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      employeeNo,
      name: '新员工',
      departmentName: '客服中心',
      areaName: '西区',
      extension: '8021',
      roles: ['agent'],
      skills: [{ name: '故障报修', level: 4 }],
      mustChangePassword: true,
      active: true,
    });
    const audit = await s.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'staff.create')
      .execute();
    expect(audit.at(-1)).toMatchObject({ object_id: String(res.body.id), actor_employee_no: 'admin' });
    expect(JSON.stringify(audit.at(-1)?.detail)).not.toContain('Initial-2026');
  });

  it('searches by name, employee ID, extension and filters by skill group, with paging', async () => {
    const s = server();
    const cookie = await admin();
    const byName = await s.request<Page<Staff>>('GET', `/api/staff?q=${encodeURIComponent('王芳')}`, {
      cookie,
    });
    expect(byName.body.items.map((p) => p.employeeNo)).toEqual(['1001']);
    const byExtension = await s.request<Page<Staff>>('GET', '/api/staff?q=8005', { cookie });
    expect(byExtension.body.items.map((p) => p.employeeNo)).toEqual(['1005']);
    const agents = await s.request<Page<Staff>>('GET', '/api/staff?role=agent&pageSize=5&page=2', { cookie });
    expect(agents.body.items).toHaveLength(5);
    expect(agents.body.total).toBeGreaterThanOrEqual(20);
    expect(agents.body.items[0]?.employeeNo).toBe('1006');
    const fault = await s.request<Page<Staff>>(
      'GET',
      `/api/staff?pageSize=100&skillGroupId=${await idOf('skill_groups', 'FAULT')}`,
      { cookie },
    );
    expect(fault.body.items.length).toBeGreaterThan(3);
    expect(fault.body.items.every((p) => p.skills.some((k) => k.code === 'FAULT'))).toBe(true);
  });

  it('treats % and _ in a search as plain characters', async () => {
    const s = server();
    const res = await s.request<Page<Staff>>('GET', `/api/staff?q=${encodeURIComponent('%')}`, {
      cookie: await admin(),
    });
    expect(res.body.total).toBe(0);
  });

  it('refuses a duplicate employee ID (any letter case) with 409 on that field and writes nothing', async () => {
    const s = server();
    const cookie = await admin();
    const before = await staffCount();
    const res = await s.request<ErrorBody>('POST', '/api/staff', {
      cookie,
      body: { employeeNo: 'ADMIN', name: '重复', roles: ['agent'], password: 'Whatever-1' },
      headers: { 'accept-language': 'en' },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.fields).toEqual([{ path: 'employeeNo', message: 'is already taken' }]);
    expect(await staffCount()).toBe(before);
  });

  it('rolls back the whole creation when a later step fails (extension already taken)', async () => {
    const s = server();
    const cookie = await admin();
    const taken = await s.db
      .selectFrom('extensions')
      .select('id')
      .where('number', '=', '8001')
      .executeTakeFirstOrThrow();
    const before = await staffCount();
    const employeeNo = newEmployeeNo();
    const res = await s.request<ErrorBody>('POST', '/api/staff', {
      cookie,
      body: {
        employeeNo,
        name: '半途',
        roles: ['agent', 'qa'],
        extensionId: taken.id,
        password: 'Whatever-1',
      },
    });
    expect(res.status).toBe(409);
    expect(res.body.error.fields?.[0]?.path).toBe('extensionId');
    expect(await staffCount()).toBe(before);
    const roles = await s.db
      .selectFrom('staff_roles')
      .innerJoin('staff', 'staff.id', 'staff_roles.staff_id')
      .where('staff.employee_no', '=', employeeNo)
      .execute();
    expect(roles).toHaveLength(0);
  });

  it('names the field whose reference does not exist', async () => {
    const s = server();
    const res = await s.request<ErrorBody>('POST', '/api/staff', {
      cookie: await admin(),
      body: {
        employeeNo: newEmployeeNo(),
        name: 'x',
        roles: ['agent'],
        departmentId: 99999,
        skills: [{ skillGroupId: 88888, level: 1 }],
        password: 'Whatever-1',
      },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields?.map((f) => f.path)).toEqual(['departmentId', 'skills.0.skillGroupId']);
  });

  it('updates roles and skills, and deactivation signs the person out and blocks login', async () => {
    const s = server();
    const cookie = await admin();
    const agentCookie = await s.login('1012');
    const id = (
      await s.db.selectFrom('staff').select('id').where('employee_no', '=', '1012').executeTakeFirstOrThrow()
    ).id;
    const updated = await s.request<Staff>('PATCH', `/api/staff/${id}`, {
      cookie,
      body: {
        roles: ['agent', 'qa'],
        skills: [{ skillGroupId: await idOf('skill_groups', 'GENERAL'), level: 5 }],
      },
    });
    expect(updated.status).toBe(200);
    expect(updated.body.roles).toEqual(['agent', 'qa']);
    expect(updated.body.skills).toEqual([expect.objectContaining({ code: 'GENERAL', level: 5 })]);
    expect((await s.request('DELETE', `/api/staff/${id}`, { cookie })).status).toBe(204);
    expect((await s.request('GET', '/api/auth/me', { cookie: agentCookie })).status).toBe(401);
    await expect(s.login('1012')).rejects.toThrow(/401/);
    const got = await s.request<Staff>('GET', `/api/staff/${id}`, { cookie });
    expect(got.body.active).toBe(false);
  });

  it('stops an admin from deactivating themself', async () => {
    const s = server();
    const cookie = await admin();
    const id = (
      await s.db.selectFrom('staff').select('id').where('employee_no', '=', 'admin').executeTakeFirstOrThrow()
    ).id;
    const res = await s.request<ErrorBody>('DELETE', `/api/staff/${id}`, { cookie });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('CANNOT_DEACTIVATE_SELF');
  });

  it('resets a password to a one-time temporary one that must be changed', async () => {
    const s = server();
    const cookie = await admin();
    const old = await s.login('1013');
    const id = (
      await s.db.selectFrom('staff').select('id').where('employee_no', '=', '1013').executeTakeFirstOrThrow()
    ).id;
    const res = await s.request<{ temporaryPassword: string }>('POST', `/api/staff/${id}/password-reset`, {
      cookie,
    });
    expect(res.status).toBe(200);
    expect(res.body.temporaryPassword).toMatch(/^[A-Za-z0-9]{12}$/);
    expect((await s.request('GET', '/api/auth/me', { cookie: old })).status).toBe(401);
    const fresh = await s.login('1013', res.body.temporaryPassword);
    const me = await s.request<{ user: { mustChangePassword: boolean } }>('GET', '/api/auth/me', {
      cookie: fresh,
    });
    expect(me.body.user.mustChangePassword).toBe(true);
    const audit = await s.db
      .selectFrom('audit_events')
      .select('action')
      .where('object_id', '=', String(id))
      .execute();
    expect(audit.map((a) => a.action)).toContain('staff.password_reset');
  });

  it('exports staff as CSV with Chinese intact, and writes an audit row for the export (PLAT-6)', async () => {
    const s = server();
    const res = await s.request('GET', '/api/staff/export?role=team_lead', { cookie: await admin() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toContain('text/csv');
    const lines = res.text
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toContain('employee_no');
    expect(lines.slice(1).map((l) => l.split(',')[0])).toEqual(['2001', '2002']);
    expect(res.text).toContain('郑晓梅');
    const audit = await s.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'staff.export')
      .execute();
    expect(audit.at(-1)?.detail).toMatchObject({ rows: 2 });
  });
});
