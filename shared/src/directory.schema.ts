import { z } from 'zod';
import { employeeNoSchema, passwordSchema } from './auth.schema.ts';
import { ROLES } from './roles.ts';
import {
  accessCodeText,
  codeText,
  extensionText,
  idSchema,
  pageQuerySchema,
  phoneText,
  text,
} from './text.ts';

// Directory (PLAT-3): staff, skill groups, departments, areas, extensions (座席分机表).

export const GENDERS = ['male', 'female', 'unknown'] as const;

const listQuery = pageQuerySchema.extend({ q: z.string().trim().max(100).optional() });

// ---- areas (片区)
export const areaInputSchema = z.strictObject({ code: codeText, name: text(50) });
export const areaUpdateSchema = areaInputSchema.partial();
export const areaSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  staffCount: z.number(),
});
export const areaListQuerySchema = listQuery;
export type Area = z.infer<typeof areaSchema>;

// ---- departments (部门)
export const departmentInputSchema = z.strictObject({
  code: codeText,
  name: text(50),
  supervisorId: idSchema.nullable().optional(),
});
export const departmentUpdateSchema = departmentInputSchema.partial();
export const departmentSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  supervisorId: z.number().int().nullable(),
  supervisorName: z.string().nullable(),
  staffCount: z.number(),
});
export const departmentListQuerySchema = listQuery;
export type Department = z.infer<typeof departmentSchema>;

// ---- skill groups (技能组)
export const skillGroupInputSchema = z.strictObject({
  code: codeText,
  name: text(50),
  isComprehensive: z.boolean().default(false),
  accessCodes: z.array(accessCodeText).max(20).default([]),
});
export const skillGroupUpdateSchema = z.strictObject({
  code: codeText.optional(),
  name: text(50).optional(),
  isComprehensive: z.boolean().optional(),
  accessCodes: z.array(accessCodeText).max(20).optional(),
});
export const skillGroupSchema = z.object({
  id: z.number().int(),
  code: z.string(),
  name: z.string(),
  isComprehensive: z.boolean(),
  accessCodes: z.array(z.string()),
  staffCount: z.number(),
});
export const skillGroupListQuerySchema = listQuery;
export type SkillGroup = z.infer<typeof skillGroupSchema>;

// ---- extensions (分机)
export const extensionInputSchema = z.strictObject({
  number: extensionText,
  areaId: idSchema.nullable().optional(),
  remark: text(200).nullable().optional(),
});
export const extensionUpdateSchema = extensionInputSchema.partial();
export const extensionSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  areaId: z.number().int().nullable(),
  areaName: z.string().nullable(),
  remark: z.string().nullable(),
  staffId: z.number().int().nullable(),
  staffEmployeeNo: z.string().nullable(),
  staffName: z.string().nullable(),
});
export const extensionListQuerySchema = listQuery.extend({ free: z.enum(['true', 'false']).optional() });
export type Extension = z.infer<typeof extensionSchema>;

// ---- staff (员工)
const skillAssignment = z.strictObject({ skillGroupId: idSchema, level: z.number().int().min(1).max(5) });
const uniqueBy =
  <T>(key: (t: T) => unknown) =>
  (items: T[]) =>
    new Set(items.map(key)).size === items.length;

const staffFields = {
  name: text(50),
  gender: z.enum(GENDERS).default('unknown'),
  phone: phoneText.nullable().optional(),
  departmentId: idSchema.nullable().optional(),
  areaId: idSchema.nullable().optional(),
  extensionId: idSchema.nullable().optional(),
  roles: z
    .array(z.enum(ROLES))
    .min(1)
    .max(ROLES.length)
    .refine(
      uniqueBy((r: string) => r),
      'duplicate_items',
    ),
  skills: z
    .array(skillAssignment)
    .max(50)
    .refine(
      uniqueBy((s: { skillGroupId: number }) => s.skillGroupId),
      'duplicate_items',
    )
    .default([]),
};

export const staffCreateSchema = z.strictObject({
  employeeNo: employeeNoSchema,
  ...staffFields,
  password: passwordSchema,
});
export type StaffCreate = z.infer<typeof staffCreateSchema>;

export const staffUpdateSchema = z.strictObject({
  name: staffFields.name.optional(),
  gender: z.enum(GENDERS).optional(),
  phone: staffFields.phone,
  departmentId: staffFields.departmentId,
  areaId: staffFields.areaId,
  extensionId: staffFields.extensionId,
  roles: staffFields.roles.optional(),
  skills: z
    .array(skillAssignment)
    .max(50)
    .refine(
      uniqueBy((s: { skillGroupId: number }) => s.skillGroupId),
      'duplicate_items',
    )
    .optional(),
  active: z.boolean().optional(),
});
export type StaffUpdate = z.infer<typeof staffUpdateSchema>;

export const staffSchema = z.object({
  id: z.number().int(),
  employeeNo: z.string(),
  name: z.string(),
  gender: z.enum(GENDERS),
  phone: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  areaId: z.number().int().nullable(),
  areaName: z.string().nullable(),
  extensionId: z.number().int().nullable(),
  extension: z.string().nullable(),
  roles: z.array(z.enum(ROLES)),
  skills: z.array(
    z.object({ skillGroupId: z.number().int(), code: z.string(), name: z.string(), level: z.number().int() }),
  ),
  active: z.boolean(),
  mustChangePassword: z.boolean(),
});
export type Staff = z.infer<typeof staffSchema>;

export const staffListQuerySchema = listQuery.extend({
  departmentId: z.coerce.number().int().min(1).optional(),
  areaId: z.coerce.number().int().min(1).optional(),
  skillGroupId: z.coerce.number().int().min(1).optional(),
  role: z.enum(ROLES).optional(),
  active: z.enum(['true', 'false']).optional(),
});
export type StaffListQuery = z.infer<typeof staffListQuerySchema>;

export const passwordResetResponseSchema = z.object({ temporaryPassword: z.string() });
