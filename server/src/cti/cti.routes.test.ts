import { expect, it } from 'vitest';
import { describeOnEachDialect, type ErrorBody, type TestServer } from '../testing/test-app.ts';

type Status = {
  state: string;
  callId: string | null;
  extension: string | null;
  notReadyReason: string | null;
};

// The softphone and the team lead's functions over real HTTP, on the simulated switch.
describeOnEachDialect(
  'CTI over HTTP (CTI-1 … CTI-17, SUP-1 … SUP-8)',
  (server) => {
    const cti = (s: TestServer) => {
      if (!s.cti) throw new Error('started without CTI');
      return s.cti;
    };
    const settle = async (s: TestServer, ms = 0) => {
      await cti(s).engine.settled();
      await cti(s).clock.advance(ms);
      await cti(s).engine.settled();
    };
    const idOf = async (s: TestServer, employeeNo: string) =>
      (
        await s.db
          .selectFrom('staff')
          .select('id')
          .where('employee_no', '=', employeeNo)
          .executeTakeFirstOrThrow()
      ).id;

    it('signs an agent in at the directory extension with the directory skills, ready; a call rings and is answered', async () => {
      const s = server();
      const agent = await s.login('1001');
      const signedIn = await s.request<Status>('POST', '/api/cti/agent/sign-in', {
        cookie: agent,
        body: { ready: true },
      });
      expect(signedIn.status).toBe(200);
      expect(signedIn.body).toMatchObject({ state: 'ready', extension: '8001' });
      await cti(s).sim.customerCalls('13800000001', '10000');
      await settle(s);
      const ringing = await s.request<Status>('GET', '/api/cti/agent/me', { cookie: agent });
      expect(ringing.body.state).toBe('ringing');
      const answered = await s.request<Status>('POST', '/api/cti/agent/answer', { cookie: agent, body: {} });
      await settle(s);
      expect(answered.status).toBe(200);
      expect((await s.request<Status>('GET', '/api/cti/agent/me', { cookie: agent })).body.state).toBe(
        'talking',
      );

      const wrongCall = await s.request<ErrorBody>('POST', '/api/cti/agent/hold', {
        cookie: agent,
        body: { callId: 'call-999' },
      });
      expect(wrongCall.status).toBe(403);
      expect(wrongCall.body.error.code).toBe('CALL_NOT_YOURS');

      const held = await s.request<Status>('POST', '/api/cti/agent/hold', { cookie: agent, body: {} });
      expect(held.body.state).toBe('hold');
      const again = await s.request<ErrorBody>('POST', '/api/cti/agent/hold', {
        cookie: agent,
        body: {},
        headers: { 'accept-language': 'en' },
      });
      expect(again.status).toBe(409);
      expect(again.body.error.message).toBe('The customer is already on hold');
      await s.request('POST', '/api/cti/agent/retrieve', { cookie: agent, body: {} });
      await s.request('POST', '/api/cti/agent/hangup', { cookie: agent, body: {} });
      await settle(s);
      expect((await s.request<Status>('GET', '/api/cti/agent/me', { cookie: agent })).body.state).toBe(
        'after_call_work',
      );
    });

    it('refuses a command the state does not allow with 409 and the reason', async () => {
      const s = server();
      const agent = await s.login('1002');
      await s.request('POST', '/api/cti/agent/sign-in', { cookie: agent, body: { ready: true } });
      const res = await s.request<ErrorBody>('POST', '/api/cti/agent/answer', { cookie: agent, body: {} });
      expect(res.status).toBe(409);
      expect(res.body.error.message).toBe('没有振铃的来电');
      const bad = await s.request<ErrorBody>('POST', '/api/cti/agent/not-ready', {
        cookie: agent,
        body: { reason: 'nap' },
      });
      expect(bad.status).toBe(400);
      expect(bad.body.error.fields?.[0]?.path).toBe('reason');
    });

    it('lets a team lead listen, barge and force-release, each audited, and shows the live wall', async () => {
      const s = server();
      const agent = await s.login('1003');
      const lead = await s.login('2001');
      await s.request('POST', '/api/cti/agent/sign-in', { cookie: agent, body: { ready: true } });
      await s.request('POST', '/api/cti/agent/auto-answer', { cookie: agent, body: { on: true } });
      await cti(s).sim.customerCalls('13800000002', '10001'); // 1003 takes 投诉
      await settle(s);
      const agentId = await idOf(s, '1003');
      const wall = await s.request<{
        agents: { employeeNo: string; state: string }[];
        countsByState: Record<string, number>;
      }>('GET', '/api/cti/snapshot', { cookie: lead });
      expect(wall.body.agents.find((a) => a.employeeNo === '1003')?.state).toBe('talking');
      expect(wall.body.countsByState.talking).toBeGreaterThanOrEqual(1);
      for (const mode of ['listen', 'barge']) {
        const r = await s.request('POST', `/api/cti/supervise/${agentId}/monitor`, {
          cookie: lead,
          body: { mode },
        });
        expect(r.status).toBe(200);
        await settle(s);
      }
      expect(
        (await s.request('POST', `/api/cti/supervise/${agentId}/force-release`, { cookie: lead })).status,
      ).toBe(200);
      await settle(s);
      const audit = await s.db
        .selectFrom('audit_events')
        .select(['action', 'detail'])
        .where('object_id', '=', String(agentId))
        .execute();
      expect(audit.map((a) => a.action)).toEqual([
        'supervisor.monitor',
        'supervisor.monitor',
        'supervisor.force_release',
      ]);
    });

    it('keeps agents away from the supervisor functions and the wall', async () => {
      const s = server();
      const agent = await s.login('1004');
      expect((await s.request('GET', '/api/cti/snapshot', { cookie: agent })).status).toBe(403);
      expect((await s.request('POST', '/api/cti/supervise/1/force-release', { cookie: agent })).status).toBe(
        403,
      );
    });

    it('lists signed-in colleagues with their live state for the transfer picker, without callers', async () => {
      const s = server();
      const me = await s.login('1005');
      const other = await s.login('1006');
      await s.request('POST', '/api/cti/agent/sign-in', { cookie: me, body: {} });
      await s.request('POST', '/api/cti/agent/sign-in', { cookie: other, body: { ready: true } });
      const res = await s.request<{ employeeNo: string; state: string }[]>(
        'GET',
        '/api/cti/agent/colleagues',
        { cookie: me },
      );
      expect(res.body.find((c) => c.employeeNo === '1006')).toMatchObject({ state: 'ready' });
      expect(res.body.some((c) => c.employeeNo === '1005')).toBe(false);
      expect(res.text).not.toMatch(/callerNumber|138/);
    });

    it('lets the administrator place one simulated call to an access code', async () => {
      const s = server();
      const admin = await s.login('admin');
      const agent = await s.login('1007');
      await s.request('POST', '/api/cti/agent/sign-in', { cookie: agent, body: { ready: true } });
      const skills = await s.request<{ skills: { skillGroupId: number }[] }>('GET', '/api/cti/agent/me', {
        cookie: agent,
      });
      const groupId = skills.body.skills[0]?.skillGroupId;
      const codes = await s.db
        .selectFrom('skill_group_access_codes')
        .select('access_code')
        .where('skill_group_id', '=', groupId!)
        .execute();
      const placed = await s.request('POST', '/api/cti/traffic/call', {
        cookie: admin,
        body: { callerNumber: '13912340000', accessCode: codes[0]!.access_code },
      });
      expect(placed.status).toBe(200);
      await settle(s);
      expect((await s.request<Status>('GET', '/api/cti/agent/me', { cookie: agent })).body.state).toBe(
        'ringing',
      );
    });

    it('lets the administrator switch simulated traffic on and off', async () => {
      const s = server();
      const admin = await s.login('admin');
      const on = await s.request<{ running: boolean }>('PUT', '/api/cti/traffic', {
        cookie: admin,
        body: { running: true },
      });
      expect(on.body.running).toBe(true);
      await settle(s, 10 * 60_000);
      const stats = await s.request<{ stats: { placed: number } }>('GET', '/api/cti/traffic', {
        cookie: admin,
      });
      expect(stats.body.stats.placed).toBeGreaterThan(0);
      const off = await s.request<{ running: boolean }>('PUT', '/api/cti/traffic', {
        cookie: admin,
        body: { running: false },
      });
      expect(off.body.running).toBe(false);
    });
  },
  { cti: true },
);
