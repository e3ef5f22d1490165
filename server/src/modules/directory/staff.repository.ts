import type { Staff, StaffCreate, StaffListQuery, StaffUpdate } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { updateById } from '../../db/row-helpers.ts';
import type { Actor } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { offsetOf } from '../../http/pagination.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';
import { revokeStaffSessions } from '../auth/session.repository.ts';
import { DIRECTORY_ERRORS } from './directory.errors.ts';
import { assertReferencesExist, likePattern } from './references.ts';
import { departmentScopeOf } from './scope.ts';

function baseQuery(db: Db) {
  return db
    .selectFrom('staff as s')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('areas as a', 'a.id', 's.area_id')
    .leftJoin('extensions as e', 'e.id', 's.extension_id')
    .select([
      's.id',
      's.employee_no',
      's.name',
      's.gender',
      's.phone',
      's.department_id',
      'd.name as department_name',
      's.area_id',
      'a.name as area_name',
      's.extension_id',
      'e.number as extension',
      's.active',
      's.must_change_password',
    ]);
}

type Row = Awaited<ReturnType<ReturnType<typeof baseQuery>['executeTakeFirstOrThrow']>>;

async function toViews(db: Db, rows: Row[]): Promise<Staff[]> {
  if (rows.length === 0) return [];
  const ids = rows.map((r) => r.id);
  const [roles, skills] = await Promise.all([
    db
      .selectFrom('staff_roles')
      .select(['staff_id', 'role'])
      .where('staff_id', 'in', ids)
      .orderBy('role')
      .execute(),
    db
      .selectFrom('staff_skills as k')
      .innerJoin('skill_groups as g', 'g.id', 'k.skill_group_id')
      .select(['k.staff_id', 'g.id', 'g.code', 'g.name', 'k.level'])
      .where('k.staff_id', 'in', ids)
      .orderBy('g.code')
      .execute(),
  ]);
  return rows.map((r) => ({
    id: r.id,
    employeeNo: r.employee_no,
    name: r.name,
    gender: r.gender,
    phone: r.phone,
    departmentId: r.department_id,
    departmentName: r.department_name,
    areaId: r.area_id,
    areaName: r.area_name,
    extensionId: r.extension_id,
    extension: r.extension,
    roles: roles.filter((x) => x.staff_id === r.id).map((x) => x.role),
    skills: skills
      .filter((k) => k.staff_id === r.id)
      .map((k) => ({ skillGroupId: k.id, code: k.code, name: k.name, level: k.level })),
    active: r.active,
    mustChangePassword: r.must_change_password,
  }));
}

function filtered(db: Db, q: Omit<StaffListQuery, 'page' | 'pageSize'>, actor: Actor) {
  let query = baseQuery(db);
  const scope = departmentScopeOf(actor);
  if (scope !== 'all') query = query.where('s.department_id', '=', scope);
  if (q.q) {
    const p = likePattern(q.q);
    query = query.where((eb) =>
      eb.or([
        eb('s.employee_no', 'ilike', p),
        eb('s.name', 'ilike', p),
        eb('s.phone', 'ilike', p),
        eb('e.number', 'ilike', p),
      ]),
    );
  }
  if (q.departmentId) query = query.where('s.department_id', '=', q.departmentId);
  if (q.areaId) query = query.where('s.area_id', '=', q.areaId);
  if (q.active) query = query.where('s.active', '=', q.active === 'true');
  if (q.role) {
    const role = q.role;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('staff_roles as r')
          .select('r.role')
          .whereRef('r.staff_id', '=', 's.id')
          .where('r.role', '=', role),
      ),
    );
  }
  if (q.skillGroupId) {
    const group = q.skillGroupId;
    query = query.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('staff_skills as k')
          .select('k.level')
          .whereRef('k.staff_id', '=', 's.id')
          .where('k.skill_group_id', '=', group),
      ),
    );
  }
  return query;
}

async function replaceRolesAndSkills(
  trx: Db,
  id: number,
  input: Pick<StaffUpdate, 'roles' | 'skills'>,
): Promise<void> {
  if (input.roles) {
    await trx.deleteFrom('staff_roles').where('staff_id', '=', id).execute();
    await trx
      .insertInto('staff_roles')
      .values(input.roles.map((role) => ({ staff_id: id, role })))
      .execute();
  }
  if (input.skills) {
    await trx.deleteFrom('staff_skills').where('staff_id', '=', id).execute();
    if (input.skills.length) {
      await trx
        .insertInto('staff_skills')
        .values(input.skills.map((k) => ({ staff_id: id, skill_group_id: k.skillGroupId, level: k.level })))
        .execute();
    }
  }
}

function referencesOf(input: StaffUpdate | StaffCreate) {
  return {
    departmentId: input.departmentId,
    areaId: input.areaId,
    extensionId: input.extensionId,
    skillGroupIds: input.skills?.map((k) => k.skillGroupId),
  };
}

export function createStaffRepository(hasher: PasswordHasher) {
  return {
    async list(db: Db, q: StaffListQuery, actor: Actor) {
      const query = filtered(db, q, actor);
      const [rows, count] = await Promise.all([
        query.orderBy('s.employee_no').limit(q.pageSize).offset(offsetOf(q)).execute(),
        query.clearSelect().select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow(),
      ]);
      return { items: await toViews(db, rows), total: Number(count.n) };
    },

    /** All matching staff for an export, capped. */
    async listAll(db: Db, q: Omit<StaffListQuery, 'page' | 'pageSize'>, actor: Actor, limit: number) {
      const rows = await filtered(db, q, actor).orderBy('s.employee_no').limit(limit).execute();
      return toViews(db, rows);
    },

    async get(db: Db, id: number, actor: Actor) {
      const row = await filtered(db, {}, actor).where('s.id', '=', id).executeTakeFirst();
      return row ? (await toViews(db, [row]))[0] : undefined;
    },

    async create(trx: Db, input: StaffCreate, ctx: ChangeContext) {
      await assertReferencesExist(trx, referencesOf(input));
      const row = await trx
        .insertInto('staff')
        .values({
          employee_no: input.employeeNo,
          name: input.name,
          gender: input.gender,
          phone: input.phone ?? null,
          department_id: input.departmentId ?? null,
          area_id: input.areaId ?? null,
          extension_id: input.extensionId ?? null,
          password_hash: await hasher.hash(input.password),
          must_change_password: true,
          active: true,
          created_at: ctx.now,
          updated_at: ctx.now,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await replaceRolesAndSkills(trx, row.id, input);
      return row.id;
    },

    async update(trx: Db, id: number, input: StaffUpdate, ctx: ChangeContext) {
      if (id === ctx.actor.id && input.active === false)
        throw new AppError(DIRECTORY_ERRORS.CANNOT_DEACTIVATE_SELF);
      if (
        id === ctx.actor.id &&
        input.roles &&
        !input.roles.includes('admin') &&
        ctx.actor.roles.includes('admin')
      ) {
        throw new AppError(DIRECTORY_ERRORS.CANNOT_DROP_OWN_ADMIN);
      }
      await assertReferencesExist(trx, referencesOf(input));
      const found = await updateById(trx, 'staff', id, {
        name: input.name,
        gender: input.gender,
        phone: input.phone,
        department_id: input.departmentId,
        area_id: input.areaId,
        extension_id: input.extensionId,
        active: input.active,
        updated_at: ctx.now,
      });
      if (!found) return false;
      await replaceRolesAndSkills(trx, id, input);
      if (input.active === false) await revokeStaffSessions(trx, id, ctx.now);
      return true;
    },

    /** Staff are never deleted (history points at them): removal deactivates and signs them out. */
    async remove(trx: Db, id: number, ctx: ChangeContext) {
      if (id === ctx.actor.id) throw new AppError(DIRECTORY_ERRORS.CANNOT_DEACTIVATE_SELF);
      const found = await updateById(trx, 'staff', id, { active: false, updated_at: ctx.now });
      if (found) await revokeStaffSessions(trx, id, ctx.now);
      return found;
    },
  };
}

export type StaffRepository = ReturnType<typeof createStaffRepository>;
