import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { Kysely } from 'kysely';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { openDatabase } from '../db/database.ts';
import { migrateToLatest } from '../db/migrate.ts';
import { pgliteDialect } from '../db/pglite-dialect.ts';
import type { Database } from '../db/schema.ts';
import { seedDemoIfEmpty } from '../seed/seed-demo.ts';
import { testHasher, withDatabase } from './test-config.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    pgliteTemplate: string;
    /** This run's PostgreSQL template database (unique, so parallel runs never share one). */
    postgresTemplate: string;
  }
}

// Once per test run: one migrated, demo-seeded database per dialect. Every test file then
// starts from its own copy (a PGlite data-dir image, or CREATE DATABASE … TEMPLATE).
const SEED_TIME = new Date('2026-01-05T08:00:00Z');

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const dir = await mkdtemp(join(tmpdir(), 'switchboard-test-'));
  // Same extensions as the server's embedded database (db/database.ts).
  const client = await PGlite.create({ extensions: { pg_trgm } });
  const db = new Kysely<Database>({ dialect: pgliteDialect(client) });
  await migrateToLatest(db);
  await seedDemoIfEmpty(db, testHasher, SEED_TIME);
  const image = await client.dumpDataDir('none');
  const file = join(dir, 'pglite-template.tar');
  await writeFile(file, Buffer.from(await image.arrayBuffer()));
  await db.destroy();
  project.provide('pgliteTemplate', file);

  const url = process.env.DATABASE_URL;
  const TEMPLATE_DB = `switchboard_test_template_${process.pid}`;
  project.provide('postgresTemplate', TEMPLATE_DB);
  if (url) {
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${TEMPLATE_DB}`);
    await admin.end();
    const handle = await openDatabase({ databaseUrl: withDatabase(url, TEMPLATE_DB) });
    await migrateToLatest(handle.db);
    await seedDemoIfEmpty(handle.db, testHasher, SEED_TIME);
    await handle.close();
  }

  return async () => {
    await rm(dir, { recursive: true, force: true });
    if (url) {
      const admin = new pg.Client({ connectionString: url });
      await admin.connect();
      await admin.query(`DROP DATABASE IF EXISTS ${TEMPLATE_DB} WITH (FORCE)`);
      await admin.end();
    }
  };
}
