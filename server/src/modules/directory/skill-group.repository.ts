import type { SkillGroup } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { deleteById, updateById } from '../../db/row-helpers.ts';
import { offsetOf } from '../../http/pagination.ts';
import { likePattern } from './references.ts';

type SkillGroupQuery = { q?: string | undefined; page: number; pageSize: number };
type SkillGroupInput = {
  code?: string | undefined;
  name?: string | undefined;
  isComprehensive?: boolean | undefined;
  accessCodes?: string[] | undefined;
};

function baseQuery(db: Db) {
  return db
    .selectFrom('skill_groups as g')
    .select((eb) => [
      'g.id',
      'g.code',
      'g.name',
      'g.is_comprehensive',
      eb
        .selectFrom('skill_group_access_codes as c')
        .select(sql<string[]>`coalesce(array_agg(c.access_code order by c.access_code), '{}')`.as('codes'))
        .whereRef('c.skill_group_id', '=', 'g.id')
        .as('access_codes'),
      eb
        .selectFrom('staff_skills as k')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('k.skill_group_id', '=', 'g.id')
        .as('staff_count'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
const toView = (r: Row): SkillGroup => ({
  id: r.id,
  code: r.code,
  name: r.name,
  isComprehensive: r.is_comprehensive,
  accessCodes: r.access_codes ?? [],
  staffCount: Number(r.staff_count ?? 0),
});

async function replaceAccessCodes(trx: Db, id: number, codes: string[] | undefined): Promise<void> {
  if (codes === undefined) return;
  await trx.deleteFrom('skill_group_access_codes').where('skill_group_id', '=', id).execute();
  const unique = [...new Set(codes)];
  if (unique.length) {
    await trx
      .insertInto('skill_group_access_codes')
      .values(unique.map((access_code) => ({ skill_group_id: id, access_code })))
      .execute();
  }
}

export const skillGroupRepository = {
  async list(db: Db, q: SkillGroupQuery) {
    let query = db.selectFrom('skill_groups as g');
    if (q.q) {
      const p = likePattern(q.q);
      query = query.where((eb) =>
        eb.or([
          eb('g.code', 'ilike', p),
          eb('g.name', 'ilike', p),
          eb.exists(
            eb
              .selectFrom('skill_group_access_codes as c')
              .select('c.access_code')
              .whereRef('c.skill_group_id', '=', 'g.id')
              .where('c.access_code', 'ilike', p),
          ),
        ]),
      );
    }
    const [rows, count] = await Promise.all([
      baseQuery(db)
        .where('g.id', 'in', query.select('g.id'))
        .orderBy('g.code')
        .limit(q.pageSize)
        .offset(offsetOf(q))
        .execute(),
      query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toView), total: Number(count.n) };
  },
  async get(db: Db, id: number) {
    const row = await baseQuery(db).where('g.id', '=', id).executeTakeFirst();
    return row && toView(row);
  },
  async create(trx: Db, input: SkillGroupInput & { code: string; name: string }, ctx: { now: Date }) {
    const row = await trx
      .insertInto('skill_groups')
      .values({
        code: input.code,
        name: input.name,
        is_comprehensive: input.isComprehensive ?? false,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await replaceAccessCodes(trx, row.id, input.accessCodes);
    return row.id;
  },
  async update(trx: Db, id: number, input: SkillGroupInput) {
    const found = await updateById(trx, 'skill_groups', id, {
      code: input.code,
      name: input.name,
      is_comprehensive: input.isComprehensive,
    });
    if (found) await replaceAccessCodes(trx, id, input.accessCodes);
    return found;
  },
  remove: (trx: Db, id: number) => deleteById(trx, 'skill_groups', id),
};
