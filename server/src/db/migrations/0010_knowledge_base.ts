import { type Kysely, sql } from 'kysely';

// Knowledge base (KB-1). A two-level category tree; articles with a working copy that writers
// edit; every publish appends an immutable version (the database refuses UPDATE and DELETE on
// kb_article_versions), and readers always see the version named by published_version.
// search_text on a version is the lower-cased title + keywords + body; a pg_trgm GIN index makes
// the substring search fast where the extension exists (as in 0005; PGlite may lack it).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE kb_categories (
      id serial PRIMARY KEY,
      parent_id integer REFERENCES kb_categories(id),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 40),
      requires_review boolean NOT NULL DEFAULT false,
      position integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX kb_categories_name ON kb_categories (coalesce(parent_id, 0), name);

    CREATE TABLE kb_articles (
      id serial PRIMARY KEY,
      category_id integer NOT NULL REFERENCES kb_categories(id),
      title text NOT NULL,
      body text NOT NULL,
      keywords jsonb NOT NULL DEFAULT '[]',
      effective_from timestamptz,
      effective_to timestamptz,
      status text NOT NULL CHECK (status IN ('draft', 'published', 'archived')),
      review_state text NOT NULL DEFAULT 'none'
        CHECK (review_state IN ('none', 'pending', 'approved', 'rejected')),
      review_note text,
      has_changes boolean NOT NULL DEFAULT true,
      published_version integer,
      author_id integer REFERENCES staff(id),
      edited_by integer REFERENCES staff(id),
      reviewer_id integer REFERENCES staff(id),
      reviewed_at timestamptz,
      last_checked_at timestamptz,
      view_count integer NOT NULL DEFAULT 0,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (effective_to IS NULL OR effective_from IS NULL OR effective_to > effective_from)
    );
    CREATE INDEX kb_articles_category ON kb_articles (category_id);
    CREATE INDEX kb_articles_views ON kb_articles (view_count DESC) WHERE status = 'published';

    CREATE TABLE kb_article_versions (
      id bigserial PRIMARY KEY,
      article_id integer NOT NULL REFERENCES kb_articles(id),
      version integer NOT NULL CHECK (version >= 1),
      category_id integer NOT NULL REFERENCES kb_categories(id),
      title text NOT NULL,
      body text NOT NULL,
      keywords jsonb NOT NULL,
      search_text text NOT NULL,
      published_by integer REFERENCES staff(id),
      reviewed_by integer REFERENCES staff(id),
      published_at timestamptz NOT NULL,
      UNIQUE (article_id, version)
    );
    CREATE TRIGGER kb_article_versions_append_only BEFORE UPDATE OR DELETE ON kb_article_versions
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

    CREATE TABLE kb_feedback (
      article_id integer NOT NULL REFERENCES kb_articles(id),
      staff_id integer NOT NULL REFERENCES staff(id),
      helpful boolean NOT NULL,
      at timestamptz NOT NULL,
      PRIMARY KEY (article_id, staff_id)
    );

    CREATE TABLE kb_error_reports (
      id serial PRIMARY KEY,
      article_id integer NOT NULL REFERENCES kb_articles(id),
      reported_by integer NOT NULL REFERENCES staff(id),
      note text NOT NULL,
      at timestamptz NOT NULL,
      resolved_by integer REFERENCES staff(id),
      resolved_at timestamptz
    );
    CREATE INDEX kb_error_reports_open ON kb_error_reports (at DESC) WHERE resolved_at IS NULL;

    DO $$
    BEGIN
      BEGIN
        CREATE EXTENSION IF NOT EXISTS pg_trgm;
      EXCEPTION WHEN others THEN
        RAISE NOTICE 'pg_trgm not available: knowledge search runs without its index';
      END;
      IF EXISTS (SELECT 1 FROM pg_extension WHERE extname = 'pg_trgm') THEN
        EXECUTE 'CREATE INDEX kb_article_versions_search_trgm ON kb_article_versions USING gin (search_text gin_trgm_ops)';
      END IF;
    END $$;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE kb_error_reports, kb_feedback, kb_article_versions, kb_articles, kb_categories;
  `.execute(db);
}
