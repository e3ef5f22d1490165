import type { Extension } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { deleteById, updateById } from '../../db/row-helpers.ts';
import { offsetOf } from '../../http/pagination.ts';
import { assertReferencesExist, likePattern } from './references.ts';

// The extension table (座席分机表, SUP-9): every extension, its area and who sits at it.
type ExtensionQuery = {
  q?: string | undefined;
  free?: 'true' | 'false' | undefined;
  page: number;
  pageSize: number;
};
type ExtensionInput = {
  number?: string | undefined;
  areaId?: number | null | undefined;
  remark?: string | null | undefined;
};

function baseQuery(db: Db) {
  return db
    .selectFrom('extensions as e')
    .leftJoin('areas as a', 'a.id', 'e.area_id')
    .leftJoin('staff as s', 's.extension_id', 'e.id')
    .select([
      'e.id',
      'e.number',
      'e.area_id',
      'a.name as area_name',
      'e.remark',
      's.id as staff_id',
      's.employee_no as staff_employee_no',
      's.name as staff_name',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
const toView = (r: Row): Extension => ({
  id: r.id,
  number: r.number,
  areaId: r.area_id,
  areaName: r.area_name,
  remark: r.remark,
  staffId: r.staff_id,
  staffEmployeeNo: r.staff_employee_no,
  staffName: r.staff_name,
});

export const extensionRepository = {
  async list(db: Db, q: ExtensionQuery) {
    let query = baseQuery(db);
    if (q.q) {
      const p = likePattern(q.q);
      query = query.where((eb) =>
        eb.or([eb('e.number', 'ilike', p), eb('s.name', 'ilike', p), eb('s.employee_no', 'ilike', p)]),
      );
    }
    if (q.free === 'true') query = query.where('s.id', 'is', null);
    if (q.free === 'false') query = query.where('s.id', 'is not', null);
    const [rows, count] = await Promise.all([
      query.orderBy('e.number').limit(q.pageSize).offset(offsetOf(q)).execute(),
      query
        .clearSelect()
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toView), total: Number(count.n) };
  },
  async get(db: Db, id: number) {
    const row = await baseQuery(db).where('e.id', '=', id).executeTakeFirst();
    return row && toView(row);
  },
  async create(trx: Db, input: ExtensionInput & { number: string }, ctx: { now: Date }) {
    await assertReferencesExist(trx, { areaId: input.areaId });
    const row = await trx
      .insertInto('extensions')
      .values({
        number: input.number,
        area_id: input.areaId ?? null,
        remark: input.remark ?? null,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async update(trx: Db, id: number, input: ExtensionInput) {
    await assertReferencesExist(trx, { areaId: input.areaId });
    return updateById(trx, 'extensions', id, {
      number: input.number,
      area_id: input.areaId,
      remark: input.remark,
    });
  },
  remove: (trx: Db, id: number) => deleteById(trx, 'extensions', id),
};
