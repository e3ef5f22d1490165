import { afterEach, expect, it, vi } from 'vitest';
import { describeOnEachDialect, type ErrorBody, type TestServer } from '../../testing/test-app.ts';
import {
  attemptEnded,
  callbackQueued,
  callbackRequested,
  fakeEventSource,
  voicemailLeft,
} from './voicemail.fixture.ts';

type CallBack = { callId: string; result: string | null };
type Vm = { id: number; callId?: string; callBacks: CallBack[]; lastCallBack: CallBack | null };
type CallbackList = {
  items: { callbackId: string; state: string; attempts: number; attemptList: { result: string | null }[] }[];
  counts: Record<string, number>;
};

// VM-1 call back and ACD-6 cancel through a running call-control core (the simulated switch).
describeOnEachDialect(
  'voicemail call back and callback cancel with call control (VM-1, ACD-6)',
  (server) => {
    afterEach(() => {
      vi.restoreAllMocks();
    });
    const settle = async (s: TestServer, ms = 0) => {
      await s.cti!.engine.settled();
      await s.cti!.clock.advance(ms);
      await s.cti!.engine.settled();
      await s.callEvents!.flush();
      await s.voicemails!.flush();
    };
    const feed = async (s: TestServer, ...events: Parameters<ReturnType<typeof fakeEventSource>['emit']>) => {
      const source = fakeEventSource(s.db);
      source.emit(...events);
      await source.recorder.flush();
      source.recorder.close();
    };

    it('VM-1 the assignee calls back from the softphone once signed in; the call and its CDR result are kept', async () => {
      const s = server();
      await feed(s, voicemailLeft({ callId: 'vm-cti-1', callerNumber: '13700000001' }));
      const vm = await s.db
        .selectFrom('voicemails')
        .select('id')
        .where('call_id', '=', 'vm-cti-1')
        .executeTakeFirstOrThrow();
      const agent = await s.login('1001');
      await s.request('POST', `/api/voicemails/${vm.id}/assign`, { cookie: agent, body: {} });

      const notSignedIn = await s.request<ErrorBody>('POST', `/api/voicemails/${vm.id}/call-back`, {
        cookie: agent,
      });
      expect(notSignedIn.status).toBe(409);
      expect(notSignedIn.body.error.code).toBe('AGENT_NOT_SIGNED_IN');

      await s.request('POST', '/api/cti/agent/sign-in', { cookie: agent, body: { ready: false } });
      const called = await s.request<Vm & ErrorBody>('POST', `/api/voicemails/${vm.id}/call-back`, {
        cookie: agent,
      });
      expect(called.status, called.text).toBe(200);
      expect(called.body.callBacks.map((c) => c.callId)).toEqual([called.body.callId]);
      expect(called.body.callBacks[0]?.result).toBeNull();

      await settle(s, 5_000);
      await s.request('POST', '/api/cti/agent/hangup', { cookie: agent, body: {} });
      await settle(s, 1_000);
      const after = await s.request<Vm>('GET', `/api/voicemails/${vm.id}`, { cookie: agent });
      expect(after.body.callBacks[0]?.result).toEqual(expect.any(String));
      expect(after.body.lastCallBack?.callId).toBe(called.body.callId);
      const audit = await s.db
        .selectFrom('audit_events')
        .select('detail')
        .where('action', '=', 'voicemail.change')
        .where('object_id', '=', String(vm.id))
        .execute();
      expect(audit.map((a) => (a.detail as { action: string }).action)).toEqual(['take', 'call_back']);
    });

    it('ACD-6 a lead cancels a waiting callback once the engine let it go; agents only read the list', async () => {
      const s = server();
      await feed(
        s,
        callbackRequested('cb-cti-1'),
        callbackQueued('cb-cti-1', 1),
        attemptEnded('cb-cti-1', 1, 'no_answer', '2026-03-02T02:05:00.000Z'),
        callbackRequested('cb-cti-2'),
      );
      const agent = await s.login('1001');
      const list = await s.request<CallbackList>('GET', '/api/callbacks?state=pending', { cookie: agent });
      const first = list.body.items.find((i) => i.callbackId === 'cb-cti-1');
      expect(first).toMatchObject({ state: 'pending', attempts: 1, attemptList: [{ result: 'no_answer' }] });
      expect(list.body.counts.pending).toBeGreaterThanOrEqual(2);

      const lead = await s.login('2001');
      const cancel = vi.spyOn(s.cti!.engine, 'cancelCallback').mockResolvedValueOnce(true);
      const cancelled = await s.request('POST', '/api/callbacks/cb-cti-1/cancel', { cookie: lead });
      expect(cancelled.status).toBe(200);
      expect(cancel).toHaveBeenCalledWith('cb-cti-1');
      const row = await s.db
        .selectFrom('callback_requests')
        .select(['state', 'cancelled_by'])
        .where('callback_id', '=', 'cb-cti-1')
        .executeTakeFirstOrThrow();
      expect(row).toEqual({ state: 'cancelled', cancelled_by: await s.staffId('2001') });
      const closed = await s.request<ErrorBody>('POST', '/api/callbacks/cb-cti-1/cancel', { cookie: lead });
      expect(closed.body.error.code).toBe('CALLBACK_CLOSED');
      const audit = await s.db
        .selectFrom('audit_events')
        .select('actor_employee_no')
        .where('action', '=', 'callback.change')
        .where('object_id', '=', 'cb-cti-1')
        .execute();
      expect(audit).toEqual([{ actor_employee_no: '2001' }]);

      cancel.mockResolvedValueOnce(false);
      const busy = await s.request<ErrorBody>('POST', '/api/callbacks/cb-cti-2/cancel', { cookie: lead });
      expect(busy.status).toBe(409);
      expect(busy.body.error.code).toBe('CALLBACK_IN_PROGRESS');
    });
  },
  { cti: true },
);
