import { type Kysely, sql } from 'kysely';

// Tickets (CPL-1 … CPL-11, BIZ-1): complaints, suggestions and service requests; one workflow row
// per (kind, category) (CPL-3); an append-only history of every state change (CPL-6, refused by
// the trigger function of migration 0002); one alert row per (ticket, escalation level) so the
// deadline watch never warns twice (CPL-7); a per-day counter for the ticket numbers.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE ticket_workflows (
      id serial PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('complaint', 'suggestion', 'service_request')),
      category text NOT NULL,
      review_department_id integer REFERENCES departments(id) ON DELETE SET NULL,
      default_deadline_hours integer NOT NULL CHECK (default_deadline_hours > 0),
      UNIQUE (kind, category)
    );

    CREATE TABLE ticket_number_counters (
      day text PRIMARY KEY,
      last integer NOT NULL
    );

    CREATE TABLE tickets (
      id serial PRIMARY KEY,
      number text NOT NULL UNIQUE,
      kind text NOT NULL CHECK (kind IN ('complaint', 'suggestion', 'service_request')),
      category text NOT NULL,
      state text NOT NULL CHECK (state IN
        ('new', 'dispatched', 'processing', 'answered', 'rejected', 'replied', 'closed')),
      occurred_at timestamptz NOT NULL,
      phone text NOT NULL,
      card_no text,
      customer_name text,
      gender text NOT NULL CHECK (gender IN ('male', 'female', 'unknown')),
      first_code text,
      aspect_price boolean NOT NULL DEFAULT false,
      aspect_effect boolean NOT NULL DEFAULT false,
      aspect_service boolean NOT NULL DEFAULT false,
      reason text NOT NULL,
      remarks text,
      customer_id integer,
      call_id text,
      owner_id integer NOT NULL REFERENCES staff(id),
      department_id integer REFERENCES departments(id),
      responsible_id integer REFERENCES staff(id),
      deadline_at timestamptz,
      validity text CHECK (validity IN ('valid', 'invalid')),
      invalid_reason text,
      answer text,
      reply_channel text CHECK (reply_channel IN ('phone', 'sms', 'email')),
      reply_note text,
      satisfaction text CHECK (satisfaction IN ('satisfied', 'fair', 'dissatisfied')),
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX tickets_owner_state ON tickets (owner_id, state);
    CREATE INDEX tickets_department_state ON tickets (department_id, state);
    CREATE INDEX tickets_customer ON tickets (customer_id, created_at);
    CREATE INDEX tickets_created ON tickets (created_at);
    CREATE INDEX tickets_deadline ON tickets (deadline_at) WHERE state IN ('dispatched', 'processing');

    CREATE TABLE ticket_events (
      id bigserial PRIMARY KEY,
      ticket_id integer NOT NULL REFERENCES tickets(id),
      at timestamptz NOT NULL,
      actor_id integer REFERENCES staff(id),
      action text NOT NULL,
      from_state text,
      to_state text NOT NULL,
      note text
    );
    CREATE INDEX ticket_events_ticket ON ticket_events (ticket_id, id);
    CREATE TRIGGER ticket_events_append_only BEFORE UPDATE OR DELETE ON ticket_events
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

    CREATE TABLE ticket_alerts (
      ticket_id integer NOT NULL REFERENCES tickets(id),
      level integer NOT NULL CHECK (level >= 1),
      at timestamptz NOT NULL,
      recipient_count integer NOT NULL,
      PRIMARY KEY (ticket_id, level)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE ticket_alerts, ticket_events, tickets, ticket_number_counters, ticket_workflows;`.execute(
    db,
  );
}
