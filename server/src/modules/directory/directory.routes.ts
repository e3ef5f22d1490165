import {
  areaInputSchema,
  areaListQuerySchema,
  areaSchema,
  areaUpdateSchema,
  departmentInputSchema,
  departmentListQuerySchema,
  departmentSchema,
  departmentUpdateSchema,
  extensionInputSchema,
  extensionListQuerySchema,
  extensionSchema,
  extensionUpdateSchema,
  type Role,
  skillGroupInputSchema,
  skillGroupListQuerySchema,
  skillGroupSchema,
  skillGroupUpdateSchema,
  staffCreateSchema,
  staffListQuerySchema,
  staffSchema,
  staffUpdateSchema,
} from '@switchboard/shared';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { registerCrudRoutes } from '../../http/crud-routes.ts';
import { areaRepository } from './area.repository.ts';
import { departmentRepository } from './department.repository.ts';
import { DIRECTORY_ERRORS } from './directory.errors.ts';
import { extensionRepository } from './extension.repository.ts';
import { skillGroupRepository } from './skill-group.repository.ts';
import { createStaffRepository } from './staff.repository.ts';
import { registerStaffExtraRoutes } from './staff-extra.routes.ts';

// Who reads the directory: everyone signed in may read reference lists (skills, areas,
// departments) the desktop needs; staff records are for administrators, leads, QA and
// department supervisors (own department only). Extensions are maintained by admins and team
// leads (SUP-9).
const STAFF_READERS: Role[] = ['admin', 'team_lead', 'duty_lead', 'qa', 'dept_supervisor'];
const LEADS: Role[] = ['admin', 'team_lead', 'duty_lead'];

export function registerDirectoryRoutes(app: App, deps: AppDeps): void {
  const staffRepository = createStaffRepository(deps.hasher);
  registerCrudRoutes(app, deps, {
    path: '/api/staff',
    tag: 'directory',
    noun: 'staff member',
    objectType: 'staff',
    access: { read: STAFF_READERS, write: ['admin'] },
    schemas: {
      view: staffSchema,
      create: staffCreateSchema,
      update: staffUpdateSchema,
      listQuery: staffListQuerySchema,
    },
    repository: staffRepository,
    inUseError: new AppError(DIRECTORY_ERRORS.STAFF_IN_USE),
    removeSummary: 'Deactivate a staff member (staff are never deleted); ends their sessions',
    removeAction: 'staff.deactivate',
  });
  registerStaffExtraRoutes(app, deps, staffRepository);
  registerCrudRoutes(app, deps, {
    path: '/api/skill-groups',
    tag: 'directory',
    noun: 'skill group',
    objectType: 'skill_group',
    access: { read: 'authenticated', write: ['admin'] },
    schemas: {
      view: skillGroupSchema,
      create: skillGroupInputSchema,
      update: skillGroupUpdateSchema,
      listQuery: skillGroupListQuerySchema,
    },
    repository: skillGroupRepository,
    inUseError: new AppError(DIRECTORY_ERRORS.SKILL_GROUP_IN_USE),
  });
  registerCrudRoutes(app, deps, {
    path: '/api/departments',
    tag: 'directory',
    noun: 'department',
    objectType: 'department',
    access: { read: 'authenticated', write: ['admin'] },
    schemas: {
      view: departmentSchema,
      create: departmentInputSchema,
      update: departmentUpdateSchema,
      listQuery: departmentListQuerySchema,
    },
    repository: departmentRepository,
    inUseError: new AppError(DIRECTORY_ERRORS.DEPARTMENT_IN_USE),
  });
  registerCrudRoutes(app, deps, {
    path: '/api/areas',
    tag: 'directory',
    noun: 'area',
    objectType: 'area',
    access: { read: 'authenticated', write: ['admin'] },
    schemas: {
      view: areaSchema,
      create: areaInputSchema,
      update: areaUpdateSchema,
      listQuery: areaListQuerySchema,
    },
    repository: areaRepository,
    inUseError: new AppError(DIRECTORY_ERRORS.AREA_IN_USE),
  });
  registerCrudRoutes(app, deps, {
    path: '/api/extensions',
    tag: 'directory',
    noun: 'extension',
    objectType: 'extension',
    access: { read: LEADS, write: LEADS },
    schemas: {
      view: extensionSchema,
      create: extensionInputSchema,
      update: extensionUpdateSchema,
      listQuery: extensionListQuerySchema,
    },
    repository: extensionRepository,
    inUseError: new AppError(DIRECTORY_ERRORS.EXTENSION_IN_USE),
  });
}
