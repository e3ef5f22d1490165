import fastifyWebsocket from '@fastify/websocket';
import { CLOSE_CODES, clientMessageSchema, isTooSlow, type ServerMessage } from '@switchboard/shared';
import type { FastifyInstance } from 'fastify';
import type { RawData, WebSocket } from 'ws';
import { type Actor, actorOf } from '../../http/access.ts';
import type { Envelope, EventStream } from './event-stream.ts';

export type CtiStreamOptions<E, S> = {
  stream: EventStream<E>;
  /**
   * What `actor` may see of the live state, exactly as it is after `stream.lastSeq()`. Must be
   * synchronous: it is taken in the same turn of the event loop as the position it is sent with.
   */
  snapshot: (actor: Actor) => S;
  /** Whether `actor` receives `event`; events not seen still take their sequence number. */
  canSee: (actor: Actor, event: E) => boolean;
  /** WebSocket ping interval; a connection that has not answered the previous ping is closed. */
  heartbeatMs?: number;
  /** How long a new connection has to send its hello. */
  helloTimeoutMs?: number;
  /** A client with more than this queued is closed with 4008 rather than buffered without bound. */
  maxBufferedBytes?: number;
};

const DEFAULTS = { heartbeatMs: 20_000, helloTimeoutMs: 10_000, maxBufferedBytes: 4 * 1024 * 1024 };
const MAX_CLIENT_MESSAGE_BYTES = 4096;

type Connection = {
  socket: WebSocket;
  actor: Actor;
  /** The position last told to the client (snapshot, replay, event or pong); 0 before the hello. */
  position: number;
  live: boolean;
  alive: boolean;
  helloTimer: NodeJS.Timeout | undefined;
};

/**
 * GET /api/cti/stream — live CTI events over WebSocket for any signed-in staff member. The access
 * hook authenticates the upgrade request itself, so an anonymous upgrade gets a plain 401.
 */
export function registerCtiStream<E, S>(app: FastifyInstance, opts: CtiStreamOptions<E, S>): void {
  const { stream, snapshot, canSee } = opts;
  const heartbeatMs = opts.heartbeatMs ?? DEFAULTS.heartbeatMs;
  const helloTimeoutMs = opts.helloTimeoutMs ?? DEFAULTS.helloTimeoutMs;
  const maxBufferedBytes = opts.maxBufferedBytes ?? DEFAULTS.maxBufferedBytes;

  app.register(async (scope) => {
    const connections = new Set<Connection>();
    const live = new Set<Connection>();
    // Before @fastify/websocket's own preClose (which closes every socket without a code).
    scope.addHook('preClose', async () => {
      for (const conn of connections) close(conn, CLOSE_CODES.GOING_AWAY, 'server shutting down');
    });
    if (!scope.hasDecorator('websocketServer')) {
      await scope.register(fastifyWebsocket, { options: { maxPayload: MAX_CLIENT_MESSAGE_BYTES } });
    }

    const send = (conn: Connection, message: ServerMessage<E, S>) =>
      conn.socket.send(JSON.stringify(message));
    const close = (conn: Connection, code: number, reason: string) => {
      live.delete(conn);
      conn.socket.close(code, reason);
    };

    // One subscription for all connections: each envelope is serialised once. Only `prev` differs
    // between clients, and for every client that saw the previous event it is seq − 1, so that
    // frame is encoded once and the same bytes are written to each of those sockets.
    const unsubscribe = stream.subscribe((envelope) => {
      if (live.size === 0) return;
      const tail = JSON.stringify(envelope).slice(1);
      const frame = (prev: number) => `{"type":"event","prev":${prev},${tail}`;
      let common: Buffer | undefined;
      for (const conn of live) {
        if (!readyFor(conn, envelope)) continue;
        if (conn.position === envelope.seq - 1) {
          common ??= Buffer.from(frame(conn.position));
          conn.socket.send(common, { binary: false });
        } else {
          conn.socket.send(frame(conn.position));
        }
        conn.position = envelope.seq;
      }
    });

    /** Whether `conn` is to be sent `envelope`; drops it if it is gone or too slow. */
    function readyFor(conn: Connection, envelope: Envelope<E>): boolean {
      if (conn.socket.readyState !== conn.socket.OPEN) {
        live.delete(conn);
        return false;
      }
      if (isTooSlow(conn.socket.bufferedAmount, maxBufferedBytes)) {
        close(conn, CLOSE_CODES.TOO_SLOW, 'too slow, reconnect and resync');
        return false;
      }
      return visibleTo(conn, envelope);
    }

    function visibleTo(conn: Connection, envelope: Envelope<E>): boolean {
      try {
        return canSee(conn.actor, envelope.event);
      } catch (err) {
        scope.log.error({ err, seq: envelope.seq }, 'cti stream: canSee failed');
        close(conn, CLOSE_CODES.SERVER_ERROR, 'server error, reconnect');
        return false;
      }
    }

    // Replay or snapshot, then live: all in this one synchronous turn. `publish` is synchronous
    // too, so no event can fall between the position sent here and joining `live`.
    function start(conn: Connection, epoch: string | undefined, lastSeq: number | undefined): void {
      const missed = epoch === stream.epoch && lastSeq !== undefined ? stream.since(lastSeq) : 'gap';
      if (missed === 'gap') {
        const data = snapshot(conn.actor);
        if (isThenable(data)) throw new Error('cti stream: snapshot must be synchronous');
        conn.position = stream.lastSeq();
        send(conn, { type: 'snapshot', epoch: stream.epoch, seq: conn.position, data });
      } else {
        const events = missed.filter((e) => canSee(conn.actor, e.event));
        conn.position = stream.lastSeq();
        send(conn, { type: 'replay', epoch: stream.epoch, seq: conn.position, events });
      }
      conn.live = true;
      live.add(conn);
    }

    function receive(conn: Connection, data: RawData, isBinary: boolean): void {
      const parsed = isBinary ? undefined : clientMessageSchema.safeParse(parseJson(rawText(data)));
      if (!parsed?.success) {
        close(conn, CLOSE_CODES.PROTOCOL_ERROR, 'not a valid message');
      } else if (parsed.data.type === 'ping') {
        // A live connection has been given every event up to lastSeq it may see: it may move on.
        if (conn.live) conn.position = stream.lastSeq();
        send(conn, conn.live ? { type: 'pong', seq: conn.position } : { type: 'pong' });
      } else if (conn.helloTimer === undefined) {
        close(conn, CLOSE_CODES.PROTOCOL_ERROR, 'hello already received');
      } else {
        clearTimeout(conn.helloTimer);
        conn.helloTimer = undefined;
        start(conn, parsed.data.epoch, parsed.data.lastSeq);
      }
    }

    const heartbeat = setInterval(() => {
      for (const conn of connections) {
        // A closing connection is ws's to finish (it has its own close timeout).
        if (conn.socket.readyState !== conn.socket.OPEN) continue;
        if (!conn.alive) {
          live.delete(conn);
          conn.socket.terminate();
          continue;
        }
        conn.alive = false;
        conn.socket.ping();
      }
    }, heartbeatMs);
    heartbeat.unref();

    // An upgrade answered with plain HTTP (401 from the access hook) leaves a socket that Node no
    // longer reads; @fastify/websocket only ends it when its own onRequest hook ran, which a
    // rejecting hook registered before it prevents. A hijacked (upgraded) reply never gets here.
    scope.addHook('onResponse', async (request) => {
      if (request.headers.upgrade !== undefined) request.raw.socket.destroy();
    });
    scope.addHook('onClose', async () => {
      clearInterval(heartbeat);
      unsubscribe();
    });

    scope.get(
      '/api/cti/stream',
      { websocket: true, config: { access: 'authenticated' } },
      (socket, request) => {
        const conn: Connection = {
          socket,
          actor: actorOf(request),
          position: 0,
          live: false,
          alive: true,
          helloTimer: undefined,
        };
        conn.helloTimer = setTimeout(
          () => close(conn, CLOSE_CODES.PROTOCOL_ERROR, 'hello expected'),
          helloTimeoutMs,
        );
        connections.add(conn);
        socket.on('pong', () => {
          conn.alive = true;
        });
        socket.on('message', (data, isBinary) => {
          try {
            receive(conn, data, isBinary);
          } catch (err) {
            request.log.error({ err }, 'cti stream: message handling failed');
            close(conn, CLOSE_CODES.SERVER_ERROR, 'server error, reconnect');
          }
        });
        socket.on('close', () => {
          clearTimeout(conn.helloTimer);
          connections.delete(conn);
          live.delete(conn);
        });
      },
    );
  });
}

function rawText(data: RawData): string {
  if (Array.isArray(data)) return Buffer.concat(data).toString('utf8');
  if (data instanceof ArrayBuffer) return Buffer.from(data).toString('utf8');
  return data.toString('utf8');
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

function isThenable(value: unknown): boolean {
  return typeof value === 'object' && value !== null && 'then' in value && typeof value.then === 'function';
}
