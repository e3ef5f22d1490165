import { type ChildProcess, spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import type { ServerReport } from './server.ts';

// Starting, questioning and killing the bench server (server.ts) as a child process.

const REPO_ROOT = fileURLToPath(new URL('../../', import.meta.url));

export type ServerStats = Extract<ServerReport, { type: 'stats' }>;
export type BenchServer = { child: ChildProcess; ready: Promise<Extract<ServerReport, { type: 'ready' }>> };

export function startServer(port: number, rate: number): BenchServer {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/ws/server.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), RATE: String(rate) },
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  const ready = new Promise<Extract<ServerReport, { type: 'ready' }>>((resolve, reject) => {
    child.on('message', (m: ServerReport) => {
      if (m.type === 'ready') resolve(m);
    });
    child.once('exit', (code) => reject(new Error(`bench server exited with ${code} before it was ready`)));
  });
  return { child, ready };
}

/** The server's position and its publishing figures since the previous call. */
export function serverStats(child: ChildProcess): Promise<ServerStats> {
  return new Promise((resolve) => {
    const onMessage = (m: ServerReport) => {
      if (m.type !== 'stats') return;
      child.off('message', onMessage);
      resolve(m);
    };
    child.on('message', onMessage);
    child.send('stats');
  });
}

export async function killServer(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGKILL');
  await exited;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      srv.close(() => resolve(port));
    });
  });
}
