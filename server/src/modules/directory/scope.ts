import { DEPARTMENT_SCOPED_ROLES, type Role } from '@switchboard/shared';
import type { Actor } from '../../http/access.ts';

/**
 * What part of the organisation an actor may see: 'all', or only its own department's id
 * (department supervisors and handlers, PLAT-3). Someone who also holds a centre-wide role
 * sees all. A department-scoped actor without a department sees nothing (-1 matches no row).
 */
export function departmentScopeOf(actor: Pick<Actor, 'roles' | 'departmentId'>): 'all' | number {
  const onlyDepartmentRoles = actor.roles.every((r: Role) => DEPARTMENT_SCOPED_ROLES.includes(r));
  if (!onlyDepartmentRoles) return 'all';
  return actor.departmentId ?? -1;
}
