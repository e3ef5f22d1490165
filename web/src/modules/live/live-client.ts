import {
  type ClientMessage,
  type Envelope,
  followStream,
  isServerMessage,
  type ServerMessage,
  type StreamCursor,
} from '@switchboard/shared';

// Follows the live CTI stream: hello with the cursor, replay or snapshot, events checked against
// `prev`, a ping every 20 s, and reconnection with exponential backoff and jitter after any loss.

export type LiveStatus = 'connecting' | 'live' | 'reconnecting';

export type LiveListener<E> = {
  /** The server sent its picture of the present (first connection, or too far behind). */
  onSnapshot(data: unknown): void;
  /** One event, in order; `replayed` when it comes from a replay after a reconnection. */
  onEvent(envelope: Envelope<E>, replayed: boolean): void;
  /** Caught up again after a (re)connection: a good moment to re-read anything derived. */
  onResync(): void;
  onStatus(status: LiveStatus): void;
};

const PING_INTERVAL_MS = 20_000;
/** No pong this long after a ping: the connection is dead even if the socket does not know it yet. */
const PONG_TIMEOUT_MS = 10_000;
const BACKOFF_BASE_MS = 500;
const BACKOFF_MAX_MS = 30_000;

/** Exponential backoff with "equal jitter": half the step fixed, half random, capped. */
export function reconnectDelayMs(attempt: number, random: () => number = Math.random): number {
  const step = Math.min(BACKOFF_MAX_MS, BACKOFF_BASE_MS * 2 ** attempt);
  return Math.round(step / 2 + random() * (step / 2));
}

export function streamUrl(location: Pick<Location, 'protocol' | 'host'>): string {
  return `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/api/cti/stream`;
}

export class LiveClient<E> {
  readonly #url: string;
  readonly #listener: LiveListener<E>;
  #socket: WebSocket | null = null;
  #cursor: StreamCursor | undefined;
  #status: LiveStatus = 'connecting';
  #attempt = 0;
  #everLive = false;
  #stopped = true;
  #reconnectTimer: ReturnType<typeof setTimeout> | null = null;
  #pingTimer: ReturnType<typeof setInterval> | null = null;
  #pongTimer: ReturnType<typeof setTimeout> | null = null;

  constructor(url: string, listener: LiveListener<E>) {
    this.#url = url;
    this.#listener = listener;
  }

  get status(): LiveStatus {
    return this.#status;
  }

  get cursor(): StreamCursor | undefined {
    return this.#cursor;
  }

  start(): void {
    if (!this.#stopped) return;
    this.#stopped = false;
    this.#connect();
  }

  stop(): void {
    this.#stopped = true;
    this.#clearTimers();
    const socket = this.#socket;
    this.#socket = null;
    socket?.close(1000, 'client stopped');
  }

  /** Drops the current connection as a network loss would (used by tests and on a detected gap). */
  drop(): void {
    const socket = this.#socket;
    if (!socket) return;
    this.#detach(socket);
    socket.close(4000, 'resync');
    this.#lost();
  }

  #setStatus(status: LiveStatus): void {
    if (this.#status === status) return;
    this.#status = status;
    this.#listener.onStatus(status);
  }

  #connect(): void {
    this.#reconnectTimer = null;
    if (this.#stopped) return;
    this.#setStatus(this.#everLive ? 'reconnecting' : 'connecting');
    let socket: WebSocket;
    try {
      socket = new WebSocket(this.#url);
    } catch {
      this.#lost();
      return;
    }
    this.#socket = socket;
    socket.onopen = () => {
      const hello: ClientMessage = this.#cursor
        ? { type: 'hello', epoch: this.#cursor.epoch, lastSeq: this.#cursor.seq }
        : { type: 'hello' };
      this.#send(hello);
      this.#pingTimer = setInterval(() => this.#ping(), PING_INTERVAL_MS);
    };
    socket.onmessage = (message) => this.#receive(message.data);
    socket.onclose = () => {
      if (this.#socket !== socket) return;
      this.#detach(socket);
      this.#lost();
    };
    // An error is always followed by close, which does the work.
    socket.onerror = () => undefined;
  }

  #detach(socket: WebSocket): void {
    socket.onopen = null;
    socket.onmessage = null;
    socket.onclose = null;
    socket.onerror = null;
    if (this.#socket === socket) this.#socket = null;
    this.#clearTimers();
  }

  #lost(): void {
    if (this.#stopped) return;
    this.#setStatus(this.#everLive ? 'reconnecting' : 'connecting');
    const delay = reconnectDelayMs(this.#attempt);
    this.#attempt += 1;
    this.#reconnectTimer = setTimeout(() => this.#connect(), delay);
  }

  #send(message: ClientMessage): void {
    if (this.#socket?.readyState === WebSocket.OPEN) this.#socket.send(JSON.stringify(message));
  }

  #ping(): void {
    this.#send({ type: 'ping' });
    if (this.#pongTimer === null) this.#pongTimer = setTimeout(() => this.drop(), PONG_TIMEOUT_MS);
  }

  #receive(data: unknown): void {
    if (typeof data !== 'string') return;
    let frame: unknown;
    try {
      frame = JSON.parse(data);
    } catch {
      return;
    }
    if (!isServerMessage(frame)) return;
    const message = frame as ServerMessage<E>;
    if (message.type === 'pong' && this.#pongTimer !== null) {
      clearTimeout(this.#pongTimer);
      this.#pongTimer = null;
    }
    const next = followStream(this.#cursor, message);
    if (next === 'gap') {
      // Something was lost between two frames: resume from the last position we are sure of.
      this.drop();
      return;
    }
    this.#cursor = next;
    switch (message.type) {
      case 'snapshot':
        this.#listener.onSnapshot(message.data);
        this.#caughtUp();
        break;
      case 'replay':
        for (const envelope of message.events) this.#listener.onEvent(envelope, true);
        this.#caughtUp();
        break;
      case 'event':
        this.#listener.onEvent(
          { epoch: message.epoch, seq: message.seq, at: message.at, event: message.event },
          false,
        );
        break;
      case 'pong':
        break;
    }
  }

  #caughtUp(): void {
    this.#attempt = 0;
    this.#everLive = true;
    this.#setStatus('live');
    this.#listener.onResync();
  }

  #clearTimers(): void {
    if (this.#reconnectTimer !== null) clearTimeout(this.#reconnectTimer);
    if (this.#pingTimer !== null) clearInterval(this.#pingTimer);
    if (this.#pongTimer !== null) clearTimeout(this.#pongTimer);
    this.#reconnectTimer = null;
    this.#pingTimer = null;
    this.#pongTimer = null;
  }
}
