import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { BILL, PEOPLE } from '../../cti/engine/cti-harness.ts';
import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import type { Db, DbHandle } from '../../db/database.ts';
import { DIALECTS } from '../../testing/test-config.ts';
import { openTestDatabase } from '../../testing/test-database.ts';
import {
  type CallEventEnvelope,
  type CallEventWriterError,
  createCallEventWriter,
} from './call-event.writer.ts';
import { startEngineRun } from './engine-run.fixture.ts';

const { wang } = PEOPLE;
const T0 = Date.parse('2026-01-05T09:00:00Z');
const iso = (s: number) => new Date(T0 + s * 1000).toISOString();

/** A short call with its agent's states, as envelopes seq 1…n. */
function shortCall(callId = 'call-1'): CallEventEnvelope[] {
  const state = (s: number, st: 'ready' | 'ringing' | 'talking' | 'after_call_work'): CtiEvent => ({
    type: 'agent_state',
    agentId: 1,
    employeeNo: '1001',
    state: st,
    reason: null,
    since: iso(s),
    callId: st === 'ready' ? null : callId,
    by: null,
  });
  const events: [number, CtiEvent][] = [
    [0, state(0, 'ready')],
    [
      10,
      {
        type: 'call_started',
        callId,
        direction: 'inbound',
        callerNumber: '138',
        calledNumber: '10000',
        accessCode: '10000',
        vip: false,
        agentId: null,
      },
    ],
    [10, { type: 'call_queued', callId, queueId: 'q-bill', priority: 0, reason: 'new' }],
    [
      10,
      {
        type: 'call_offered',
        callId,
        agentId: 1,
        number: '8001',
        call: {
          direction: 'inbound',
          callerNumber: '13800138000',
          calledNumber: '10000',
          accessCode: '10000',
          queueId: 'q-bill',
          vip: false,
          customerData: {},
        },
        via: 'skill',
        explanation: { 'zh-CN': '分配', 'en-US': 'offered' },
      },
    ],
    [10, state(10, 'ringing')],
    [12, state(12, 'talking')],
    [12, { type: 'call_answered', callId, agentId: 1 }],
    [40, state(40, 'after_call_work')],
    [40, { type: 'call_ended', callId, cause: 'completed' }],
    [70, state(70, 'ready')],
  ];
  return events.map(([s, event], i) => ({ seq: i + 1, at: iso(s), event }));
}

const count = async (db: Db, table: 'call_events' | 'agent_state_history' | 'cdrs' | 'cdr_legs') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

for (const dialect of DIALECTS) {
  describe(`call event writer [${dialect}]`, () => {
    let handle: DbHandle;
    beforeEach(async () => {
      handle = await openTestDatabase(dialect);
    });
    afterEach(async () => {
      await handle.close();
    });

    it('stores a real call of the engine with its CDR and the agent state history, exact in simulated time', async () => {
      const { db } = handle;
      const writer = createCallEventWriter(db, { epoch: 'run-1' });
      const run = await startEngineRun(writer.append);
      try {
        await run.signIn(wang, [{ skillGroupId: BILL, level: 3 }]);
        await run.pass(1_000);
        await run.customerCalls('10000');
        await run.pass(5_000);
        await run.engine.answer(wang.id);
        await run.pass(10_000);
        await run.engine.hold(wang.id);
        await run.pass(30_000);
        await run.engine.retrieve(wang.id);
        await run.pass(20_000);
        await run.engine.hangup(wang.id);
        await run.pass(30_000);
        await writer.close();

        const cdr = await db.selectFrom('cdrs').selectAll().executeTakeFirstOrThrow();
        expect(cdr).toMatchObject({
          call_id: 'call-1',
          direction: 'inbound',
          caller_number: '13800138000',
          queue_id: 'q-bill',
          first_agent_id: wang.id,
          last_agent_id: wang.id,
          disposition: 'answered',
          end_cause: 'completed',
          transfers: 0,
        });
        expect([cdr.wait_ms, cdr.talk_ms, cdr.hold_ms].map(Number)).toEqual([5_000, 30_000, 30_000]);
        expect(new Date(cdr.started_at).toISOString()).toBe('2026-01-05T09:00:01.000Z');
        expect(new Date(cdr.ended_at).toISOString()).toBe('2026-01-05T09:01:06.000Z');
        expect(cdr.recording_files).toEqual([
          {
            recordingId: 'rec-1',
            file: join(run.recordingsDir, '2026-01-05', 'call-1.wav'),
            durationMs: 60_000,
          },
        ]);
        const legs = await db.selectFrom('cdr_legs').selectAll().orderBy('id').execute();
        expect(legs.map((l) => [l.role, l.staff_id, l.number, Number(l.talk_ms)])).toEqual([
          ['customer', null, '13800138000', 65_000],
          ['agent', wang.id, wang.extension, 60_000],
        ]);
        expect(legs.map((l) => new Date(l.joined_at ?? 0).toISOString())).toEqual([
          '2026-01-05T09:00:01.000Z',
          '2026-01-05T09:00:06.000Z',
        ]);
        const history = await db
          .selectFrom('agent_state_history')
          .select(['state', 'call_id', 'duration_ms', 'end_cause'])
          .where('agent_id', '=', wang.id)
          .orderBy('started_at')
          .orderBy('id')
          .execute();
        expect(history.map((h) => [h.state, h.call_id, Number(h.duration_ms)])).toEqual([
          ['ready', null, 1_000],
          ['ringing', 'call-1', 5_000],
          ['talking', 'call-1', 10_000],
          ['hold', 'call-1', 30_000],
          ['talking', 'call-1', 20_000],
          ['after_call_work', 'call-1', 30_000],
        ]);
        expect(history.every((h) => h.end_cause === 'state_change')).toBe(true);
      } finally {
        await run.close();
      }
    });

    it('writes in publish order across batches and stores each envelope once when replayed', async () => {
      const { db } = handle;
      const envelopes = shortCall();
      const first = createCallEventWriter(db, { epoch: 'e1', batchSize: 3 });
      for (const e of envelopes) first.append(e);
      await first.close();
      const before = { history: await count(db, 'agent_state_history'), legs: await count(db, 'cdr_legs') };

      const replay = createCallEventWriter(db, { epoch: 'e1', batchSize: 4 });
      for (const e of envelopes) replay.append(e);
      for (const e of envelopes) replay.append(e);
      await replay.close();

      const rows = await db
        .selectFrom('call_events')
        .select(['seq', 'idempotency_key'])
        .orderBy('id')
        .execute();
      expect(rows.map((r) => Number(r.seq))).toEqual(envelopes.map((e) => e.seq));
      expect(rows[0]?.idempotency_key).toBe('e1:1');
      expect(await count(db, 'cdrs')).toBe(1);
      expect(before).toEqual({ history: 4, legs: 2 });
      expect(await count(db, 'agent_state_history')).toBe(before.history);
      expect(await count(db, 'cdr_legs')).toBe(before.legs);
    });

    it('retries a failed write with backoff, keeps the order and reports each failure', async () => {
      const { db } = handle;
      let failures = 2;
      const flaky = new Proxy(db, {
        get(target, prop) {
          if (prop === 'transaction' && failures > 0) {
            failures--;
            return () => ({ execute: () => Promise.reject(new Error('connection lost')) });
          }
          const value: unknown = Reflect.get(target, prop, target);
          return typeof value === 'function' ? value.bind(target) : value;
        },
      });
      const errors: CallEventWriterError[] = [];
      const writer = createCallEventWriter(flaky, {
        epoch: 'e2',
        retryBaseMs: 5,
        onError: (e) => errors.push(e),
      });
      for (const e of shortCall()) writer.append(e);
      await writer.flush();
      expect(errors.map((e) => e.kind === 'write_failed' && e.attempt)).toEqual([1, 2]);
      const seqs = await db.selectFrom('call_events').select('seq').orderBy('id').execute();
      expect(seqs.map((r) => Number(r.seq))).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
      expect(await count(db, 'cdrs')).toBe(1);
    });

    it('waits for the recording file, but writes the CDR without it when the file never comes', async () => {
      const { db } = handle;
      // The grace is long enough that the first check comes before it ends even on a busy machine.
      const writer = createCallEventWriter(db, { epoch: 'e3', recordingGraceMs: 600 });
      const envelopes = shortCall();
      envelopes.splice(7, 0, {
        seq: 0,
        at: iso(12),
        event: { type: 'recording_started', callId: 'call-1', recordingId: 'rec-9' },
      });
      envelopes.forEach((e, i) => {
        writer.append({ ...e, seq: i + 1 });
      });
      await writer.flush();
      expect(await count(db, 'cdrs')).toBe(0);
      await vi.waitFor(async () => expect(await count(db, 'cdrs')).toBe(1), { timeout: 5_000 });
      const cdr = await db.selectFrom('cdrs').select('recording_files').executeTakeFirstOrThrow();
      expect(cdr.recording_files).toEqual([]);
      await writer.close();
    });

    it('reports loudly, and drops nothing, when the buffer grows past its bound', async () => {
      const { db } = handle;
      const errors: CallEventWriterError[] = [];
      const writer = createCallEventWriter(db, {
        epoch: 'e4',
        maxBuffered: 5,
        onError: (e) => errors.push(e),
      });
      for (const e of shortCall()) writer.append(e);
      expect(errors).toEqual([{ kind: 'buffer_over_bound', buffered: 6, bound: 5 }]);
      await writer.close();
      expect(await count(db, 'call_events')).toBe(10);
    });
  });
}
