import { type Kysely, sql } from 'kysely';

// IVR-5: an inbound call the IVR served and released, with no agent, is its own disposition
// (`ivr`, 自助完成) rather than `failed`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_disposition_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_disposition_check
      CHECK (disposition IN ('answered', 'abandoned', 'unanswered', 'transferred_out', 'failed', 'ivr'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE cdrs SET disposition = 'failed' WHERE disposition = 'ivr';
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_disposition_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_disposition_check
      CHECK (disposition IN ('answered', 'abandoned', 'unanswered', 'transferred_out', 'failed'));
  `.execute(db);
}
