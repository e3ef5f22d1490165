import { type Kysely, sql } from 'kysely';

// Service hours (after-hours routing, VM-1): weekly hours, holidays and extra working days
// (owned by modules/service-hours). One centre default (skill_group_id null) and at most one
// calendar per skill group; times are minutes since local midnight in the calendar's zone, a range
// is [start, end) and may end at 1440 (24:00). Overlaps inside one day are refused by the service.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE service_calendars (
      id serial PRIMARY KEY,
      skill_group_id integer REFERENCES skill_groups(id) ON DELETE CASCADE,
      time_zone text NOT NULL CHECK (char_length(time_zone) BETWEEN 1 AND 64),
      updated_by integer REFERENCES staff(id),
      updated_at timestamptz NOT NULL
    );
    CREATE UNIQUE INDEX service_calendars_scope ON service_calendars (coalesce(skill_group_id, 0));

    CREATE TABLE service_calendar_hours (
      calendar_id integer NOT NULL REFERENCES service_calendars(id) ON DELETE CASCADE,
      weekday smallint NOT NULL CHECK (weekday BETWEEN 1 AND 7),
      start_minute smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
      end_minute smallint NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
      CHECK (end_minute > start_minute),
      PRIMARY KEY (calendar_id, weekday, start_minute)
    );

    CREATE TABLE service_calendar_exceptions (
      id serial PRIMARY KEY,
      calendar_id integer NOT NULL REFERENCES service_calendars(id) ON DELETE CASCADE,
      on_date date NOT NULL,
      name text NOT NULL CHECK (char_length(name) BETWEEN 1 AND 40),
      kind text NOT NULL CHECK (kind IN ('closed', 'special')),
      UNIQUE (calendar_id, on_date)
    );

    CREATE TABLE service_calendar_exception_hours (
      exception_id integer NOT NULL REFERENCES service_calendar_exceptions(id) ON DELETE CASCADE,
      start_minute smallint NOT NULL CHECK (start_minute BETWEEN 0 AND 1439),
      end_minute smallint NOT NULL CHECK (end_minute BETWEEN 1 AND 1440),
      CHECK (end_minute > start_minute),
      PRIMARY KEY (exception_id, start_minute)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    DROP TABLE service_calendar_exception_hours, service_calendar_exceptions, service_calendar_hours,
      service_calendars;
  `.execute(db);
}
