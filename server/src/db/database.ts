import { mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { pgliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

export type Db = Kysely<Database>;
export type DbKind = 'pglite' | 'postgresql';
export type DbHandle = { db: Db; kind: DbKind; close(): Promise<void> };

// bigint (int8) and numeric come back as strings from both drivers: keep them so, never lose digits.
pg.types.setTypeParser(pg.types.builtins.INT8, (v) => v);

/** PostgreSQL server when a URL is given, otherwise embedded PGlite in `dataDir` (or in memory). */
export async function openDatabase(opts: { databaseUrl?: string; dataDir?: string }): Promise<DbHandle> {
  if (opts.databaseUrl) {
    const pool = new pg.Pool({ connectionString: opts.databaseUrl, max: 10 });
    // An idle connection the server drops (restart, failover, admin) must not crash the process:
    // the pool discards it and opens a new one for the next query.
    pool.on('error', (err) => console.error(`PostgreSQL connection lost: ${err.message}`));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgresql', close: () => db.destroy() };
  }
  let unlock = async () => {};
  if (opts.dataDir) {
    await mkdir(opts.dataDir, { recursive: true });
    unlock = await lockDataDir(opts.dataDir);
  }
  // pg_trgm backs the substring search of customers (QRY-1, migration 0005).
  const client = await PGlite.create({
    ...(opts.dataDir ? { dataDir: opts.dataDir } : {}),
    extensions: { pg_trgm },
  });
  const db = new Kysely<Database>({ dialect: pgliteDialect(client) });
  return {
    db,
    kind: 'pglite',
    close: async () => {
      await db.destroy();
      await unlock();
    },
  };
}

export class DataDirLockedError extends Error {}

// An embedded database belongs to one process: a second server on the same folder would corrupt
// it. The lock names the owner's pid; a lock left by a process that no longer runs is taken over.
async function lockDataDir(dataDir: string): Promise<() => Promise<void>> {
  const lockFile = join(dataDir, 'switchboard.lock');
  const owner = Number((await readFile(lockFile, 'utf8').catch(() => '')).trim());
  if (owner && owner !== process.pid && isRunning(owner)) {
    throw new DataDirLockedError(
      `The data folder ${dataDir} is in use by another Switchboard process (pid ${owner}). Stop it first, or set DATA_DIR.`,
    );
  }
  await writeFile(lockFile, String(process.pid));
  return () => rm(lockFile, { force: true });
}

function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
