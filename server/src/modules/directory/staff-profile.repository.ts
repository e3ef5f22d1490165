import type { Me, Role } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';

export async function findRoles(db: Db, staffId: number): Promise<Role[]> {
  const rows = await db
    .selectFrom('staff_roles')
    .select('role')
    .where('staff_id', '=', staffId)
    .orderBy('role')
    .execute();
  return rows.map((r) => r.role);
}

/** The signed-in person's own profile, as the desktop's status bar shows it (UI-2). */
export async function findProfile(db: Db, staffId: number): Promise<Me | undefined> {
  const row = await db
    .selectFrom('staff as s')
    .leftJoin('departments as d', 'd.id', 's.department_id')
    .leftJoin('areas as a', 'a.id', 's.area_id')
    .leftJoin('extensions as e', 'e.id', 's.extension_id')
    .select([
      's.id',
      's.employee_no',
      's.name',
      's.department_id',
      'd.name as department_name',
      's.area_id',
      'a.name as area_name',
      'e.number as extension',
      's.must_change_password',
    ])
    .where('s.id', '=', staffId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [roles, skills] = await Promise.all([
    findRoles(db, staffId),
    db
      .selectFrom('staff_skills as k')
      .innerJoin('skill_groups as g', 'g.id', 'k.skill_group_id')
      .select(['g.id', 'g.code', 'g.name', 'k.level'])
      .where('k.staff_id', '=', staffId)
      .orderBy('g.code')
      .execute(),
  ]);
  return {
    id: row.id,
    employeeNo: row.employee_no,
    name: row.name,
    roles,
    departmentId: row.department_id,
    departmentName: row.department_name,
    areaId: row.area_id,
    areaName: row.area_name,
    extension: row.extension,
    skills: skills.map((k) => ({ skillGroupId: k.id, code: k.code, name: k.name, level: k.level })),
    mustChangePassword: row.must_change_password,
  };
}
