import { type Kysely, sql } from 'kysely';

// Server-side sessions, the login log (PLAT-2) and the general audit trail (PLAT-6).
// Audit rows are append-only: the database itself refuses UPDATE and DELETE on them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE sessions (
      id_hash text PRIMARY KEY,
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      ip text NOT NULL,
      user_agent text NOT NULL,
      revoked_at timestamptz
    );
    CREATE INDEX sessions_staff ON sessions (staff_id);

    CREATE TABLE login_audit (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      event text NOT NULL CHECK (event IN ('login', 'logout')),
      login_name text NOT NULL,
      staff_id integer REFERENCES staff(id) ON DELETE SET NULL,
      ip text NOT NULL,
      user_agent text NOT NULL,
      result text NOT NULL CHECK (result IN ('success', 'failure', 'refused')),
      reason text
    );
    CREATE INDEX login_audit_login_name_at ON login_audit (lower(login_name), at);
    CREATE INDEX login_audit_ip_at ON login_audit (ip, at);
    CREATE INDEX login_audit_at ON login_audit (at);

    CREATE TABLE audit_events (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      actor_id integer REFERENCES staff(id) ON DELETE SET NULL,
      actor_employee_no text,
      action text NOT NULL,
      object_type text NOT NULL,
      object_id text,
      ip text,
      detail jsonb NOT NULL DEFAULT '{}'::jsonb
    );
    CREATE INDEX audit_events_at ON audit_events (at);
    CREATE INDEX audit_events_actor ON audit_events (actor_id, at);

    CREATE FUNCTION refuse_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'history rows in % are append-only', TG_TABLE_NAME USING ERRCODE = 'P0001';
    END $$;
    CREATE TRIGGER login_audit_append_only BEFORE UPDATE OR DELETE ON login_audit
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
    CREATE TRIGGER audit_events_append_only BEFORE UPDATE OR DELETE ON audit_events
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE audit_events, login_audit, sessions;
    DROP FUNCTION refuse_history_change();
  `.execute(db);
}
