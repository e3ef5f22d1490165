import { pageOf } from '@switchboard/shared';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { toCsv } from '../../http/csv.ts';
import { recordAuditEvent } from './audit.repository.ts';
import {
  auditEventQuerySchema,
  auditEventRowSchema,
  loginLogQuerySchema,
  loginLogRowSchema,
} from './audit.schema.ts';
import { findAuditEvents, findLoginLog } from './audit-query.repository.ts';

const EXPORT_LIMIT = 50_000;

export function registerAuditRoutes(app: App, { db, clock }: AppDeps): void {
  app.get(
    '/api/audit/logins',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Login log (登录日志): every attempt and logout, newest first',
        querystring: loginLogQuerySchema,
        response: { 200: pageOf(loginLogRowSchema) },
      },
    },
    async (request) => findLoginLog(db, request.query),
  );

  app.get(
    '/api/audit/logins/export',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Login log as CSV (audited export)',
        querystring: loginLogQuerySchema.omit({ page: true, pageSize: true }),
        produces: ['text/csv'],
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const filter = { ...request.query, page: 1, pageSize: EXPORT_LIMIT };
      const result = await db.transaction().execute(async (trx) => {
        const page = await findLoginLog(trx, filter);
        await recordAuditEvent(trx, {
          at: clock.now(),
          actor,
          action: 'login_log.export',
          objectType: 'login_log',
          objectId: null,
          ip: request.ip,
          detail: { filter: request.query, rows: page.items.length },
        });
        return page;
      });
      const csv = toCsv(
        ['time', 'event', 'login_name', 'staff_name', 'ip', 'user_agent', 'result', 'reason'],
        result.items.map((r) => [
          r.at,
          r.event,
          r.loginName,
          r.staffName,
          r.ip,
          r.userAgent,
          r.result,
          r.reason,
        ]),
      );
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header('content-disposition', 'attachment; filename="login-log.csv"');
      return csv;
    },
  );

  app.get(
    '/api/audit/events',
    {
      config: { access: ['admin'] },
      schema: {
        tags: ['audit'],
        summary: 'Audit trail: data access, exports, administrative and supervisor actions',
        querystring: auditEventQuerySchema,
        response: { 200: pageOf(auditEventRowSchema) },
      },
    },
    async (request) => findAuditEvents(db, request.query),
  );
}
