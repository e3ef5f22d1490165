import { expect, it } from 'vitest';
import { describeOnEachDialect, type TestServer } from '../../testing/test-app.ts';

type List = { items: { id: number; callerNumber: string; reason: string; durationMs: number }[] };
type Callbacks = {
  items: { callbackId: string; number: string; state: string; attemptList: { result: string | null }[] }[];
};

// Against the real call-control core on the simulated switch: a waiting caller presses 2 and
// leaves a message (VM-1), another presses 1 to be called back (ACD-6), which a lead withdraws.
describeOnEachDialect(
  'voicemail and callbacks from the engine (VM-1, ACD-6)',
  (server) => {
    const settle = async (s: TestServer, ms = 0) => {
      await s.cti!.engine.settled();
      await s.cti!.clock.advance(ms);
      await s.cti!.engine.settled();
      await s.callEvents!.flush();
      await s.voicemails!.flush();
    };
    const waitingCaller = async (s: TestServer, number: string) => {
      const channel = await s.cti!.sim.customerCalls(number, '10000');
      await settle(s, 1_000);
      return channel.id;
    };

    it('VM-1 a caller who presses 2 while all agents are busy lands in the box; ACD-6 pressing 1 books a callback a lead can cancel', async () => {
      const s = server();
      const agent = await s.login('1001');
      await s.request('POST', '/api/cti/agent/sign-in', { cookie: agent, body: { ready: false } });

      const caller = await waitingCaller(s, '13712345001');
      await s.cti!.sim.customerPressesDigits(caller, '2');
      await settle(s, 2_000 + 5_000);
      await s.cti!.sim.remoteHangsUp(caller);
      await settle(s, 1_000);
      const lead = await s.login('2001');
      const box = await s.request<List>('GET', '/api/voicemails', { cookie: lead });
      expect(box.body.items.find((v) => v.callerNumber === '13712345001')).toMatchObject({
        reason: 'all_busy',
        durationMs: 5_000,
      });

      const other = await waitingCaller(s, '13712345002');
      await s.cti!.sim.customerPressesDigits(other, '1');
      await settle(s, 5_000);
      const pending = await s.request<Callbacks>('GET', '/api/callbacks?state=pending', { cookie: lead });
      const request = pending.body.items.find((c) => c.number === '13712345002');
      expect(request?.state).toBe('pending');
      const cancelled = await s.request('POST', `/api/callbacks/${request?.callbackId}/cancel`, {
        cookie: lead,
      });
      expect(cancelled.status, cancelled.text).toBe(200);
      await settle(s);
      const after = await s.request<Callbacks>('GET', '/api/callbacks?state=cancelled', { cookie: lead });
      expect(after.body.items.find((c) => c.callbackId === request?.callbackId)?.attemptList).toEqual([
        expect.objectContaining({ result: 'cancelled' }),
      ]);
    });
  },
  { cti: true },
);
