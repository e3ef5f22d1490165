import { randomUUID } from 'node:crypto';
import type { Envelope } from '@switchboard/shared';
import type { Clock } from '../../clock.ts';

// One published event with its place in the stream; defined in shared/src/live-stream.ts.
export type { Envelope };

export type EventListener<E> = (envelope: Envelope<E>) => void;

export type EventStream<E> = {
  /** Random per stream (so per process start): a restarted server's sequence numbers start again. */
  readonly epoch: string;
  publish(event: E): Envelope<E>;
  /** The envelopes after `seq`, oldest first, or 'gap' when some of them are no longer kept. */
  since(seq: number): Envelope<E>[] | 'gap';
  /** The last sequence number handed out; 0 before the first publish. */
  lastSeq(): number;
  /** Called synchronously, in order, for every publish; returns the unsubscribe function. */
  subscribe(listener: EventListener<E>): () => void;
};

export type EventStreamOptions = {
  /** How many envelopes are kept for replay; older ones are dropped (a reconnecting client gets a snapshot). */
  capacity?: number;
  clock: Clock;
  /** Where a listener's exception goes; publishing and the other listeners carry on regardless. */
  onListenerError?: (err: unknown) => void;
};

/** An in-memory, ordered log of live CTI events: a ring buffer of the last `capacity` envelopes. */
export function createEventStream<E>({
  capacity = 10_000,
  clock,
  onListenerError = reportListenerError,
}: EventStreamOptions): EventStream<E> {
  if (!Number.isInteger(capacity) || capacity < 1) throw new Error('capacity must be a positive integer');
  const epoch = randomUUID();
  const ring: (Envelope<E> | undefined)[] = new Array(capacity);
  // One entry per subscribe call, so the same function subscribed twice is two subscriptions.
  const subscriptions = new Set<{ listener: EventListener<E> }>();
  let last = 0;

  return {
    epoch,
    publish(event) {
      last += 1;
      const envelope: Envelope<E> = { epoch, seq: last, at: clock.now().toISOString(), event };
      ring[last % capacity] = envelope;
      // A copy: a listener that unsubscribes (or subscribes) while being called changes nothing here.
      for (const { listener } of [...subscriptions]) {
        try {
          listener(envelope);
        } catch (err) {
          onListenerError(err);
        }
      }
      return envelope;
    },
    since(seq) {
      // A position this stream never handed out (another epoch's, or garbage) cannot be resumed from.
      if (!Number.isInteger(seq) || seq < 0 || seq > last) return 'gap';
      const oldestKept = Math.max(1, last - capacity + 1);
      if (seq + 1 < oldestKept) return 'gap';
      const out: Envelope<E>[] = [];
      for (let s = seq + 1; s <= last; s++) {
        const envelope = ring[s % capacity];
        if (!envelope || envelope.seq !== s) return 'gap';
        out.push(envelope);
      }
      return out;
    },
    lastSeq: () => last,
    subscribe(listener) {
      const subscription = { listener };
      subscriptions.add(subscription);
      return () => {
        subscriptions.delete(subscription);
      };
    },
  };
}

function reportListenerError(err: unknown): void {
  console.error('event stream listener failed', err);
}
