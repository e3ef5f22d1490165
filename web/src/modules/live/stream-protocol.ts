// The client side of GET /api/cti/stream (server/src/cti/stream/README.md). Mirrors
// server/src/cti/stream/stream.protocol.ts until those types move to shared/.

export type Envelope<E> = { epoch: string; seq: number; at: string; event: E };

export type ServerMessage<E, S = unknown> =
  | { type: 'snapshot'; epoch: string; seq: number; data: S }
  | { type: 'replay'; epoch: string; seq: number; events: Envelope<E>[] }
  | ({ type: 'event'; prev: number } & Envelope<E>)
  | { type: 'pong'; seq?: number };

export type ClientMessage = { type: 'hello'; epoch?: string; lastSeq?: number } | { type: 'ping' };

/** Where this client is in the stream: every event up to `seq` that it may see has arrived. */
export type StreamCursor = { epoch: string; seq: number };

/**
 * The cursor after `frame`, or 'gap' when something was lost (keep the old cursor, reconnect and
 * resume from it). Same rule as the server's `followStream`.
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
