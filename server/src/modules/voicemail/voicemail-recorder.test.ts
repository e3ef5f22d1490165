import { afterEach, expect, it, vi } from 'vitest';
import { CALL_PRIORITY } from '../../acd/queue-order.ts';
import { onLiveNotice } from '../../live/live-notices.ts';
import { describeOnEachDialect } from '../../testing/test-app.ts';
import { pendingCallbacks } from './index.ts';
import {
  attemptEnded,
  callbackQueued,
  callbackRequested,
  fakeEventSource,
  voicemailLeft,
} from './voicemail.fixture.ts';

// VM-1, ACD-6: the CTI events become voicemails and callback requests, in order, never failing
// the event source.
describeOnEachDialect('voicemail recorder (VM-1, ACD-6)', (server) => {
  const NEXT = '2026-03-02T02:05:00.000Z';
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const request = (callbackId: string) =>
    server()
      .db.selectFrom('callback_requests')
      .selectAll()
      .where('callback_id', '=', callbackId)
      .executeTakeFirstOrThrow();
  const workItems = (callbackId: string) =>
    server()
      .db.selectFrom('work_items')
      .selectAll()
      .where('source_ref', '=', `callback:${callbackId}`)
      .execute();

  it('VM-1 stores a left message once, linked to the customer and the skill group, and tells desktops', async () => {
    const { db } = server();
    const phone = await db
      .selectFrom('customer_phones')
      .select(['phone', 'customer_id'])
      .executeTakeFirstOrThrow();
    const notices: string[] = [];
    const stop = onLiveNotice((n) => notices.push(`${n.topic}:${n.data?.state}`));
    const source = fakeEventSource(db);
    const event = voicemailLeft({ callId: 'call-rec-1', callerNumber: phone.phone });
    source.emit(event, event);
    await source.recorder.flush();
    stop();
    source.recorder.close();
    const rows = await db.selectFrom('voicemails').selectAll().where('call_id', '=', 'call-rec-1').execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      customer_id: phone.customer_id,
      skill_group_id: 1,
      queue_id: 'q-1',
      reason: 'all_busy',
      duration_ms: 12_500,
      state: 'new',
    });
    expect(new Date(rows[0]?.recorded_at ?? 0).toISOString()).toBe('2026-03-02T01:59:40.000Z');
    const history = await db
      .selectFrom('voicemail_events')
      .select('action')
      .where('voicemail_id', '=', rows[0]?.id ?? 0)
      .execute();
    expect(history).toEqual([{ action: 'received' }]);
    expect(notices).toEqual(['voicemail:new']);
  });

  it('ACD-6 stores events in the order they came: retries, then a give-up that creates one work item', async () => {
    const { db } = server();
    const source = fakeEventSource(db);
    const agent = await server().staffId('1001');
    // Emitted back to back, without waiting: the recorder must keep the order.
    source.emit(
      callbackRequested('cb-give-up'),
      callbackQueued('cb-give-up', 1),
      attemptEnded('cb-give-up', 1, 'no_answer', NEXT, agent),
      callbackQueued('cb-give-up', 2),
      attemptEnded('cb-give-up', 2, 'busy', null, agent),
    );
    await source.recorder.flush();
    const req = await request('cb-give-up');
    expect(req).toMatchObject({
      state: 'gave_up',
      attempts: 2,
      last_result: 'busy',
      next_attempt_at: null,
      agent_id: agent,
    });
    const items = await workItems('cb-give-up');
    expect(items).toHaveLength(1);
    expect(items[0]).toMatchObject({ channel: 'callback', from_address: '13800000002', state: 'new' });
    expect(items[0]?.body).toMatch(/第1次.*无人接听[\s\S]*第2次.*占线/);
    expect(req.work_item_id).toBe(items[0]?.id);
    const attempts = await db
      .selectFrom('callback_attempts')
      .select(['attempt', 'result', 'call_id'])
      .where('callback_id', '=', 'cb-give-up')
      .orderBy('attempt')
      .execute();
    expect(attempts).toEqual([
      { attempt: 1, result: 'no_answer', call_id: 'cb-give-up-a1' },
      { attempt: 2, result: 'busy', call_id: 'cb-give-up-a2' },
    ]);

    // The same final event again (a replay) changes nothing and adds no second work item.
    source.emit(attemptEnded('cb-give-up', 2, 'busy', null, agent));
    await source.recorder.flush();
    source.recorder.close();
    expect(await workItems('cb-give-up')).toHaveLength(1);
    expect((await request('cb-give-up')).state).toBe('gave_up');
  });

  it('ACD-6 a connected attempt closes the request with its call and agent; a cancelled one adds no work item', async () => {
    const { db } = server();
    const source = fakeEventSource(db);
    const agent = await server().staffId('1002');
    source.emit(
      callbackRequested('cb-connected'),
      callbackQueued('cb-connected', 1),
      attemptEnded('cb-connected', 1, 'no_answer', NEXT, agent),
      callbackQueued('cb-connected', 2),
      attemptEnded('cb-connected', 2, 'connected', null, agent),
      callbackRequested('cb-cancelled'),
      callbackQueued('cb-cancelled', 1),
      attemptEnded('cb-cancelled', 1, 'cancelled', null),
      // Cancelled while waiting for a retry: the engine names the last attempt again.
      callbackRequested('cb-cancelled-retry'),
      callbackQueued('cb-cancelled-retry', 1),
      attemptEnded('cb-cancelled-retry', 1, 'no_answer', NEXT),
      attemptEnded('cb-cancelled-retry', 1, 'cancelled', null),
    );
    await source.recorder.flush();
    source.recorder.close();
    expect(await request('cb-connected')).toMatchObject({
      state: 'connected',
      attempts: 2,
      connected_call_id: 'cb-connected-a2',
      agent_id: agent,
      work_item_id: null,
    });
    expect(await request('cb-cancelled')).toMatchObject({ state: 'cancelled', last_result: 'cancelled' });
    expect(await workItems('cb-connected')).toEqual([]);
    expect(await workItems('cb-cancelled')).toEqual([]);
    expect(await request('cb-cancelled-retry')).toMatchObject({
      state: 'cancelled',
      attempts: 1,
      next_attempt_at: null,
    });
    const kept = await db
      .selectFrom('callback_attempts')
      .select('result')
      .where('callback_id', '=', 'cb-cancelled-retry')
      .execute();
    expect(kept).toEqual([{ result: 'no_answer' }]);
  });

  it('ACD-6 gives back the requests still waiting, with their attempts, for a restart', async () => {
    const { db } = server();
    const source = fakeEventSource(db);
    source.emit(
      callbackRequested('cb-waiting', '13800000077'),
      callbackQueued('cb-waiting', 1),
      attemptEnded('cb-waiting', 1, 'failed', NEXT),
    );
    await source.recorder.flush();
    source.recorder.close();
    const pending = await pendingCallbacks(db);
    expect(pending.map((p) => p.callbackId)).toContain('cb-waiting');
    expect(pending.map((p) => p.callbackId)).not.toContain('cb-connected');
    expect(pending.find((p) => p.callbackId === 'cb-waiting')).toEqual({
      callbackId: 'cb-waiting',
      number: '13800000077',
      queueId: 'q-1',
      // The next attempt waits from its own time, at callback priority, as the engine scheduled it.
      waitingSince: new Date(NEXT),
      priority: CALL_PRIORITY.callback,
      attempts: 1,
    });
    expect((await request('cb-waiting')).next_attempt_at).toEqual(new Date(NEXT));
  });

  it('logs an event it cannot store and goes on with the next one, never throwing into the source', async () => {
    const { db } = server();
    const logged = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    const source = fakeEventSource(db);
    expect(() =>
      source.emit(
        attemptEnded('cb-unknown', 1, 'busy', null),
        voicemailLeft({ callId: 'call-after-failure' }),
      ),
    ).not.toThrow();
    await source.recorder.flush();
    source.recorder.close();
    expect(logged).toHaveBeenCalledTimes(1);
    expect(String(logged.mock.calls[0]?.[0])).toMatch(/callback_attempt_ended not stored/);
    const row = await db
      .selectFrom('voicemails')
      .select('id')
      .where('call_id', '=', 'call-after-failure')
      .executeTakeFirst();
    expect(row).toBeDefined();
  });
});
