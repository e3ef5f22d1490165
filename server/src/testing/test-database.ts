import { randomBytes } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import pg from 'pg';
import { inject } from 'vitest';
import { type DbHandle, openDatabase } from '../db/database.ts';
import { pgliteDialect } from '../db/pglite-dialect.ts';
import type { Database } from '../db/schema.ts';
import { type Dialect, withDatabase } from './test-config.ts';

/** A fresh, migrated database holding the demo centre, for one test file on one dialect. */
export async function openTestDatabase(dialect: Dialect): Promise<DbHandle> {
  if (dialect === 'pglite') {
    const file = inject('pgliteTemplate');
    const client = await PGlite.create({
      loadDataDir: new Blob([await readFile(file)]),
      extensions: { pg_trgm },
    });
    const db = new Kysely<Database>({ dialect: pgliteDialect(client) });
    return { db, kind: 'pglite', close: () => db.destroy() };
  }
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('DATABASE_URL is not set');
  const name = `switchboard_test_${process.pid}_${randomBytes(4).toString('hex')}`;
  await adminQuery(url, `CREATE DATABASE ${name} TEMPLATE ${inject('postgresTemplate')}`);
  const handle = await openDatabase({ databaseUrl: withDatabase(url, name) });
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await adminQuery(url, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    },
  };
}

async function adminQuery(url: string, sql: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(sql);
  } finally {
    await client.end();
  }
}
