import { ROLES, type Role } from '@switchboard/shared';
import { describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, PEOPLE } from '../seed/demo-data.ts';
import { describeOnEachDialect } from '../testing/test-app.ts';

// PLAT-3: every API route is checked. For each route this suite signs in as a demo person
// holding none of the allowed roles and expects 403; authenticated routes refuse the anonymous.
const personWithOnly = (role: Role) => {
  const person = PEOPLE.find((p) => p.roles.length === 1 && p.roles[0] === role);
  if (!person) throw new Error(`no demo person with only role ${role}`);
  return person.employeeNo;
};

const bodyFor = (method: string) => (method === 'GET' || method === 'DELETE' ? undefined : {});

describeOnEachDialect(
  'authorization on every route (PLAT-3)',
  (server) => {
    it('declares an access rule on every API route', () => {
      const routes = server().app.routeAccess;
      expect(routes.length).toBeGreaterThan(50);
      for (const r of routes) expect(r.access, `${r.method} ${r.url}`).toBeDefined();
    });

    it('refuses anonymous callers on every non-public route with 401', async () => {
      const s = server();
      const closed = s.app.routeAccess.filter((r) => r.access !== 'public');
      const statuses = await Promise.all(
        closed.map(async (route) => {
          const res = await s.request(route.method, route.url.replace(':id', '1'), {
            body: bodyFor(route.method),
          });
          return [`${route.method} ${route.url}`, res.status] as const;
        }),
      );
      for (const [route, status] of statuses) expect(status, route).toBe(401);
    }, 120_000);

    it('refuses, on every role-restricted route, each role that is not allowed, with 403', async () => {
      const s = server();
      const cookies = new Map<Role, string>();
      for (const role of ROLES) cookies.set(role, await s.login(personWithOnly(role), DEMO_PASSWORD));
      let checked = 0;
      for (const route of s.app.routeAccess) {
        if (route.access === 'public' || route.access === 'authenticated') continue;
        const allowed = route.access;
        // Every refused role of one route at once: the sweep covers a few hundred requests.
        const refused = ROLES.filter((r) => !allowed.includes(r));
        const statuses = await Promise.all(
          refused.map(async (role) => {
            const res = await s.request(route.method, route.url.replace(':id', '1'), {
              cookie: cookies.get(role),
              body: bodyFor(route.method),
            });
            return [role, res.status] as const;
          }),
        );
        for (const [role, status] of statuses) {
          expect(status, `${role} → ${route.method} ${route.url}`).toBe(403);
          checked++;
        }
      }
      expect(checked).toBeGreaterThan(50);
    }, 120_000);
  },
  { cti: true },
);

describeOnEachDialect('department staff see only their own department (object checks)', (server) => {
  const idOf = (employeeNo: string) => server().staffId(employeeNo);
  const departmentId = async (code: string) =>
    (
      await server()
        .db.selectFrom('departments')
        .select('id')
        .where('code', '=', code)
        .executeTakeFirstOrThrow()
    ).id;

  it('gives a NETOPS supervisor 404 for a BILLING handler found by guessing the id', async () => {
    const s = server();
    const cookie = await s.login('5001');
    expect((await s.request('GET', `/api/staff/${await idOf('5101')}`, { cookie })).status).toBe(200);
    expect((await s.request('GET', `/api/staff/${await idOf('5201')}`, { cookie })).status).toBe(404);
    expect(
      (await s.request('GET', `/api/departments/${await departmentId('BILLING')}`, { cookie })).status,
    ).toBe(404);
    expect(
      (await s.request('GET', `/api/departments/${await departmentId('NETOPS')}`, { cookie })).status,
    ).toBe(200);
  });

  it('lists only the own department to a department supervisor, whatever filter is asked', async () => {
    const s = server();
    const cookie = await s.login('5001');
    const billing = await departmentId('BILLING');
    const res = await s.request<{ items: { employeeNo: string }[]; total: number }>(
      'GET',
      `/api/staff?pageSize=100&departmentId=${billing}`,
      { cookie },
    );
    expect(res.body.total).toBe(0);
    const own = await s.request<{ items: { employeeNo: string }[] }>('GET', '/api/staff?pageSize=100', {
      cookie,
    });
    expect(own.body.items.map((p) => p.employeeNo).sort()).toEqual(['5001', '5101', '5102']);
  });
});

describe('demo accounts cover every role', () => {
  it('has at least one person holding only that role, for the checks above', () => {
    for (const role of ROLES) expect(() => personWithOnly(role)).not.toThrow();
  });
});
