import { type Kysely, sql } from 'kysely';

// VM-1, ACD-6: the voicemail box and the automatic callback requests (owned by modules/voicemail).
// One voicemail per call, with an append-only history and the calls an agent made back; one
// callback request per waiting caller (its original call id), with one row per attempt.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE voicemails (
      id serial PRIMARY KEY,
      call_id text NOT NULL UNIQUE,
      recording_id text NOT NULL,
      caller_number text NOT NULL,
      customer_id integer REFERENCES customers(id) ON DELETE SET NULL,
      access_code text,
      queue_id text,
      skill_group_id integer REFERENCES skill_groups(id) ON DELETE SET NULL,
      reason text NOT NULL CHECK (reason IN ('all_busy', 'after_hours', 'ivr', 'max_wait')),
      file text NOT NULL,
      duration_ms integer NOT NULL CHECK (duration_ms >= 0),
      recorded_at timestamptz NOT NULL,
      state text NOT NULL DEFAULT 'new' CHECK (state IN ('new', 'assigned', 'handled')),
      assigned_to integer REFERENCES staff(id),
      assigned_at timestamptz,
      handled_by integer REFERENCES staff(id),
      handled_at timestamptz,
      result text,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CHECK (state <> 'assigned' OR assigned_to IS NOT NULL),
      CHECK ((state = 'handled') = (handled_at IS NOT NULL)),
      CHECK (state <> 'handled' OR (handled_by IS NOT NULL AND result IS NOT NULL))
    );
    CREATE INDEX voicemails_state ON voicemails (state, id);
    CREATE INDEX voicemails_assigned ON voicemails (assigned_to, state);
    CREATE INDEX voicemails_recorded ON voicemails (recorded_at);

    CREATE TABLE voicemail_events (
      id bigserial PRIMARY KEY,
      voicemail_id integer NOT NULL REFERENCES voicemails(id),
      at timestamptz NOT NULL,
      actor_id integer REFERENCES staff(id),
      action text NOT NULL CHECK (action IN ('received', 'assigned', 'taken', 'handled', 'called_back')),
      note text
    );
    CREATE INDEX voicemail_events_voicemail ON voicemail_events (voicemail_id, id);
    CREATE TRIGGER voicemail_events_append_only BEFORE UPDATE OR DELETE ON voicemail_events
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change();

    CREATE TABLE voicemail_callbacks (
      id serial PRIMARY KEY,
      voicemail_id integer NOT NULL REFERENCES voicemails(id),
      call_id text NOT NULL UNIQUE,
      dialled_by integer NOT NULL REFERENCES staff(id),
      dialled_at timestamptz NOT NULL,
      ended_at timestamptz,
      end_cause text
    );
    CREATE INDEX voicemail_callbacks_voicemail ON voicemail_callbacks (voicemail_id, id);

    CREATE TABLE callback_requests (
      callback_id text PRIMARY KEY,
      number text NOT NULL,
      customer_id integer REFERENCES customers(id) ON DELETE SET NULL,
      queue_id text NOT NULL,
      skill_group_id integer REFERENCES skill_groups(id) ON DELETE SET NULL,
      requested_at timestamptz NOT NULL,
      waiting_since timestamptz NOT NULL,
      priority integer NOT NULL,
      state text NOT NULL DEFAULT 'pending'
        CHECK (state IN ('pending', 'connected', 'gave_up', 'cancelled')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      last_result text
        CHECK (last_result IN ('connected', 'no_answer', 'busy', 'failed', 'cancelled')),
      last_attempt_at timestamptz,
      next_attempt_at timestamptz,
      connected_call_id text,
      agent_id integer REFERENCES staff(id),
      work_item_id integer REFERENCES work_items(id),
      cancelled_by integer REFERENCES staff(id),
      updated_at timestamptz NOT NULL,
      CHECK (state <> 'connected' OR connected_call_id IS NOT NULL),
      CHECK (state = 'pending' OR next_attempt_at IS NULL)
    );
    CREATE INDEX callback_requests_state ON callback_requests (state, waiting_since);

    CREATE TABLE callback_attempts (
      callback_id text NOT NULL REFERENCES callback_requests(callback_id),
      attempt integer NOT NULL CHECK (attempt >= 1),
      call_id text NOT NULL,
      queued_at timestamptz,
      agent_id integer REFERENCES staff(id),
      result text CHECK (result IN ('connected', 'no_answer', 'busy', 'failed', 'cancelled')),
      ended_at timestamptz,
      PRIMARY KEY (callback_id, attempt),
      CHECK ((result IS NULL) = (ended_at IS NULL))
    );
    CREATE INDEX callback_attempts_call ON callback_attempts (call_id);
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE callback_attempts, callback_requests, voicemail_callbacks, voicemail_events, voicemails;
  `.execute(db);
}
