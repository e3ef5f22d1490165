import { z } from 'zod';
import { ROLES } from './roles.ts';

export const employeeNoSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z0-9_-]{2,20}$/, 'employee_no_format');

export const passwordSchema = z.string().min(8).max(128);

export const loginRequestSchema = z.strictObject({
  employeeNo: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const changePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(256),
  newPassword: passwordSchema,
});
export type ChangePasswordRequest = z.infer<typeof changePasswordRequestSchema>;

export const staffSkillSchema = z.object({
  skillGroupId: z.number().int(),
  code: z.string(),
  name: z.string(),
  level: z.number().int().min(1).max(5),
});
export type StaffSkill = z.infer<typeof staffSkillSchema>;

export const meSchema = z.object({
  id: z.number().int(),
  employeeNo: z.string(),
  name: z.string(),
  roles: z.array(z.enum(ROLES)),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  areaId: z.number().int().nullable(),
  areaName: z.string().nullable(),
  extension: z.string().nullable(),
  skills: z.array(staffSkillSchema),
  mustChangePassword: z.boolean(),
});
export type Me = z.infer<typeof meSchema>;

export const meResponseSchema = z.object({ user: meSchema });
export type MeResponse = z.infer<typeof meResponseSchema>;
