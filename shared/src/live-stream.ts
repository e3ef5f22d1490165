import { z } from 'zod';

// The JSON frames of the live stream GET /api/cti/stream (server/src/cti/stream/README.md), used by
// the server, the web desktop and the benchmarks alike.

/** One event as the stream delivers it: `seq` orders events within one server run (`epoch`). */
export type Envelope<E> = { epoch: string; seq: number; at: string; event: E };

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.strictObject({
    type: z.literal('hello'),
    epoch: z.string().max(100).optional(),
    lastSeq: z.number().int().min(0).optional(),
  }),
  z.strictObject({ type: z.literal('ping') }),
]);

export type ClientMessage = z.infer<typeof clientMessageSchema>;

/**
 * `seq` on snapshot, replay and pong is the connection's position: every event up to it that this
 * client may see has been delivered. `prev` on an event is the position before it: events between
 * `prev` and `seq` exist but are not for this client. A frame whose `prev` is not the client's last
 * position means something was lost: reconnect with `hello { epoch, lastSeq: position }`.
 */
export type ServerMessage<E, S = unknown> =
  | { type: 'snapshot'; epoch: string; seq: number; data: S }
  | { type: 'replay'; epoch: string; seq: number; events: Envelope<E>[] }
  | ({ type: 'event'; prev: number } & Envelope<E>)
  | { type: 'pong'; seq?: number };

export const CLOSE_CODES = {
  /** The server is shutting down or restarting: reconnect (with backoff) and resync. */
  GOING_AWAY: 1001,
  /** Unexpected server error on this connection: reconnect and resync. */
  SERVER_ERROR: 1011,
  /** The client did not read fast enough and too much was queued: reconnect and resync. */
  TOO_SLOW: 4008,
  /** Not a valid client message, a second hello, or no hello in time. */
  PROTOCOL_ERROR: 4400,
} as const;

/** What a client keeps: the stream it follows and its position in it. */
export type StreamCursor = { epoch: string; seq: number };

/**
 * The client side of the rule above, as one pure step: the cursor after `frame`, or 'gap' when
 * something was lost (keep the old cursor, reconnect and resume from it). Snapshot and replay
 * (re)start the cursor; an event continues it only when its `prev` is the cursor's `seq`.
 */
export function followStream<E, S>(
  cursor: StreamCursor | undefined,
  frame: ServerMessage<E, S>,
): StreamCursor | undefined | 'gap' {
  switch (frame.type) {
    case 'snapshot':
    case 'replay':
      return { epoch: frame.epoch, seq: frame.seq };
    case 'event':
      if (!cursor || cursor.epoch !== frame.epoch || frame.prev !== cursor.seq) return 'gap';
      return { epoch: frame.epoch, seq: frame.seq };
    case 'pong':
      if (!cursor || frame.seq === undefined) return cursor;
      return frame.seq < cursor.seq ? 'gap' : { epoch: cursor.epoch, seq: frame.seq };
  }
}

/** The server's slow-consumer rule: drop a client once this much is queued for it. */
export function isTooSlow(bufferedBytes: number, maxBufferedBytes: number): boolean {
  return bufferedBytes > maxBufferedBytes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null;
}

/** Narrows a parsed frame to the documented shapes; anything else is ignored by the caller. */
export function isServerMessage(value: unknown): value is ServerMessage<unknown> {
  if (!isRecord(value)) return false;
  switch (value.type) {
    case 'snapshot':
      return typeof value.epoch === 'string' && typeof value.seq === 'number';
    case 'replay':
      return typeof value.epoch === 'string' && typeof value.seq === 'number' && Array.isArray(value.events);
    case 'event':
      return (
        typeof value.epoch === 'string' && typeof value.seq === 'number' && typeof value.prev === 'number'
      );
    case 'pong':
      return true;
    default:
      return false;
  }
}
