import { PGlite } from '@electric-sql/pglite';
import { Kysely, Migrator, NO_MIGRATIONS, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../testing/test-config.ts';
import { openTestDatabase } from '../testing/test-database.ts';
import { migrateToLatest } from './migrate.ts';
import { migrations } from './migrations/index.ts';
import { pgliteDialect } from './pglite-dialect.ts';
import type { Database } from './schema.ts';

describe('migrations', () => {
  it('apply in order to an empty database, roll all the way back and apply again', async () => {
    const db = new Kysely<Database>({ dialect: pgliteDialect(await PGlite.create()) });
    try {
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
      const migrator = new Migrator({ db, provider: { getMigrations: async () => migrations } });
      const down = await migrator.migrateTo(NO_MIGRATIONS);
      expect(down.error).toBeUndefined();
      const tables = await sql<{
        n: string;
      }>`select count(*) as n from information_schema.tables where table_schema = 'public' and table_name not like 'kysely_%'`.execute(
        db,
      );
      expect(Number(tables.rows[0]?.n)).toBe(0);
      expect(await migrateToLatest(db)).toEqual(Object.keys(migrations));
    } finally {
      await db.destroy();
    }
  });

  for (const dialect of DIALECTS) {
    it(`leave nothing to apply on the test template [${dialect}]`, async () => {
      const handle = await openTestDatabase(dialect);
      try {
        expect(await migrateToLatest(handle.db)).toEqual([]);
      } finally {
        await handle.close();
      }
    });
  }
});
