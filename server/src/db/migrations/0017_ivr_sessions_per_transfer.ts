import { type Kysely, sql } from 'kysely';

// Transfer to IVR (CTI-10 转IVR): a call may meet the IVR more than once — on arrival, and again
// when an agent sends the caller to a flow (a survey, entering the service password). Sessions are
// numbered per call; the IVR log names its session. A log's seq keeps counting across the call's
// sessions, so one call's log reads in order. `transferred_by` is the agent who sent the caller.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE ivr_log DROP CONSTRAINT ivr_log_call_id_fkey;
    ALTER TABLE ivr_sessions DROP CONSTRAINT ivr_sessions_pkey;
    ALTER TABLE ivr_sessions ADD COLUMN session_no integer NOT NULL DEFAULT 1 CHECK (session_no >= 1);
    ALTER TABLE ivr_sessions ADD COLUMN transferred_by integer REFERENCES staff(id);
    ALTER TABLE ivr_sessions ADD PRIMARY KEY (call_id, session_no);
    ALTER TABLE ivr_log ADD COLUMN session_no integer NOT NULL DEFAULT 1;
    ALTER TABLE ivr_log ADD FOREIGN KEY (call_id, session_no)
      REFERENCES ivr_sessions(call_id, session_no) ON DELETE CASCADE;
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DELETE FROM ivr_sessions WHERE session_no > 1;
    ALTER TABLE ivr_log DROP CONSTRAINT ivr_log_call_id_session_no_fkey;
    ALTER TABLE ivr_log DROP COLUMN session_no;
    ALTER TABLE ivr_sessions DROP CONSTRAINT ivr_sessions_pkey;
    ALTER TABLE ivr_sessions DROP COLUMN transferred_by;
    ALTER TABLE ivr_sessions DROP COLUMN session_no;
    ALTER TABLE ivr_sessions ADD PRIMARY KEY (call_id);
    ALTER TABLE ivr_log ADD FOREIGN KEY (call_id) REFERENCES ivr_sessions(call_id) ON DELETE CASCADE;
  `.execute(db);
}
