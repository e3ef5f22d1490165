import { Agent, type IncomingHttpHeaders, type OutgoingHttpHeaders, request } from 'node:http';

// A small keep-alive HTTP/1.1 client on node:http. Lighter on CPU than fetch (the bench shares the
// machine with the server) and with an explicit socket pool, so N virtual users really hold N
// connections. Every request has a hard timeout covering connect, send and the whole body.

export type HttpResponse = { status: number; headers: IncomingHttpHeaders; body: string };

export type HttpClient = {
  send(
    method: string,
    path: string,
    opts?: { json?: unknown; cookie?: string | undefined },
  ): Promise<HttpResponse>;
  close(): void;
};

export class RequestTimeoutError extends Error {
  readonly code = 'TIMEOUT';
}

export function createHttpClient(
  baseUrl: string,
  opts: { maxSockets: number; timeoutMs: number },
): HttpClient {
  const url = new URL(baseUrl);
  const agent = new Agent({ keepAlive: true, maxSockets: opts.maxSockets, maxFreeSockets: opts.maxSockets });
  return {
    send(method, path, { json, cookie } = {}) {
      return new Promise<HttpResponse>((resolve, reject) => {
        const payload = json === undefined ? undefined : Buffer.from(JSON.stringify(json));
        const headers: OutgoingHttpHeaders = {
          accept: 'application/json',
          'user-agent': 'switchboard-bench',
        };
        if (payload) {
          headers['content-type'] = 'application/json';
          headers['content-length'] = payload.length;
        }
        if (cookie) headers.cookie = cookie;
        let settled = false;
        const finish = (fn: () => void) => {
          if (settled) return;
          settled = true;
          clearTimeout(timer);
          fn();
        };
        const req = request({ host: url.hostname, port: url.port, method, path, headers, agent }, (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('error', (err) => finish(() => reject(err)));
          res.on('end', () =>
            finish(() =>
              resolve({
                status: res.statusCode ?? 0,
                headers: res.headers,
                body: Buffer.concat(chunks).toString(),
              }),
            ),
          );
        });
        const timer = setTimeout(() => {
          const err = new RequestTimeoutError(`${method} ${path} timed out after ${opts.timeoutMs} ms`);
          finish(() => reject(err));
          req.destroy(err);
        }, opts.timeoutMs);
        req.on('error', (err) => finish(() => reject(err)));
        req.end(payload);
      });
    },
    close() {
      agent.destroy();
    },
  };
}

/** `sb_session=…` from a login response's Set-Cookie, ready for a Cookie header. */
export function sessionCookie(res: HttpResponse, name = 'sb_session'): string | undefined {
  for (const line of res.headers['set-cookie'] ?? []) {
    const pair = line.split(';', 1)[0] ?? '';
    if (pair.startsWith(`${name}=`) && pair.length > name.length + 1) return pair;
  }
  return undefined;
}

/** A short label for a failed request: `HTTP 503`, `TIMEOUT`, `ECONNRESET`… */
export function errorLabel(err: unknown): string {
  if (err && typeof err === 'object' && 'code' in err && typeof err.code === 'string') return err.code;
  if (err instanceof Error) return err.name;
  return 'unknown error';
}
