import type { Department } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { deleteById, updateById } from '../../db/row-helpers.ts';
import type { Actor } from '../../http/access.ts';
import { offsetOf } from '../../http/pagination.ts';
import { assertReferencesExist, likePattern } from './references.ts';
import { departmentScopeOf } from './scope.ts';

type DepartmentQuery = { q?: string | undefined; page: number; pageSize: number };
type DepartmentInput = {
  code?: string | undefined;
  name?: string | undefined;
  supervisorId?: number | null | undefined;
};

function baseQuery(db: Db) {
  return db
    .selectFrom('departments as d')
    .leftJoin('staff as s', 's.id', 'd.supervisor_id')
    .select((eb) => [
      'd.id',
      'd.code',
      'd.name',
      'd.supervisor_id',
      's.name as supervisor_name',
      eb
        .selectFrom('staff')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('staff.department_id', '=', 'd.id')
        .as('staff_count'),
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;
const toView = (r: Row): Department => ({
  id: r.id,
  code: r.code,
  name: r.name,
  supervisorId: r.supervisor_id,
  supervisorName: r.supervisor_name,
  staffCount: Number(r.staff_count ?? 0),
});

// Department staff see their own department only; others see all (dispatching needs the list).
export const departmentRepository = {
  async list(db: Db, q: DepartmentQuery, actor: Actor) {
    let query = db.selectFrom('departments as d');
    const scope = departmentScopeOf(actor);
    if (scope !== 'all') query = query.where('d.id', '=', scope);
    if (q.q)
      query = query.where((eb) =>
        eb.or([eb('d.code', 'ilike', likePattern(q.q!)), eb('d.name', 'ilike', likePattern(q.q!))]),
      );
    const [rows, count] = await Promise.all([
      baseQuery(db)
        .where('d.id', 'in', query.select('d.id'))
        .orderBy('d.code')
        .limit(q.pageSize)
        .offset(offsetOf(q))
        .execute(),
      query.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return { items: rows.map(toView), total: Number(count.n) };
  },
  async get(db: Db, id: number, actor: Actor) {
    const scope = departmentScopeOf(actor);
    if (scope !== 'all' && scope !== id) return undefined;
    const row = await baseQuery(db).where('d.id', '=', id).executeTakeFirst();
    return row && toView(row);
  },
  async create(trx: Db, input: DepartmentInput & { code: string; name: string }, ctx: { now: Date }) {
    await assertReferencesExist(trx, { supervisorId: input.supervisorId });
    const row = await trx
      .insertInto('departments')
      .values({
        code: input.code,
        name: input.name,
        supervisor_id: input.supervisorId ?? null,
        created_at: ctx.now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    return row.id;
  },
  async update(trx: Db, id: number, input: DepartmentInput) {
    await assertReferencesExist(trx, { supervisorId: input.supervisorId });
    return updateById(trx, 'departments', id, {
      code: input.code,
      name: input.name,
      supervisor_id: input.supervisorId,
    });
  },
  remove: (trx: Db, id: number) => deleteById(trx, 'departments', id),
};
