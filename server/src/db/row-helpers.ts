import type { Updateable } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

type TableWithId = 'areas' | 'departments' | 'skill_groups' | 'extensions' | 'staff';

/** Updates one row by id; false when it does not exist. An empty change only checks existence. */
export async function updateById<T extends TableWithId>(
  trx: Db,
  table: T,
  id: number,
  values: Updateable<Database[T]>,
): Promise<boolean> {
  const defined = Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined));
  if (Object.keys(defined).length === 0) {
    const row = await trx
      .selectFrom(table as TableWithId)
      .select('id')
      .where('id', '=', id)
      .executeTakeFirst();
    return row !== undefined;
  }
  // biome-ignore lint/suspicious/noExplicitAny: Kysely cannot narrow a generic table's update type
  const r = await (trx.updateTable(table) as any).set(defined).where('id', '=', id).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

export async function deleteById(trx: Db, table: TableWithId, id: number): Promise<boolean> {
  const r = await trx.deleteFrom(table).where('id', '=', id).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
