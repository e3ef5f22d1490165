import type { Db } from '../../db/database.ts';

// Centre-wide settings live in the `settings` table as JSON values under a key.
export const DEFAULT_CENTER_NAME = '示例客服中心';

export async function getCenterName(db: Db): Promise<string> {
  const row = await db
    .selectFrom('settings')
    .select('value')
    .where('key', '=', 'center.name')
    .executeTakeFirst();
  return typeof row?.value === 'string' ? row.value : DEFAULT_CENTER_NAME;
}

export async function setCenterName(db: Db, name: string): Promise<void> {
  await db
    .insertInto('settings')
    .values({ key: 'center.name', value: JSON.stringify(name) })
    .onConflict((oc) => oc.column('key').doUpdateSet({ value: JSON.stringify(name) }))
    .execute();
}
