import { type Kysely, sql } from 'kysely';

// Call purpose tagging (CTI-19) and the fault pre-alarm (SUP-12). Tag types form a two-level tree
// (purpose → sub-type); a type used by a call is never deleted, only deactivated. A call has at
// most one tag (re-tagging replaces it). `fault_alarms` holds each area's active alarm;
// `fault_alarm_events` is its append-only history.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE call_tag_types (
      id serial PRIMARY KEY,
      parent_id integer REFERENCES call_tag_types(id),
      code text NOT NULL UNIQUE CHECK (char_length(code) BETWEEN 1 AND 32),
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 30),
      position integer NOT NULL,
      active boolean NOT NULL DEFAULT true,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL
    );
    CREATE INDEX call_tag_types_parent ON call_tag_types (parent_id, position);

    CREATE TABLE call_tags (
      call_id text PRIMARY KEY REFERENCES cdrs(call_id),
      purpose_id integer NOT NULL REFERENCES call_tag_types(id),
      subtype_id integer REFERENCES call_tag_types(id),
      area_id integer REFERENCES areas(id),
      note text CHECK (note IS NULL OR char_length(note) BETWEEN 1 AND 500),
      tagged_by integer NOT NULL REFERENCES staff(id),
      tagged_at timestamptz NOT NULL
    );
    CREATE INDEX call_tags_subtype_area ON call_tags (subtype_id, area_id);
    CREATE INDEX call_tags_purpose ON call_tags (purpose_id);

    CREATE TABLE fault_alarms (
      area_id integer PRIMARY KEY REFERENCES areas(id),
      level integer NOT NULL CHECK (level BETWEEN 1 AND 3),
      count integer NOT NULL CHECK (count >= 0),
      raised_at timestamptz NOT NULL,
      level_since timestamptz NOT NULL,
      acknowledged_at timestamptz,
      acknowledged_by integer REFERENCES staff(id)
    );

    CREATE TABLE fault_alarm_events (
      id bigserial PRIMARY KEY,
      area_id integer NOT NULL REFERENCES areas(id),
      kind text NOT NULL CHECK (kind IN ('raised', 'escalated', 'de_escalated', 'cleared', 'acknowledged')),
      from_level integer CHECK (from_level BETWEEN 1 AND 3),
      to_level integer CHECK (to_level BETWEEN 1 AND 3),
      count integer NOT NULL CHECK (count >= 0),
      at timestamptz NOT NULL,
      actor_id integer REFERENCES staff(id)
    );
    CREATE INDEX fault_alarm_events_at ON fault_alarm_events (at DESC, id DESC);
    CREATE TRIGGER fault_alarm_events_append_only BEFORE UPDATE OR DELETE ON fault_alarm_events
      FOR EACH ROW EXECUTE FUNCTION refuse_history_change();
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE fault_alarm_events, fault_alarms, call_tags, call_tag_types`.execute(db);
}
