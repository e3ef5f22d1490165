import type { MeResponse } from '@switchboard/shared';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { DEMO_PASSWORD } from '../../seed/demo-data.ts';
import { describeOnEachDialect, type ErrorBody, sessionCookieOf } from '../../testing/test-app.ts';

describeOnEachDialect('sign-in, sessions and the login log (PLAT-2)', (server) => {
  const loginLog = (loginName: string) =>
    server()
      .db.selectFrom('login_audit')
      .selectAll()
      .where('login_name', '=', loginName)
      .orderBy('id')
      .execute();

  it('signs the demo admin in with an HttpOnly SameSite session cookie and answers me', async () => {
    const s = server();
    const res = await s.request<MeResponse>('POST', '/api/auth/login', {
      body: { employeeNo: 'admin', password: DEMO_PASSWORD },
      headers: { 'user-agent': 'test-browser/1.0' },
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ employeeNo: 'admin', name: '系统管理员', roles: ['admin'] });
    const setCookie = res.headers.getSetCookie().join('\n');
    expect(setCookie).toMatch(/sb_session=[^;]+;.*HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);
    const me = await s.request<MeResponse>('GET', '/api/auth/me', { cookie: sessionCookieOf(res.headers) });
    expect(me.body.user.departmentName).toBe('客服中心');
    const rows = await loginLog('admin');
    expect(rows.at(-1)).toMatchObject({
      event: 'login',
      result: 'success',
      ip: '127.0.0.1',
      user_agent: 'test-browser/1.0',
    });
  });

  it('shows an agent its skills and extension for the status bar', async () => {
    const s = server();
    const me = await s.request<MeResponse>('GET', '/api/auth/me', { cookie: await s.login('1001') });
    expect(me.body.user.extension).toBe('8001');
    expect(me.body.user.skills.map((k) => k.name)).toContain('话费查询');
  });

  it('rejects a wrong password with a bilingual message and logs the failure with IP and reason', async () => {
    const s = server();
    const zh = await s.request<ErrorBody>('POST', '/api/auth/login', {
      body: { employeeNo: '1002', password: 'nope-nope' },
    });
    expect(zh.status).toBe(401);
    expect(zh.body.error.message).toBe('工号或密码错误');
    const en = await s.request<ErrorBody>('POST', '/api/auth/login', {
      body: { employeeNo: '1002', password: 'nope-nope' },
      headers: { 'accept-language': 'en-US,en;q=0.9' },
    });
    expect(en.body.error.message).toBe('Wrong employee ID or password');
    const rows = await loginLog('1002');
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ result: 'failure', reason: 'wrong_password', ip: '127.0.0.1' });
  });

  it('gives an unknown employee ID the same answer as a wrong password, and logs it', async () => {
    const s = server();
    const res = await s.request<ErrorBody>('POST', '/api/auth/login', {
      body: { employeeNo: 'ghost', password: 'x' },
    });
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe('INVALID_CREDENTIALS');
    expect((await loginLog('ghost'))[0]).toMatchObject({
      result: 'failure',
      reason: 'unknown_account',
      staff_id: null,
    });
  });

  it('issues a new session id at every login and ends the one the browser held', async () => {
    const s = server();
    const first = await s.login('1003');
    const res = await s.request('POST', '/api/auth/login', {
      cookie: first,
      body: { employeeNo: '1003', password: DEMO_PASSWORD },
    });
    const second = sessionCookieOf(res.headers);
    expect(second).not.toBe(first);
    expect((await s.request('GET', '/api/auth/me', { cookie: first })).status).toBe(401);
    expect((await s.request('GET', '/api/auth/me', { cookie: second })).status).toBe(200);
  });

  it('invalidates the session at logout and logs the logout', async () => {
    const s = server();
    const cookie = await s.login('1004');
    expect((await s.request('POST', '/api/auth/logout', { cookie })).status).toBe(204);
    expect((await s.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
    expect((await loginLog('1004')).at(-1)).toMatchObject({ event: 'logout', result: 'success' });
  });

  it('expires a session after 30 idle minutes', async () => {
    const s = server();
    const cookie = await s.login('1005');
    s.clock.advance(29 * 60_000);
    expect((await s.request('GET', '/api/auth/me', { cookie })).status).toBe(200);
    s.clock.advance(30 * 60_000 + 1000);
    const res = await s.request<ErrorBody>('GET', '/api/auth/me', { cookie });
    expect(res.status).toBe(401);
  });

  it('ends even an active session after its 12-hour lifetime', async () => {
    const s = server();
    const cookie = await s.login('1006');
    for (let minutes = 0; minutes < 12 * 60 - 20; minutes += 20) {
      s.clock.advance(20 * 60_000);
      expect((await s.request('GET', '/api/auth/me', { cookie })).status).toBe(200);
    }
    s.clock.advance(40 * 60_000);
    expect((await s.request('GET', '/api/auth/me', { cookie })).status).toBe(401);
  });

  it('locks an account after 10 failures in an hour, even for the right password, then lets it in', async () => {
    const s = server();
    for (let i = 0; i < 10; i++) {
      const res = await s.request('POST', '/api/auth/login', {
        body: { employeeNo: '1007', password: `wrong-${i}` },
      });
      expect(res.status).toBe(401);
      s.clock.advance(5 * 60_000); // past any backoff pause
    }
    const locked = await s.request<ErrorBody>('POST', '/api/auth/login', {
      body: { employeeNo: '1007', password: DEMO_PASSWORD },
    });
    expect(locked.status).toBe(429);
    expect(locked.body.error.code).toBe('LOGIN_THROTTLED');
    expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
    const failures = (await loginLog('1007')).filter((r) => r.result === 'failure');
    expect(failures).toHaveLength(10);
    s.clock.advance(Number(locked.headers.get('retry-after')) * 1000);
    expect(
      (await s.request('POST', '/api/auth/login', { body: { employeeNo: '1007', password: DEMO_PASSWORD } }))
        .status,
    ).toBe(200);
  });

  it('makes repeated failures wait before the next attempt', async () => {
    const s = server();
    for (let i = 0; i < 3; i++) {
      await s.request('POST', '/api/auth/login', { body: { employeeNo: '1008', password: 'bad-password' } });
    }
    const res = await s.request<ErrorBody>('POST', '/api/auth/login', {
      body: { employeeNo: '1008', password: DEMO_PASSWORD },
    });
    expect(res.status).toBe(429);
    expect(res.body.error.code).toBe('LOGIN_BACKOFF');
    expect((await loginLog('1008')).at(-1)).toMatchObject({ result: 'refused', reason: 'account_backoff' });
  });

  it('changes the own password, signing out other browsers but not this one', async () => {
    const s = server();
    const here = await s.login('1009');
    const elsewhere = await s.login('1009');
    const wrong = await s.request<ErrorBody>('POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: 'not-it', newPassword: 'N3w-password' },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.fields?.[0]?.path).toBe('currentPassword');
    const ok = await s.request('POST', '/api/auth/password', {
      cookie: here,
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'N3w-password' },
    });
    expect(ok.status).toBe(204);
    expect((await s.request('GET', '/api/auth/me', { cookie: here })).status).toBe(200);
    expect((await s.request('GET', '/api/auth/me', { cookie: elsewhere })).status).toBe(401);
    await expect(s.login('1009')).rejects.toThrow(/401/);
    await s.login('1009', 'N3w-password');
  });

  it('refuses a too-short new password and names the field', async () => {
    const s = server();
    const res = await s.request<ErrorBody>('POST', '/api/auth/password', {
      cookie: await s.login('1010'),
      body: { currentPassword: DEMO_PASSWORD, newPassword: 'short' },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.fields).toEqual([{ path: 'newPassword', message: '至少 8 个字符' }]);
  });

  it('keeps login-log rows append-only in the database itself', async () => {
    const s = server();
    await s.login('1011');
    await expect(sql`update login_audit set ip = '10.0.0.1'`.execute(s.db)).rejects.toThrow(/append-only/);
    await expect(sql`delete from login_audit`.execute(s.db)).rejects.toThrow(/append-only/);
  });
});
