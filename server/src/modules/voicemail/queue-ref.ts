import type { Db } from '../../db/database.ts';

/** The skill group behind a queue id `q-<skillGroupId>`, when it exists. */
export async function skillGroupOfQueue(db: Db, queueId: string | null): Promise<number | null> {
  const id = queueId ? /^q-(\d{1,9})$/.exec(queueId)?.[1] : undefined;
  if (id === undefined) return null;
  const row = await db
    .selectFrom('skill_groups')
    .select('id')
    .where('id', '=', Number(id))
    .executeTakeFirst();
  return row?.id ?? null;
}
