import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe } from 'vitest';
import { buildApp } from '../app.ts';
import { manualClock } from '../clock.ts';
import type { Config } from '../config.ts';
import { type CtiRuntime, createCtiRuntime } from '../cti/cti-runtime.ts';
import type { DbHandle } from '../db/database.ts';
import type { App, AppDeps } from '../http/app-types.ts';
import { type CallEventWriter, createCallEventWriter } from '../modules/call-records/call-event.writer.ts';
import { recordVoicemailEvents, type VoicemailRecorder } from '../modules/voicemail/index.ts';
import { DEMO_PASSWORD } from '../seed/demo-data.ts';
import { SimClock } from '../switch/sim/sim-clock.ts';
import { DIALECTS, type Dialect, testConfig, testHasher } from './test-config.ts';
import { openTestDatabase } from './test-database.ts';

export type ApiResponse<T = unknown> = { status: number; headers: Headers; body: T; text: string };

export type RequestOptions = {
  cookie?: string | undefined;
  body?: unknown;
  rawBody?: string;
  headers?: Record<string, string>;
};

/** A running server on a fresh demo database, spoken to over real HTTP on localhost. */
export type TestServer = {
  dialect: Dialect;
  app: App;
  deps: AppDeps;
  db: DbHandle['db'];
  clock: ReturnType<typeof manualClock>;
  /** The call-control core on the simulated switch, when started with `cti: true`. */
  cti: CtiRuntime | undefined;
  /** Writes the CTI events (and CDRs) of a `cti: true` server; flush before reading them. */
  callEvents: CallEventWriter | undefined;
  baseUrl: string;
  request<T = unknown>(method: string, path: string, opts?: RequestOptions): Promise<ApiResponse<T>>;
  /** Signs in and returns the Cookie header value for later requests. */
  login(employeeNo: string, password?: string): Promise<string>;
  /** Stores voicemails and callback requests of a `cti: true` server; flush before reading them. */
  voicemails: VoicemailRecorder | undefined;
  /** The staff id of a (demo) employee number. */
  staffId(employeeNo: string): Promise<number>;
  close(): Promise<void>;
};

export async function startTestServer(
  dialect: Dialect,
  opts: { config?: Partial<Config>; beforeListen?: (app: App) => void; cti?: boolean } = {},
): Promise<TestServer> {
  const handle = await openTestDatabase(dialect);
  const clock = manualClock();
  const ctiDir = opts.cti ? await mkdtemp(join(tmpdir(), 'switchboard-cti-data-')) : undefined;
  const cti = ctiDir
    ? await createCtiRuntime({
        db: handle.db,
        clock: new SimClock(clock.now()),
        dataDir: ctiDir,
        wrapUpMs: 30_000,
        recordByDefault: true,
      })
    : undefined;
  const writer = cti ? createCallEventWriter(handle.db, { epoch: 'test', batchMs: 5 }) : undefined;
  if (cti && writer) {
    let seq = 0;
    cti.onEvent((event) => writer.append({ seq: ++seq, at: cti.clock.now().toISOString(), event }));
  }
  const voicemails = cti ? recordVoicemailEvents(handle.db, cti) : undefined;
  const deps: AppDeps = {
    db: handle.db,
    dbKind: handle.kind,
    // Call control records into its own folder: the server reads recordings from the same place.
    config: { ...testConfig, ...opts.config, ...(ctiDir ? { dataDir: ctiDir } : {}) },
    clock,
    hasher: testHasher,
    ...(cti ? { cti } : {}),
  };
  const app = await buildApp(deps, { logger: false, serveWeb: false });
  opts.beforeListen?.(app);
  await app.listen({ port: 0, host: '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const baseUrl = `http://127.0.0.1:${port}`;

  const request = async <T>(
    method: string,
    path: string,
    o: RequestOptions = {},
  ): Promise<ApiResponse<T>> => {
    const headers: Record<string, string> = { ...o.headers };
    if (o.cookie) headers.cookie = o.cookie;
    let body: string | undefined;
    if (o.rawBody !== undefined) body = o.rawBody;
    else if (o.body !== undefined) {
      body = JSON.stringify(o.body);
      headers['content-type'] ??= 'application/json';
    }
    const res = await fetch(baseUrl + path, { method, headers, body });
    const text = await res.text();
    let parsed: unknown = text;
    if (res.headers.get('content-type')?.includes('application/json')) parsed = JSON.parse(text);
    return { status: res.status, headers: res.headers, body: parsed as T, text };
  };

  const login = async (employeeNo: string, password = DEMO_PASSWORD) => {
    const res = await request('POST', '/api/auth/login', { body: { employeeNo, password } });
    if (res.status !== 200) throw new Error(`login ${employeeNo} failed: ${res.status} ${res.text}`);
    return sessionCookieOf(res.headers);
  };

  return {
    dialect,
    app,
    deps,
    db: handle.db,
    clock,
    cti,
    callEvents: writer,
    voicemails,
    baseUrl,
    request,
    login,
    staffId: async (employeeNo) =>
      (
        await handle.db
          .selectFrom('staff')
          .select('id')
          .where('employee_no', '=', employeeNo)
          .executeTakeFirstOrThrow()
      ).id,
    close: async () => {
      await app.close();
      await cti?.stop();
      await voicemails?.flush();
      voicemails?.close();
      await writer?.close();
      await handle.close();
      if (ctiDir) await rm(ctiDir, { recursive: true, force: true });
    },
  };
}

export function sessionCookieOf(headers: Headers): string {
  const setCookie = headers.getSetCookie().find((c) => c.startsWith('sb_session='));
  if (!setCookie) throw new Error('no session cookie set');
  return setCookie.split(';')[0] ?? '';
}

/**
 * Runs a suite once per database dialect, each with its own fresh server (Kysely's
 * `for (const dialect of DIALECTS)` pattern). The callback gets a getter for the server.
 */
export function describeOnEachDialect(
  name: string,
  suite: (server: () => TestServer) => void,
  opts: Parameters<typeof startTestServer>[1] = {},
): void {
  for (const dialect of DIALECTS) {
    describe(`${name} [${dialect}]`, () => {
      let server: TestServer | undefined;
      beforeAll(async () => {
        server = await startTestServer(dialect, opts);
      });
      afterAll(async () => {
        await server?.close();
      });
      suite(() => {
        if (!server) throw new Error('test server not started');
        return server;
      });
    });
  }
}

/** The error shape every API error has. */
export type ErrorBody = {
  error: { code: string; message: string; fields?: { path: string; message: string }[] };
};
/** A list endpoint's answer. */
export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
