import { type Kysely, sql } from 'kysely';

// IVR flows (IVR-1): a flow has numbered versions; a version's definition (JSON) is editable
// while it is a draft and immutable once published. An access code points to the flow, and the
// flow to its one published version; calls keep the version they started on (ivr_sessions).
// Service passwords (IVR-2) are stored hashed with a lockout; each set/change/verify is logged.
// The IVR log (IVR-3) is append-only; ivr_sessions holds each call's exit class (IVR-5).
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ivr_flows (
      id serial PRIMARY KEY,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 60),
      access_code text UNIQUE CHECK (access_code ~ '^[0-9]{3,8}$'),
      published_version_id integer,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE ivr_flow_versions (
      id serial PRIMARY KEY,
      flow_id integer NOT NULL REFERENCES ivr_flows(id) ON DELETE CASCADE,
      version integer NOT NULL CHECK (version > 0),
      status text NOT NULL CHECK (status IN ('draft', 'published', 'retired')),
      definition jsonb NOT NULL,
      created_by integer REFERENCES staff(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      published_at timestamptz,
      UNIQUE (flow_id, version)
    );
    ALTER TABLE ivr_flows ADD CONSTRAINT ivr_flows_published_version
      FOREIGN KEY (published_version_id) REFERENCES ivr_flow_versions(id);

    CREATE TABLE ivr_service_passwords (
      phone_number text PRIMARY KEY CHECK (phone_number ~ '^[0-9]{3,20}$'),
      password_hash text NOT NULL,
      failed_attempts integer NOT NULL DEFAULT 0,
      locked_until timestamptz,
      updated_at timestamptz NOT NULL
    );

    CREATE TABLE ivr_password_events (
      id bigserial PRIMARY KEY,
      phone_number text NOT NULL,
      call_id text,
      kind text NOT NULL CHECK (kind IN ('set', 'change', 'verify_ok', 'verify_fail', 'locked', 'verify_locked')),
      at timestamptz NOT NULL
    );
    CREATE INDEX ivr_password_events_phone ON ivr_password_events (phone_number, at);

    CREATE TABLE ivr_sessions (
      call_id text PRIMARY KEY,
      flow_version_id integer NOT NULL REFERENCES ivr_flow_versions(id),
      caller_number text NOT NULL,
      access_code text NOT NULL,
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      service text,
      exit_class text CHECK (exit_class IN ('self_served', 'abandoned_ivr', 'abandoned_queue', 'transferred_agent')),
      path text[] NOT NULL DEFAULT '{}'
    );
    CREATE INDEX ivr_sessions_started ON ivr_sessions (flow_version_id, started_at);

    CREATE TABLE ivr_log (
      id bigserial PRIMARY KEY,
      call_id text NOT NULL REFERENCES ivr_sessions(call_id) ON DELETE CASCADE,
      seq integer NOT NULL,
      at timestamptz NOT NULL,
      node_id text,
      event text NOT NULL,
      detail jsonb NOT NULL DEFAULT '{}',
      UNIQUE (call_id, seq)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE ivr_log, ivr_sessions, ivr_password_events, ivr_service_passwords;
    ALTER TABLE ivr_flows DROP CONSTRAINT ivr_flows_published_version;
    DROP TABLE ivr_flow_versions, ivr_flows;
  `.execute(db);
}
