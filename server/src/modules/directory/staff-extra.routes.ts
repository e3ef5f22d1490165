import { randomInt } from 'node:crypto';
import { idParamSchema, passwordResetResponseSchema, staffListQuerySchema } from '@switchboard/shared';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { toCsv } from '../../http/csv.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { revokeStaffSessions } from '../auth/session.repository.ts';
import type { StaffRepository } from './staff.repository.ts';

const EXPORT_LIMIT = 20_000;
// No 0/O, 1/l/I: a temporary password is read aloud or copied from a screen.
const TEMP_PASSWORD_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghjkmnpqrstuvwxyz23456789';

export function registerStaffExtraRoutes(app: App, deps: AppDeps, staff: StaffRepository): void {
  const { db, clock, hasher } = deps;

  app.post(
    '/api/staff/:id/password-reset',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['directory'],
        summary:
          'Reset a password: returns a one-time temporary password, which must be changed at next sign-in',
        params: idParamSchema,
        response: { 200: passwordResetResponseSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const temporaryPassword = Array.from(
        { length: 12 },
        () => TEMP_PASSWORD_ALPHABET[randomInt(TEMP_PASSWORD_ALPHABET.length)],
      ).join('');
      const passwordHash = await hasher.hash(temporaryPassword);
      const now = clock.now();
      await db.transaction().execute(async (trx) => {
        const r = await trx
          .updateTable('staff')
          .set({ password_hash: passwordHash, must_change_password: true, updated_at: now })
          .where('id', '=', id)
          .executeTakeFirst();
        if (Number(r.numUpdatedRows) === 0) throw new AppError(COMMON_ERRORS.NOT_FOUND);
        await revokeStaffSessions(trx, id, now);
        await recordAuditEvent(trx, {
          at: now,
          actor,
          action: 'staff.password_reset',
          objectType: 'staff',
          objectId: id,
          ip: request.ip,
        });
      });
      return { temporaryPassword };
    },
  );

  app.get(
    '/api/staff/export',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['directory'],
        summary: 'Staff list as CSV (audited export)',
        querystring: staffListQuerySchema.omit({ page: true, pageSize: true }),
        produces: ['text/csv'],
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const rows = await db.transaction().execute(async (trx) => {
        const found = await staff.listAll(trx, request.query, actor, EXPORT_LIMIT);
        await recordAuditEvent(trx, {
          at: clock.now(),
          actor,
          action: 'staff.export',
          objectType: 'staff',
          objectId: null,
          ip: request.ip,
          detail: { filter: request.query, rows: found.length },
        });
        return found;
      });
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="staff.csv"');
      return toCsv(
        [
          'employee_no',
          'name',
          'gender',
          'phone',
          'department',
          'area',
          'extension',
          'roles',
          'skills',
          'active',
        ],
        rows.map((s) => [
          s.employeeNo,
          s.name,
          s.gender,
          s.phone,
          s.departmentName,
          s.areaName,
          s.extension,
          s.roles.join(' '),
          s.skills.map((k) => `${k.name}(${k.level})`).join(' '),
          s.active,
        ]),
      );
    },
  );
}
