import { type Kysely, sql } from 'kysely';

// ACD-6, VM-1: an inbound call that ended in voicemail (`voicemail`, 留言) or because the caller
// chose to be called back (`callback`, 预约回呼) is its own disposition, not `abandoned`.
export async function up(db: Kysely<unknown>): Promise<void> {
  await sql`
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_disposition_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_disposition_check
      CHECK (disposition IN ('answered', 'abandoned', 'unanswered', 'transferred_out', 'failed', 'ivr',
                             'voicemail', 'callback'));
  `.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await sql`
    UPDATE cdrs SET disposition = 'abandoned' WHERE disposition IN ('voicemail', 'callback');
    ALTER TABLE cdrs DROP CONSTRAINT cdrs_disposition_check;
    ALTER TABLE cdrs ADD CONSTRAINT cdrs_disposition_check
      CHECK (disposition IN ('answered', 'abandoned', 'unanswered', 'transferred_out', 'failed', 'ivr'));
  `.execute(db);
}
