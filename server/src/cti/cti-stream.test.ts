import { expect, it } from 'vitest';
import { describeOnEachDialect, type TestServer } from '../testing/test-app.ts';
import type { LiveEvent as CtiEvent } from './cti-stream.ts';
import { isRefused, openStream, type StreamTestClient } from './stream/stream.test-client.ts';

// The live stream wired to the real engine: the wall sees everything as it happens, an agent sees
// only what concerns them.
describeOnEachDialect(
  'live CTI events over WebSocket',
  (server) => {
    const open = async (s: TestServer, cookie: string) => {
      const client = await openStream<CtiEvent>(s.baseUrl, cookie);
      if (isRefused(client)) throw new Error(`refused ${client.refused}`);
      client.send({ type: 'hello' });
      return client;
    };
    const eventsUntil = async (client: StreamTestClient<CtiEvent>, type: CtiEvent['type']) => {
      const seen: CtiEvent[] = [];
      for (;;) {
        const frame = await client.next(2_000);
        if (frame.type !== 'event') continue;
        seen.push(frame.event);
        if (frame.event.type === type) return seen;
      }
    };

    it('streams a snapshot, then the call as it is offered and answered, to a team lead', async () => {
      const s = server();
      const wall = await open(s, await s.login('2001'));
      const first = await wall.next();
      expect(first.type).toBe('snapshot');
      const agent = await s.login('1001');
      await s.request('POST', '/api/cti/agent/sign-in', { cookie: agent, body: { ready: true } });
      await s.cti!.sim.customerCalls('13800000010', '10000');
      await s.cti!.engine.settled();
      const seen = await eventsUntil(wall, 'call_offered');
      expect(seen.map((e) => e.type)).toEqual(
        expect.arrayContaining(['agent_state', 'call_started', 'call_queued', 'call_offered']),
      );
      wall.close();
    });

    it("shows an agent their own state changes but not a colleague's", async () => {
      const s = server();
      const me = await s.login('1002');
      const colleague = await s.login('1003');
      const mine = await open(s, me);
      expect((await mine.next()).type).toBe('snapshot');
      await s.request('POST', '/api/cti/agent/sign-in', { cookie: colleague, body: { ready: true } });
      await s.request('POST', '/api/cti/agent/sign-in', { cookie: me, body: { ready: false } });
      const seen = await eventsUntil(mine, 'agent_state');
      expect(seen.every((e) => 'employeeNo' in e && e.employeeNo === '1002')).toBe(true);
      expect(seen.at(-1)).toMatchObject({ type: 'agent_state', employeeNo: '1002', state: 'not_ready' });
      mine.close();
    });

    it('tells every desktop at once that an announcement was published, without its content (MSG-1)', async () => {
      const s = server();
      const agent = await open(s, await s.login('1008'));
      expect((await agent.next()).type).toBe('snapshot');
      const published = await s.request('POST', '/api/announcements', {
        cookie: await s.login('admin'),
        body: {
          title: '系统升级通知',
          body: '今晚 22:00 升级',
          urgent: true,
          validFrom: s.clock.now().toISOString(),
          audience: 'all',
        },
      });
      expect(published.status).toBe(201);
      const frame = await agent.next();
      expect(frame.type === 'event' && frame.event).toEqual({
        type: 'announcement_changed',
        id: expect.any(Number),
        urgent: true,
      });
      agent.close();
    });

    it('refuses the stream without a session', async () => {
      const refused = await openStream(server().baseUrl, undefined);
      expect(isRefused(refused) && refused.refused).toBe(401);
    });
  },
  { cti: true },
);
