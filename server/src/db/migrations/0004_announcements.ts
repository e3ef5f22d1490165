import { type Kysely, sql } from 'kysely';

// Announcements (MSG-1). An announcement is addressed to everyone or to a list of targets whose
// kind is its `audience` (staff, skill groups or areas); the target ids carry no foreign key
// because their table depends on the audience: the application checks them on every write.
// Deleting is soft (deleted_at) so the audit trail keeps pointing at something. Reads record
// who has opened which announcement.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    CREATE TABLE announcements (
      id serial PRIMARY KEY,
      title text NOT NULL CHECK (char_length(title) BETWEEN 1 AND 100),
      body text NOT NULL CHECK (char_length(body) BETWEEN 1 AND 5000),
      urgent boolean NOT NULL DEFAULT false,
      valid_from timestamptz NOT NULL,
      valid_to timestamptz,
      audience text NOT NULL CHECK (audience IN ('all', 'staff', 'skill_groups', 'areas')),
      created_by integer REFERENCES staff(id) ON DELETE SET NULL,
      created_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      deleted_at timestamptz,
      CHECK (valid_to IS NULL OR valid_to > valid_from)
    );
    CREATE INDEX announcements_live ON announcements (valid_from) WHERE deleted_at IS NULL;

    CREATE TABLE announcement_targets (
      announcement_id integer NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
      target_id integer NOT NULL,
      PRIMARY KEY (announcement_id, target_id)
    );
    CREATE INDEX announcement_targets_target ON announcement_targets (target_id);

    CREATE TABLE announcement_reads (
      announcement_id integer NOT NULL REFERENCES announcements(id) ON DELETE CASCADE,
      staff_id integer NOT NULL REFERENCES staff(id) ON DELETE CASCADE,
      read_at timestamptz NOT NULL,
      PRIMARY KEY (announcement_id, staff_id)
    );
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`DROP TABLE announcement_reads, announcement_targets, announcements;`.execute(db);
}
