import { type Kysely, sql } from 'kysely';

// Customers (CRM-1…4) and saved queries (QRY-1). Phones live in their own table, digits only,
// so one lookup by number is a b-tree probe. `search_text` is the lower-cased concatenation of
// everything the comprehensive query matches (name, phones, card, address, custom values); the
// application rewrites it on every change, and a pg_trgm GIN index makes substring search fast
// where the extension exists (PGlite loads it in database.ts; PostgreSQL ships it in contrib).
// A merged record is kept and points at the survivor (merged_into): nothing is hard-deleted.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE customer_field_defs (
      id serial PRIMARY KEY,
      key text NOT NULL UNIQUE CHECK (key ~ '^[a-z][a-z0-9_]{0,39}$'),
      label text NOT NULL CHECK (char_length(label) BETWEEN 1 AND 40),
      type text NOT NULL CHECK (type IN ('text', 'number', 'date', 'choice')),
      choices jsonb NOT NULL DEFAULT '[]',
      created_at timestamptz NOT NULL
    );

    CREATE TABLE customers (
      id serial PRIMARY KEY,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 50),
      gender text NOT NULL DEFAULT 'unknown' CHECK (gender IN ('male', 'female', 'unknown')),
      card_no text,
      address text,
      area_id integer REFERENCES areas(id) ON DELETE SET NULL,
      vip_level integer NOT NULL DEFAULT 0 CHECK (vip_level BETWEEN 0 AND 5),
      email text,
      preferred_channel text NOT NULL DEFAULT 'phone' CHECK (preferred_channel IN ('phone', 'sms', 'email')),
      origin_channels jsonb NOT NULL DEFAULT '[]',
      gift_willing boolean,
      custom jsonb NOT NULL DEFAULT '{}',
      search_text text NOT NULL DEFAULT '',
      merged_into integer REFERENCES customers(id),
      created_by integer REFERENCES staff(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX customers_card ON customers (card_no) WHERE merged_into IS NULL;
    CREATE INDEX customers_live ON customers (id DESC) WHERE merged_into IS NULL;

    CREATE TABLE customer_phones (
      customer_id integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      phone text NOT NULL CHECK (phone ~ '^[0-9]{3,20}$'),
      position integer NOT NULL,
      PRIMARY KEY (customer_id, phone)
    );
    CREATE INDEX customer_phones_phone ON customer_phones (phone);

    CREATE TABLE customer_timeline (
      id bigserial PRIMARY KEY,
      customer_id integer NOT NULL REFERENCES customers(id) ON DELETE CASCADE,
      at timestamptz NOT NULL,
      kind text NOT NULL CHECK (kind IN ('call', 'ticket', 'follow_up', 'sms', 'email', 'note')),
      ref_id text NOT NULL,
      summary text NOT NULL,
      staff_id integer REFERENCES staff(id) ON DELETE SET NULL
    );
    CREATE INDEX customer_timeline_customer ON customer_timeline (customer_id, at DESC);

    CREATE TABLE customer_imports (
      id serial PRIMARY KEY,
      file_name text NOT NULL,
      status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
      total_rows integer NOT NULL DEFAULT 0,
      processed_rows integer NOT NULL DEFAULT 0,
      imported_rows integer NOT NULL DEFAULT 0,
      duplicate_rows integer NOT NULL DEFAULT 0,
      rejected jsonb NOT NULL DEFAULT '[]',
      created_by integer REFERENCES staff(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      finished_at timestamptz
    );

    CREATE TABLE saved_queries (
      id serial PRIMARY KEY,
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      name text NOT NULL,
      criteria jsonb NOT NULL,
      created_at timestamptz NOT NULL,
      UNIQUE (staff_id, name)
    );

    DO $$
    BEGIN
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN others THEN
        RAISE NOTICE 'pg_trgm not available: substring search runs without its index';
      END;
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX customers_search_trgm ON customers USING gin (search_text gin_trgm_ops)';
        EXECUTE 'CREATE INDEX staff_name_trgm ON staff USING gin (name gin_trgm_ops)';
      END IF;
    END $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP INDEX IF EXISTS staff_name_trgm;
    DROP TABLE saved_queries, customer_imports, customer_timeline, customer_phones, customers,
      customer_field_defs;
  `.execute(db);
}
