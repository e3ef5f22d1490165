import type { CtiEvent } from '../../cti/engine/cti-types.ts';
import type { Db } from '../../db/database.ts';
import { AgentPeriods } from './agent-periods.ts';
import {
  insertCallEvents,
  insertCdr,
  insertHistoryRows,
  loadCallEvents,
  type NewCallEvent,
  type NewHistoryRow,
} from './call-event.repository.ts';
import { deriveCdr, type TimedCtiEvent } from './cdr.ts';
import { LiveCalls } from './live-calls.ts';

// Persists what the CTI engine publishes (ARCHITECTURE §6). The engine publishes synchronously and
// never waits for the database: `append` only buffers; batches are written in order, one
// transaction each (events, the history rows they close, the CDRs they complete). A failed batch
// is retried with backoff, in place, so order holds and nothing is dropped; the idempotency key
// `${epoch}:${seq}` makes a batch that did commit before its error harmless to write again.

export type CallEventEnvelope = { seq: number; at: string; event: CtiEvent };

export type CallEventWriterError =
  | { kind: 'write_failed'; error: unknown; attempt: number; buffered: number }
  | { kind: 'buffer_over_bound'; buffered: number; bound: number }
  | { kind: 'cdr_not_derivable'; callId: string }
  | { kind: 'append_after_close'; seq: number };

export type CallEventWriterOptions = {
  /** Names this process's run; with `seq` it makes the idempotency key. */
  epoch: string;
  batchMs?: number;
  batchSize?: number;
  /** Buffered events above this are reported through `onError` (never dropped). */
  maxBuffered?: number;
  retryBaseMs?: number;
  retryMaxMs?: number;
  /** How long a CDR waits after the call ends for its recording files (`recording_finished`). */
  recordingGraceMs?: number;
  onError?: (error: CallEventWriterError) => void;
};

export type CallEventWriter = {
  append(envelope: CallEventEnvelope): void;
  /** Resolves when everything appended so far is stored. */
  flush(): Promise<void>;
  /** Flushes (CDRs still waiting for recording files are written without them), then refuses appends. */
  close(): Promise<void>;
};

type Item =
  | { kind: 'event'; row: NewCallEvent; history: Omit<NewHistoryRow, 'eventId'> | null }
  | { kind: 'cdr'; callId: string; events: TimedCtiEvent[]; createdAt: Date };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export function createCallEventWriter(db: Db, options: CallEventWriterOptions): CallEventWriter {
  const {
    epoch,
    batchMs = 50,
    batchSize = 200,
    maxBuffered = 100_000,
    retryBaseMs = 100,
    retryMaxMs = 5_000,
    recordingGraceMs = 30_000,
    onError = () => undefined,
  } = options;
  const queue: Item[] = [];
  const agents = new AgentPeriods();
  let highestSeq = 0;
  let lastAt = new Date(0);
  let timer: ReturnType<typeof setTimeout> | null = null;
  let draining: Promise<void> | null = null;
  let overBound = false;
  let closed = false;

  const calls = new LiveCalls(recordingGraceMs, (due) => {
    queue.push({ kind: 'cdr', ...due, createdAt: lastAt });
    schedule();
  });

  function append({ seq, at, event }: CallEventEnvelope): void {
    if (closed) {
      onError({ kind: 'append_after_close', seq });
      return;
    }
    const when = new Date(at);
    const row: NewCallEvent = { at: when, event, idempotencyKey: `${epoch}:${seq}`, epoch, seq };
    // A seq seen before is a replay: stored again harmlessly (the key), not counted twice.
    if (seq <= highestSeq) {
      queue.push({ kind: 'event', row, history: null });
    } else {
      highestSeq = seq;
      if (when > lastAt) lastAt = when;
      const history = event.type === 'agent_state' ? agents.next(event) : null;
      queue.push({ kind: 'event', row, history });
      const due = calls.add({ at: when, event });
      if (due) queue.push({ kind: 'cdr', ...due, createdAt: when });
    }
    checkBound();
    schedule();
  }

  function checkBound(): void {
    const buffered = queue.length;
    if (buffered > maxBuffered && !overBound) {
      overBound = true;
      onError({ kind: 'buffer_over_bound', buffered, bound: maxBuffered });
    } else if (buffered <= maxBuffered / 2) {
      overBound = false;
    }
  }

  function schedule(): void {
    if (draining) return;
    if (queue.length >= batchSize) void kick();
    else timer ??= setTimeout(kick, batchMs);
  }

  function kick(): Promise<void> {
    if (timer) clearTimeout(timer);
    timer = null;
    draining ??= drain().finally(() => {
      draining = null;
      if (queue.length > 0) schedule();
    });
    return draining;
  }

  async function drain(): Promise<void> {
    while (queue.length > 0) {
      const n = batchLength();
      await writeWithRetry(queue.slice(0, n));
      queue.splice(0, n);
      checkBound();
    }
  }

  /** Up to `batchSize` events, with the CDR items among and right after them. */
  function batchLength(): number {
    let events = 0;
    let n = 0;
    for (const item of queue) {
      if (item.kind === 'event' && events === batchSize) break;
      if (item.kind === 'event') events++;
      n++;
    }
    return n;
  }

  async function writeWithRetry(batch: Item[]): Promise<void> {
    for (let attempt = 1; ; attempt++) {
      try {
        await db.transaction().execute((trx) => writeBatch(trx, batch));
        return;
      } catch (error) {
        onError({ kind: 'write_failed', error, attempt, buffered: queue.length });
        await sleep(Math.min(retryMaxMs, retryBaseMs * 2 ** (attempt - 1)));
      }
    }
  }

  async function writeBatch(trx: Db, batch: Item[]): Promise<void> {
    const added = await insertCallEvents(
      trx,
      batch.flatMap((i) => (i.kind === 'event' ? [i.row] : [])),
    );
    const history: NewHistoryRow[] = [];
    for (const item of batch) {
      const eventId = item.kind === 'event' && added.get(item.row.idempotencyKey);
      if (item.kind === 'event' && item.history && eventId) history.push({ ...item.history, eventId });
    }
    await insertHistoryRows(trx, history);
    for (const item of batch) {
      if (item.kind !== 'cdr') continue;
      // A call that began before this process started: its earlier events are in the table.
      const known = item.events.some((e) => e.event.type === 'call_started');
      const derived = deriveCdr(known ? item.events : await loadCallEvents(trx, item.callId));
      if (derived) await insertCdr(trx, derived, item.createdAt);
      else onError({ kind: 'cdr_not_derivable', callId: item.callId });
    }
  }

  async function flush(): Promise<void> {
    while (queue.length > 0 || draining) await (draining ?? kick());
  }

  return {
    append,
    flush,
    close: async () => {
      await flush();
      // Shutting down: CDRs still waiting for recording files are written without them.
      for (const due of calls.takeEnded()) queue.push({ kind: 'cdr', ...due, createdAt: lastAt });
      await flush();
      closed = true;
      calls.stop();
    },
  };
}
