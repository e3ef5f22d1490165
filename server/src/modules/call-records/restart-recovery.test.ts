import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BILL, PEOPLE } from '../../cti/engine/cti-harness.ts';
import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import type { Db, DbHandle } from '../../db/database.ts';
import { DIALECTS } from '../../testing/test-config.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import { insertCallEvents } from './call-event.repository.ts';
import { createCallEventWriter } from './call-event.writer.ts';
import { startEngineRun } from './engine-run.fixture.ts';
import { closeDanglingCalls } from './restart-recovery.ts';

const { wang } = PEOPLE;

const snapshot = async (db: Db) => ({
  events: (await db.selectFrom('call_events').select('id').execute()).length,
  history: (await db.selectFrom('agent_state_history').select('id').execute()).length,
  cdrs: (await db.selectFrom('cdrs').select('call_id').execute()).length,
  legs: (await db.selectFrom('cdr_legs').select('id').execute()).length,
});

for (const dialect of DIALECTS) {
  describe(`restart recovery [${dialect}]`, () => {
    let handle: DbHandle;
    beforeEach(async () => {
      handle = await openTestDatabase(dialect);
    });
    afterEach(async () => {
      await handle.close();
    });

    it('ends a call left mid-talk with system_restart, writes its CDR, closes the agent period; a second run changes nothing', async () => {
      const { db } = handle;
      const writer = createCallEventWriter(db, { epoch: 'before-crash' });
      const run = await startEngineRun(writer.append);
      try {
        await run.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
        await run.pass(1_000);
        await run.customerCalls('10000');
        await run.pass(5_000);
        await run.engine.answer(wang.id);
        await run.pass(20_000);
        await writer.close();
      } finally {
        await run.close();
      }
      const restartedAt = new Date('2026-01-05T09:00:40Z');

      expect(await closeDanglingCalls(db, restartedAt)).toEqual({
        callsClosed: 1,
        cdrsWritten: 1,
        agentPeriodsClosed: 1,
      });

      const ended = await db
        .selectFrom('call_events')
        .select(['idempotency_key', 'at', 'data'])
        .where('type', '=', 'call_ended')
        .executeTakeFirstOrThrow();
      expect(ended.idempotency_key).toBe('restart:call-1');
      expect(ended.data).toEqual({ type: 'call_ended', callId: 'call-1', cause: 'system_restart' });
      const cdr = await db.selectFrom('cdrs').selectAll().executeTakeFirstOrThrow();
      expect(cdr).toMatchObject({
        end_cause: 'system_restart',
        disposition: 'answered',
        first_agent_id: wang.id,
      });
      expect([cdr.wait_ms, cdr.talk_ms].map(Number)).toEqual([5_000, 34_000]);
      expect(new Date(cdr.ended_at)).toEqual(restartedAt);

      const history = await db
        .selectFrom('agent_state_history')
        .select(['state', 'duration_ms', 'end_cause'])
        .orderBy('started_at')
        .orderBy('id')
        .execute();
      expect(history.map((h) => [h.state, Number(h.duration_ms), h.end_cause])).toEqual([
        ['ready', 1_000, 'state_change'],
        ['ringing', 5_000, 'state_change'],
        ['talking', 34_000, 'system_restart'],
      ]);
      const lastState = await db
        .selectFrom('call_events')
        .select('data')
        .where('type', '=', 'agent_state')
        .orderBy('id', 'desc')
        .executeTakeFirstOrThrow();
      expect(lastState.data).toMatchObject({ agentId: wang.id, state: 'signed_out' });

      const before = await snapshot(db);
      expect(await closeDanglingCalls(db, new Date('2026-01-05T09:05:00Z'))).toEqual({
        callsClosed: 0,
        cdrsWritten: 0,
        agentPeriodsClosed: 0,
      });
      expect(await snapshot(db)).toEqual(before);
    });

    it('writes the CDR of a call whose end was stored but whose CDR a crash kept from being written', async () => {
      const { db } = handle;
      const at = (s: number) => new Date(Date.parse('2026-01-05T09:00:00Z') + s * 1000);
      const events: CtiEvent[] = [
        {
          type: 'call_started',
          callId: 'call-5',
          direction: 'inbound',
          callerNumber: '139',
          calledNumber: '112',
          accessCode: '112',
          vip: false,
          agentId: null,
        },
        { type: 'call_queued', callId: 'call-5', queueId: 'q-fault', priority: 0, reason: 'new' },
        { type: 'call_ended', callId: 'call-5', cause: 'abandoned_in_queue' },
      ];
      await insertCallEvents(
        db,
        events.map((event, i) => ({
          at: at(i * 10),
          event,
          idempotencyKey: `x:${i}`,
          epoch: 'x',
          seq: i + 1,
        })),
      );
      expect(await closeDanglingCalls(db, at(100))).toEqual({
        callsClosed: 0,
        cdrsWritten: 1,
        agentPeriodsClosed: 0,
      });
      const cdr = await db.selectFrom('cdrs').selectAll().executeTakeFirstOrThrow();
      expect(cdr).toMatchObject({ call_id: 'call-5', disposition: 'abandoned' });
      expect(Number(cdr.wait_ms)).toBe(20_000);
    });

    it('refuses to update or delete stored events and state history (append-only)', async () => {
      const { db } = handle;
      const writer = createCallEventWriter(db, { epoch: 'e' });
      const state = (s: 'ready' | 'not_ready', since: string): CtiEvent => ({
        type: 'agent_state',
        agentId: 7,
        employeeNo: '1007',
        state: s,
        reason: s === 'ready' ? null : 'meal',
        since,
        callId: null,
        by: null,
      });
      writer.append({ seq: 1, at: '2026-01-05T09:00:00Z', event: state('ready', '2026-01-05T09:00:00Z') });
      writer.append({
        seq: 2,
        at: '2026-01-05T09:01:00Z',
        event: state('not_ready', '2026-01-05T09:01:00Z'),
      });
      await writer.close();
      await expect(db.updateTable('call_events').set({ type: 'x' }).execute()).rejects.toThrow(/append-only/);
      await expect(db.deleteFrom('call_events').execute()).rejects.toThrow(/append-only/);
      await expect(db.updateTable('agent_state_history').set({ state: 'ready' }).execute()).rejects.toThrow(
        /append-only/,
      );
      await expect(db.deleteFrom('agent_state_history').execute()).rejects.toThrow(/append-only/);
      expect(await snapshot(db)).toMatchObject({ events: 2, history: 1 });
    });
  });
}
