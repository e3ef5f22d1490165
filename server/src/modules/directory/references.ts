import type { Db } from '../../db/database.ts';
import { AppError, type FieldError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';

type Refs = {
  departmentId?: number | null | undefined;
  areaId?: number | null | undefined;
  extensionId?: number | null | undefined;
  supervisorId?: number | null | undefined;
  skillGroupIds?: number[] | undefined;
};

const MISSING = { 'zh-CN': '引用的记录不存在', 'en-US': 'does not exist' };

/** Names the field whose id points nowhere, instead of letting a foreign key fail anonymously. */
export async function assertReferencesExist(db: Db, refs: Refs): Promise<void> {
  const fields: FieldError[] = [];
  const check = async (
    path: string,
    table: 'departments' | 'areas' | 'extensions' | 'staff',
    id: number | null | undefined,
  ) => {
    if (id === null || id === undefined) return;
    const row = await db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst();
    if (!row) fields.push({ path, message: MISSING });
  };
  await check('departmentId', 'departments', refs.departmentId);
  await check('areaId', 'areas', refs.areaId);
  await check('extensionId', 'extensions', refs.extensionId);
  await check('supervisorId', 'staff', refs.supervisorId);
  if (refs.skillGroupIds?.length) {
    const found = await db
      .selectFrom('skill_groups')
      .select('id')
      .where('id', 'in', refs.skillGroupIds)
      .execute();
    const known = new Set(found.map((r) => r.id));
    refs.skillGroupIds.forEach((id, i) => {
      if (!known.has(id)) fields.push({ path: `skills.${i}.skillGroupId`, message: MISSING });
    });
  }
  if (fields.length) throw new AppError(COMMON_ERRORS.REFERENCE_NOT_FOUND, { fields });
}

/** `%term%` for ILIKE with the user's own % and _ taken literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}
