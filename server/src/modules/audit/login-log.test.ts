import { expect, it } from 'vitest';
import { describeOnEachDialect } from '../../testing/test-app.ts';

type Page = {
  items: { loginName: string; ip: string; result: string; event: string; at: string }[];
  total: number;
};

describeOnEachDialect('login log for administrators (PLAT-2)', (server) => {
  it('filters by person, IP, result and period, newest first', async () => {
    const s = server();
    await s.request('POST', '/api/auth/login', { body: { employeeNo: '1014', password: 'wrong-one' } });
    const from = s.clock.now().toISOString();
    s.clock.advance(60_000);
    await s.login('1014');
    const cookie = await s.login('admin');
    const all = await s.request<Page>('GET', '/api/audit/logins?loginName=1014', { cookie });
    expect(all.body.items.map((r) => r.result)).toEqual(['success', 'failure']);
    const failures = await s.request<Page>(
      'GET',
      '/api/audit/logins?loginName=1014&result=failure&ip=127.0.0.1',
      { cookie },
    );
    expect(failures.body.total).toBe(1);
    const later = await s.request<Page>(
      'GET',
      `/api/audit/logins?loginName=1014&from=${encodeURIComponent(new Date(Date.parse(from) + 1).toISOString())}`,
      { cookie },
    );
    expect(later.body.items.map((r) => r.result)).toEqual(['success']);
  });

  it('exports the log as CSV and audits the export', async () => {
    const s = server();
    const cookie = await s.login('admin');
    const res = await s.request('GET', '/api/audit/logins/export?result=success', { cookie });
    expect(res.status).toBe(200);
    expect(res.text).toContain('admin');
    const audit = await s.db
      .selectFrom('audit_events')
      .selectAll()
      .where('action', '=', 'login_log.export')
      .execute();
    expect(audit).toHaveLength(1);
  });
});

describeOnEachDialect('health', (server) => {
  it('reports status, the database kind in use and the version', async () => {
    const s = server();
    const res = await s.request<{ status: string; db: string; version: string }>('GET', '/api/health');
    expect(res.body).toEqual({ status: 'ok', db: s.dialect, version: '0.1.0' });
  });

  it('serves the OpenAPI document with the auth and directory routes', async () => {
    const res = await server().request<{ paths: Record<string, unknown> }>('GET', '/docs/json');
    expect(Object.keys(res.body.paths)).toEqual(
      expect.arrayContaining(['/api/auth/login', '/api/staff/{id}', '/api/audit/logins']),
    );
  });
});
