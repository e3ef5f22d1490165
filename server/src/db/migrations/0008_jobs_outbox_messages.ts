import { type Kysely, sql } from 'kysely';

// Durable jobs and periodic runs (server/src/jobs), the outbox with its sink and inbound SMS
// (MSG-2 … MSG-4), bulk SMS campaigns (群发审核), agent-to-agent messages and help requests
// (CTI-18). Every timestamp is written by the application's clock.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE jobs (
      id bigserial PRIMARY KEY,
      kind text NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      payload jsonb NOT NULL DEFAULT '{}',
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'running', 'done', 'dead')),
      run_at timestamptz NOT NULL,
      attempts integer NOT NULL DEFAULT 0,
      max_attempts integer NOT NULL DEFAULT 8 CHECK (max_attempts >= 1),
      locked_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL,
      finished_at timestamptz
    );
    CREATE INDEX jobs_due ON jobs (run_at) WHERE state IN ('queued', 'running');

    CREATE TABLE periodic_runs (
      name text PRIMARY KEY,
      next_run_at timestamptz NOT NULL,
      last_run_at timestamptz,
      last_error text
    );

    CREATE TABLE outbox_messages (
      id serial PRIMARY KEY,
      channel text NOT NULL CHECK (channel IN ('sms', 'email')),
      to_address text NOT NULL,
      subject text,
      body text NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      customer_id integer,
      source text NOT NULL,
      state text NOT NULL DEFAULT 'queued' CHECK (state IN ('queued', 'sending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0,
      last_error text,
      provider_message_id text,
      created_at timestamptz NOT NULL,
      sent_at timestamptz,
      delivered_at timestamptz
    );
    CREATE INDEX outbox_messages_state ON outbox_messages (state, id);
    CREATE INDEX outbox_messages_source ON outbox_messages (source);

    CREATE TABLE outbox_sink (
      id serial PRIMARY KEY,
      channel text NOT NULL,
      to_address text NOT NULL,
      subject text,
      body text NOT NULL,
      idempotency_key text NOT NULL UNIQUE,
      delivered_at timestamptz NOT NULL
    );

    CREATE TABLE sms_inbound (
      id serial PRIMARY KEY,
      from_number text NOT NULL,
      to_number text,
      body text NOT NULL,
      provider text NOT NULL,
      provider_message_id text,
      customer_id integer,
      received_at timestamptz NOT NULL,
      UNIQUE (provider, provider_message_id)
    );

    CREATE TABLE sms_campaigns (
      id serial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('activity', 'news', 'general')),
      title text NOT NULL,
      body text NOT NULL,
      audience jsonb NOT NULL,
      state text NOT NULL DEFAULT 'pending' CHECK (state IN ('pending', 'approved', 'rejected')),
      drafted_by integer NOT NULL REFERENCES staff(id),
      decided_by integer REFERENCES staff(id),
      decided_at timestamptz,
      reject_reason text,
      created_at timestamptz NOT NULL,
      CHECK (decided_by IS NULL OR decided_by <> drafted_by)
    );

    CREATE TABLE agent_messages (
      id serial PRIMARY KEY,
      from_staff_id integer NOT NULL REFERENCES staff(id),
      to_staff_id integer NOT NULL REFERENCES staff(id),
      body text NOT NULL,
      sent_at timestamptz NOT NULL,
      read_at timestamptz
    );
    CREATE INDEX agent_messages_inbox ON agent_messages (to_staff_id, id);
    CREATE INDEX agent_messages_sent ON agent_messages (from_staff_id, id);

    CREATE TABLE help_requests (
      id serial PRIMARY KEY,
      from_staff_id integer NOT NULL REFERENCES staff(id),
      body text NOT NULL,
      call_id text,
      taken_by integer REFERENCES staff(id),
      taken_at timestamptz,
      created_at timestamptz NOT NULL
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE help_requests, agent_messages, sms_campaigns, sms_inbound, outbox_sink,
      outbox_messages, periodic_runs, jobs;
  `.execute(db);
}
