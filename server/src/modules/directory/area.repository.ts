import type { Area } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { deleteById, updateById } from '../../db/row-helpers.ts';
import { offsetOf } from '../../http/pagination.ts';
import { likePattern } from './references.ts';

type AreaQuery = { q?: string | undefined; page: number; pageSize: number };

function baseQuery(db: Db) {
  return db
    .selectFrom('areas as a')
    .select((eb) => [
      'a.id',
      'a.code',
      'a.name',
      eb
        .selectFrom('staff')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('staff.area_id', '=', 'a.id')
        .as('staff_count'),
    ]);
}

const toView = (r: { id: number; code: string; name: string; staff_count: string | null }): Area => ({
  id: r.id,
  code: r.code,
  name: r.name,
  staffCount: Number(r.staff_count ?? 0),
});

export const areaRepository = {
  async list(db: Db, q: AreaQuery) {
    let query = db.selectFrom('areas as a');
    if (q.q)
      query = query.where((eb) =>
        eb.or([eb('a.code', 'ilike', likePattern(q.q!)), eb('a.name', 'ilike', likePattern(q.q!))]),
      );
    const ids = query.select('a.id');
    const [rows, count] = await Promise.all([
      baseQuery(db)
        .where('a.id', 'in', ids)
        .orderBy('a.code')
        .limit(q.pageSize)
        .offset(offsetOf(q))
        .execute(),
      query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toView), total: Number(count.n) };
  },
  async get(db: Db, id: number) {
    const row = await baseQuery(db).where('a.id', '=', id).executeTakeFirst();
    return row && toView(row);
  },
  async create(trx: Db, input: { code: string; name: string }, ctx: { now: Date }) {
    const row = await trx
      .insertInto('areas')
      .values({ ...input, created_at: ctx.now })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  update: (trx: Db, id: number, input: { code?: string | undefined; name?: string | undefined }) =>
    updateById(trx, 'areas', id, input),
  remove: (trx: Db, id: number) => deleteById(trx, 'areas', id),
};
