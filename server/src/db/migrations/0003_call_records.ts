import { type Kysely, sql } from 'kysely';

// Telephony records (ARCHITECTURE §6, CTI-14, CTI-20). `call_events` is the source of truth: every
// event the CTI engine publishes, appended once (idempotency key). Agent state history and CDRs are
// derived from it. Events and history rows are append-only; a CDR is inserted once, when its call
// ends. Every timestamp is the engine's clock, written by the application, never now().
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE call_events (
      id bigserial PRIMARY KEY,
      at timestamptz NOT NULL,
      call_id text,
      agent_id integer,
      type text NOT NULL,
      data jsonb NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      epoch text NOT NULL,
      seq bigint
    );
    CREATE INDEX call_events_call ON call_events (call_id, id);
    CREATE INDEX call_events_at ON call_events (at);
    CREATE INDEX call_events_agent_state ON call_events (agent_id, id) WHERE type = 'agent_state';

    CREATE TABLE agent_state_history (
      id bigserial PRIMARY KEY,
      agent_id integer NOT NULL,
      state text NOT NULL,
      reason text,
      call_id text,
      started_at timestamptz NOT NULL,
      ended_at timestamptz NOT NULL,
      duration_ms bigint NOT NULL CHECK (duration_ms >= 0),
      end_cause text NOT NULL CHECK (end_cause IN ('state_change', 'system_restart')),
      event_id bigint NOT NULL UNIQUE REFERENCES call_events(id)
    );
    CREATE INDEX agent_state_history_agent ON agent_state_history (agent_id, started_at);

    CREATE TABLE cdrs (
      call_id text PRIMARY KEY,
      direction text NOT NULL CHECK (direction IN ('inbound', 'outbound', 'internal')),
      caller_number text NOT NULL,
      called_number text NOT NULL,
      access_code text,
      queue_id text,
      first_agent_id integer,
      last_agent_id integer,
      started_at timestamptz NOT NULL,
      queued_at timestamptz,
      offered_at timestamptz,
      answered_at timestamptz,
      ended_at timestamptz NOT NULL,
      end_cause text NOT NULL,
      disposition text NOT NULL
        CHECK (disposition IN ('answered', 'abandoned', 'unanswered', 'transferred_out', 'failed')),
      wait_ms bigint NOT NULL,
      talk_ms bigint NOT NULL,
      hold_ms bigint NOT NULL,
      transfers integer NOT NULL,
      recording_files jsonb NOT NULL,
      vip boolean NOT NULL,
      created_at timestamptz NOT NULL
    );
    CREATE INDEX cdrs_started ON cdrs (started_at DESC, call_id DESC);
    CREATE INDEX cdrs_caller ON cdrs (caller_number, started_at);
    CREATE INDEX cdrs_first_agent ON cdrs (first_agent_id, started_at);
    CREATE INDEX cdrs_last_agent ON cdrs (last_agent_id, started_at);

    CREATE TABLE cdr_legs (
      id bigserial PRIMARY KEY,
      call_id text NOT NULL REFERENCES cdrs(call_id) ON DELETE CASCADE,
      role text NOT NULL,
      staff_id integer,
      number text,
      offered_at timestamptz,
      joined_at timestamptz,
      left_at timestamptz,
      talk_ms bigint NOT NULL
    );
    CREATE INDEX cdr_legs_call ON cdr_legs (call_id, id);
    CREATE INDEX cdr_legs_staff ON cdr_legs (staff_id, call_id);

    CREATE TRIGGER call_events_append_only BEFORE UPDATE OR DELETE ON call_events
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
    CREATE TRIGGER agent_state_history_append_only BEFORE UPDATE OR DELETE ON agent_state_history
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE cdr_legs, cdrs, agent_state_history, call_events`.execute(db);
}
