import type { CallTag, CallTagPurpose, CallTagType } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

// Reads of the tag tree and of calls' tags.

export async function listCallTagTypes(db: Db, includeInactive: boolean): Promise<CallTagType[]> {
  let q = db
    .selectFrom('call_tag_types as t')
    .select(['t.id', 't.parent_id', 't.code', 't.name', 't.position', 't.active'])
    .select(
      sql<string>`(SELECT count(*) FROM call_tags c WHERE c.purpose_id = t.id OR c.subtype_id = t.id)`.as(
        'used_by',
      ),
    )
    .orderBy('t.position')
    .orderBy('t.id');
  if (!includeInactive) q = q.where('t.active', '=', true);
  const rows = await q.execute();
  return rows.map((r) => ({
    id: r.id,
    parentId: r.parent_id,
    code: r.code,
    name: r.name,
    position: r.position,
    active: r.active,
    usedBy: Number(r.used_by),
  }));
}

/** Purposes with their sub-types; an inactive purpose hides its sub-types unless all are asked. */
export async function callTagTree(db: Db, includeInactive: boolean): Promise<CallTagPurpose[]> {
  const types = await listCallTagTypes(db, includeInactive);
  return types
    .filter((t) => t.parentId === null)
    .map((p) => ({ ...p, children: types.filter((t) => t.parentId === p.id) }));
}

export function getCallTagType(db: Db, id: number) {
  return db.selectFrom('call_tag_types').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function callTagsOf(db: Db, callIds: readonly string[]): Promise<CallTag[]> {
  if (callIds.length === 0) return [];
  const rows = await db
    .selectFrom('call_tags as c')
    .innerJoin('call_tag_types as p', 'p.id', 'c.purpose_id')
    .leftJoin('call_tag_types as s', 's.id', 'c.subtype_id')
    .leftJoin('areas as a', 'a.id', 'c.area_id')
    .innerJoin('staff as st', 'st.id', 'c.tagged_by')
    .select([
      'c.call_id',
      'c.purpose_id',
      'p.name as purpose_name',
      'c.subtype_id',
      's.name as subtype_name',
      'c.area_id',
      'a.name as area_name',
      'c.note',
      'c.tagged_by',
      'st.name as tagged_by_name',
      'c.tagged_at',
    ])
    .where('c.call_id', 'in', callIds)
    .execute();
  return rows.map((r) => ({
    callId: r.call_id,
    purposeId: r.purpose_id,
    purposeName: r.purpose_name,
    subtypeId: r.subtype_id,
    subtypeName: r.subtype_name,
    areaId: r.area_id,
    areaName: r.area_name,
    note: r.note,
    taggedBy: r.tagged_by,
    taggedByName: r.tagged_by_name,
    taggedAt: new Date(r.tagged_at).toISOString(),
  }));
}
