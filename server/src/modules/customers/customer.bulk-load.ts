import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

// Bulk load of synthetic customers for bench/customers (QRY-1 figures on 1M rows): one
// INSERT … SELECT generate_series, the trigram index built after the load. Never used by routes.

const arr = (s: string) => `ARRAY[${[...s].map((c) => `'${c}'`).join(',')}]`;

/** Loads `rows` generated customers (two phones each) for the bench; returns a one-line report. */
export async function loadSyntheticCustomers(
  db: Db,
  ROWS: number,
  SURNAMES: string,
  GIVEN: string,
): Promise<string> {
  const started = performance.now();
  await sql`INSERT INTO areas (code, name, created_at) VALUES ('EAST', '东区', now()), ('WEST', '西区', now())`.execute(
    db,
  );
  // Build the trigram index after the load: much faster than maintaining it row by row.
  await sql`DROP INDEX IF EXISTS customers_search_trgm`.execute(db);
  await sql
    .raw(`
    INSERT INTO customers (name, gender, card_no, address, vip_level, search_text, created_at, updated_at)
    SELECT n, 'unknown', 'C' || lpad(i::text, 9, '0'), '人民路' || (i % 999 + 1) || '号', (i % 50 = 0)::int,
           lower(n || ' 139' || lpad(i::text, 8, '0') || ' c' || lpad(i::text, 9, '0') || ' 人民路' || (i % 999 + 1) || '号'),
           now(), now()
    FROM (SELECT i, (${arr(SURNAMES)})[1 + i % 20] || (${arr(GIVEN)})[1 + (i / 20) % 20] || (${arr(GIVEN)})[1 + (i / 400) % 20] AS n
          FROM generate_series(1, ${ROWS}) AS i) s`)
    .execute(db);
  await sql
    .raw(`
    INSERT INTO customer_phones (customer_id, phone, position)
    SELECT id, '139' || lpad(id::text, 8, '0'), 0 FROM customers
    UNION ALL SELECT id, '0571' || lpad(id::text, 8, '0'), 1 FROM customers`)
    .execute(db);
  const loaded = performance.now();
  const trgm = await sql<{
    ok: boolean;
  }>`SELECT EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') AS ok`.execute(db);
  if (trgm.rows[0]?.ok) {
    await sql`CREATE INDEX customers_search_trgm ON customers USING gin (search_text gin_trgm_ops)`.execute(
      db,
    );
  }
  await sql`ANALYZE`.execute(db);
  return `loaded ${ROWS.toLocaleString()} customers in ${((loaded - started) / 1000).toFixed(1)} s, indexed in ${((performance.now() - loaded) / 1000).toFixed(1)} s (pg_trgm: ${trgm.rows[0]?.ok ? 'yes' : 'no'})`;
}
