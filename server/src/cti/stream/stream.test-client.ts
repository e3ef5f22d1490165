import type { ServerMessage } from '@switchboard/shared';
import WebSocket from 'ws';

// A WebSocket client for the stream's integration tests: frames are queued as they arrive and
// taken one at a time, each with a deadline, so a missing frame fails the test instead of hanging it.

export type Frame<E> = ServerMessage<E, unknown>;

export type StreamTestClient<E> = {
  socket: WebSocket;
  next(timeoutMs?: number): Promise<Frame<E>>;
  /** Fails if a frame arrives within `ms`. */
  expectQuiet(ms?: number): Promise<void>;
  send(message: unknown): void;
  closed: Promise<{ code: number; reason: string }>;
  close(): void;
};

export type RefusedUpgrade = { refused: number; body: string };

export function streamUrl(baseUrl: string): string {
  return `${baseUrl.replace(/^http/, 'ws')}/api/cti/stream`;
}

/** Opens the stream with an optional Cookie header; resolves once open, or with the refusal status. */
export function openStream<E>(
  baseUrl: string,
  cookie: string | undefined,
  options: WebSocket.ClientOptions = {},
): Promise<StreamTestClient<E> | RefusedUpgrade> {
  const socket = new WebSocket(streamUrl(baseUrl), {
    ...options,
    headers: cookie ? { cookie } : {},
  });
  const queue: Frame<E>[] = [];
  const waiting: ((frame: Frame<E>) => void)[] = [];
  socket.on('message', (data) => {
    const frame = JSON.parse(String(data)) as Frame<E>;
    const taker = waiting.shift();
    if (taker) taker(frame);
    else queue.push(frame);
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) => {
    socket.once('close', (code, reason) => resolve({ code, reason: reason.toString() }));
  });

  const client: StreamTestClient<E> = {
    socket,
    closed,
    next(timeoutMs = 2000) {
      const queued = queue.shift();
      if (queued) return Promise.resolve(queued);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiting.splice(waiting.indexOf(taker), 1);
          reject(new Error(`no frame within ${timeoutMs} ms`));
        }, timeoutMs);
        const taker = (frame: Frame<E>) => {
          clearTimeout(timer);
          resolve(frame);
        };
        waiting.push(taker);
      });
    },
    async expectQuiet(ms = 150) {
      await new Promise((r) => setTimeout(r, ms));
      if (queue.length > 0) throw new Error(`unexpected frame: ${JSON.stringify(queue[0])}`);
    },
    send(message) {
      socket.send(JSON.stringify(message));
    },
    close() {
      socket.terminate();
    },
  };

  return new Promise((resolve, reject) => {
    socket.once('open', () => resolve(client));
    socket.once('unexpected-response', (_req, res) => {
      let body = '';
      res.on('data', (chunk: Buffer) => {
        body += chunk.toString();
      });
      res.on('end', () => {
        socket.terminate();
        resolve({ refused: res.statusCode ?? 0, body });
      });
    });
    socket.on('error', reject);
  });
}

export function isRefused<E>(value: StreamTestClient<E> | RefusedUpgrade): value is RefusedUpgrade {
  return 'refused' in value;
}
