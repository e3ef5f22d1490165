import { followStream, type ServerMessage, type StreamCursor } from '@switchboard/shared';
import WebSocket from 'ws';
import type { BenchEvent } from './server.ts';

// A fleet of stream clients behaving like agent desktops: hello with the last position, follow
// the prev chain (counting gaps), and on a lost connection reconnect with exponential backoff and
// jitter. Delivery latency = receive time − the event's publish time (same machine clock).

export type Backoff = { baseMs: number; capMs: number };

export const wallNow = () => performance.timeOrigin + performance.now();

/** Delivery latencies in 0.1-ms buckets up to 10 s (beyond counts as 10 s), and the true maximum. */
export class LatencyHistogram {
  readonly buckets = new Uint32Array(100_000);
  count = 0;
  max = 0;

  /** Adds another histogram's figures (one from each client worker). */
  merge(other: { buckets: Uint32Array; count: number; max: number }): void {
    for (let i = 0; i < this.buckets.length; i++)
      this.buckets[i] = (this.buckets[i] ?? 0) + (other.buckets[i] ?? 0);
    this.count += other.count;
    this.max = Math.max(this.max, other.max);
  }

  add(ms: number): void {
    const bucket = Math.min(this.buckets.length - 1, Math.max(0, Math.floor(ms * 10)));
    this.buckets[bucket] = (this.buckets[bucket] ?? 0) + 1;
    this.count++;
    if (ms > this.max) this.max = ms;
  }

  /** Nearest-rank percentile, as the upper edge of its 0.1-ms bucket. */
  percentile(p: number): number {
    if (this.count === 0) return Number.NaN;
    const rank = Math.max(1, Math.ceil((p / 100) * this.count));
    let seen = 0;
    for (let i = 0; i < this.buckets.length; i++) {
      seen += this.buckets[i] ?? 0;
      if (seen >= rank) return Math.min((i + 1) / 10, this.max);
    }
    return this.max;
  }
}

type Client = {
  socket: WebSocket | undefined;
  cursor: StreamCursor | undefined;
  attempt: number;
  /** Events of the measured window this client received. */
  inWindow: number;
};

/** The measured events: seq in (from, to] of one epoch; `to` is open until the window closes. */
export type MeasureWindow = { epoch: string; from: number; to: number };

export type FleetCounters = {
  events: number;
  gaps: number;
  snapshots: number;
  replays: number;
  /** Connections that were open and closed (for whatever reason). */
  closes: number;
  connectErrors: number;
};

export class ClientFleet {
  latency = new LatencyHistogram();
  counters: FleetCounters = newCounters();
  /** Latencies are recorded, and deliveries counted per client, for events in this window only. */
  private window: MeasureWindow | undefined;
  private readonly clients: Client[];
  private stopped = false;

  constructor(
    private readonly url: string,
    size: number,
    private readonly backoff: Backoff,
    /** Told of every snapshot or replay a client receives, with the wall-clock time (ms). */
    private readonly onSynced: (epoch: string, at: number) => void,
  ) {
    this.clients = Array.from({ length: size }, () => ({
      socket: undefined,
      cursor: undefined,
      attempt: 0,
      inWindow: 0,
    }));
  }

  /** Connects every client, `concurrency` handshakes at a time; resolves when each has synced or failed once. */
  async connectAll(concurrency: number): Promise<void> {
    let next = 0;
    const worker = async () => {
      while (next < this.clients.length) {
        const client = this.clients[next++];
        if (client) await this.connect(client);
      }
    };
    await Promise.all(Array.from({ length: concurrency }, worker));
  }

  /** Starts a new measured window, forgetting the previous one's figures. */
  startWindow(window: MeasureWindow): void {
    this.window = window;
    this.latency = new LatencyHistogram();
    for (const c of this.clients) c.inWindow = 0;
  }

  /** Per client, how many of the window's events it did not get (negative: got some twice). */
  missingInWindow(): { missing: number; duplicated: number; clientsShort: number } {
    const w = this.window;
    const expected = w ? w.to - w.from : 0;
    let missing = 0;
    let duplicated = 0;
    let clientsShort = 0;
    for (const c of this.clients) {
      if (c.inWindow < expected) clientsShort++;
      missing += Math.max(0, expected - c.inWindow);
      duplicated += Math.max(0, c.inWindow - expected);
    }
    return { missing, duplicated, clientsShort };
  }

  resetCounters(): FleetCounters {
    const old = this.counters;
    this.counters = newCounters();
    return old;
  }

  stop(): void {
    this.stopped = true;
    for (const client of this.clients) client.socket?.terminate();
  }

  private connect(client: Client): Promise<void> {
    return new Promise((resolve) => {
      const socket = new WebSocket(this.url, { perMessageDeflate: false });
      client.socket = socket;
      let opened = false;
      socket.on('open', () => {
        opened = true;
        const hello = client.cursor
          ? { type: 'hello', epoch: client.cursor.epoch, lastSeq: client.cursor.seq }
          : { type: 'hello' };
        socket.send(JSON.stringify(hello));
      });
      socket.on('message', (data) => {
        const receivedAt = wallNow();
        const frame = JSON.parse(String(data)) as ServerMessage<BenchEvent>;
        this.receive(client, frame, receivedAt);
        if (frame.type === 'snapshot' || frame.type === 'replay') resolve();
      });
      socket.on('error', () => {
        if (!opened) this.counters.connectErrors++;
      });
      socket.on('close', () => {
        if (opened) this.counters.closes++;
        client.socket = undefined;
        resolve();
        if (!this.stopped) this.scheduleReconnect(client);
      });
    });
  }

  private receive(client: Client, frame: ServerMessage<BenchEvent>, receivedAt: number): void {
    const next = followStream(client.cursor, frame);
    if (frame.type === 'event') {
      this.counters.events++;
      const w = this.window;
      if (w && frame.epoch === w.epoch && frame.seq > w.from && frame.seq <= w.to) {
        this.latency.add(receivedAt - frame.event.sentAt);
        client.inWindow++;
      }
      if (next === 'gap') {
        // Counted; a real desktop would reconnect and resume, the bench keeps following.
        this.counters.gaps++;
        client.cursor = { epoch: frame.epoch, seq: frame.seq };
        return;
      }
    }
    if (next === 'gap') return void this.counters.gaps++;
    client.cursor = next;
    if (frame.type === 'snapshot' || frame.type === 'replay') {
      if (frame.type === 'snapshot') this.counters.snapshots++;
      else this.counters.replays++;
      client.attempt = 0;
      this.onSynced(frame.epoch, wallNow());
    }
  }

  // Exponential backoff with "equal jitter": half the step fixed, half random, so 1,000 desktops
  // do not all come back in the same millisecond.
  private scheduleReconnect(client: Client): void {
    const step = Math.min(this.backoff.capMs, this.backoff.baseMs * 2 ** client.attempt);
    client.attempt++;
    const delay = step / 2 + Math.random() * (step / 2);
    setTimeout(() => {
      if (!this.stopped) void this.connect(client);
    }, delay);
  }
}

function newCounters(): FleetCounters {
  return { events: 0, gaps: 0, snapshots: 0, replays: 0, closes: 0, connectErrors: 0 };
}
