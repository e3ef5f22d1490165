import { isoDateTime, pageQuerySchema } from '@switchboard/shared';
import { z } from 'zod';

export const loginLogQuerySchema = pageQuerySchema.extend({
  loginName: z.string().trim().max(64).optional(),
  ip: z.string().trim().max(64).optional(),
  result: z.enum(['success', 'failure', 'refused']).optional(),
  event: z.enum(['login', 'logout']).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type LoginLogQuery = z.infer<typeof loginLogQuerySchema>;

export const loginLogRowSchema = z.object({
  id: z.string(),
  at: z.date(),
  event: z.enum(['login', 'logout']),
  loginName: z.string(),
  staffId: z.number().int().nullable(),
  staffName: z.string().nullable(),
  ip: z.string(),
  userAgent: z.string(),
  result: z.enum(['success', 'failure', 'refused']),
  reason: z.string().nullable(),
});

export const auditEventQuerySchema = pageQuerySchema.extend({
  actorEmployeeNo: z.string().trim().max(64).optional(),
  action: z.string().trim().max(64).optional(),
  objectType: z.string().trim().max(64).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type AuditEventQuery = z.infer<typeof auditEventQuerySchema>;

export const auditEventRowSchema = z.object({
  id: z.string(),
  at: z.date(),
  actorId: z.number().int().nullable(),
  actorEmployeeNo: z.string().nullable(),
  action: z.string(),
  objectType: z.string(),
  objectId: z.string().nullable(),
  ip: z.string().nullable(),
  detail: z.record(z.string(), z.unknown()),
});
