import {
  activeFaultAlarmsSchema,
  areaIdParamSchema,
  faultAlarmEventQuerySchema,
  faultAlarmEventSchema,
  pageOf,
} from '@switchboard/shared';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { publishLiveNotice } from '../../live/live-notices.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { acknowledgeFaultAlarm, activeFaultAlarms, faultAlarmEvents } from './fault-alarm.repository.ts';

// SUP-12: every desktop reads the active alarms; leads read the history and acknowledge.
const tags = ['fault-alarms'];
const LEADS = ['team_lead', 'duty_lead', 'admin'] as const;

export function registerFaultAlarmRoutes(app: App, { db, clock }: AppDeps): void {
  app.get(
    '/api/fault-alarms/active',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Active fault pre-alarms by area (level 1 most severe first)',
        response: { 200: activeFaultAlarmsSchema },
      },
    },
    async () => ({ items: await activeFaultAlarms(db) }),
  );

  app.get(
    '/api/fault-alarms/events',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary: 'Alarm history (raised, escalated, de-escalated, cleared, acknowledged), newest first',
        querystring: faultAlarmEventQuerySchema,
        response: { 200: pageOf(faultAlarmEventSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await faultAlarmEvents(db, q);
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/api/fault-alarms/:areaId/acknowledge',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary: "Acknowledge an area's active alarm (404 when it has none)",
        params: areaIdParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      const { areaId } = request.params;
      const ok = await db.transaction().execute(async (trx) => {
        if (!(await acknowledgeFaultAlarm(trx, areaId, actor.id, now))) return false;
        await recordAuditEvent(trx, {
          at: now,
          actor,
          action: 'fault_alarm.acknowledge',
          objectType: 'fault_alarm',
          objectId: areaId,
          ip: request.ip,
          detail: { op: 'acknowledge' },
        });
        return true;
      });
      if (!ok) throw new AppError(COMMON_ERRORS.NOT_FOUND);
      const level = (await activeFaultAlarms(db)).find((a) => a.areaId === areaId)?.level ?? null;
      publishLiveNotice({ topic: 'fault_alarm', audience: { kind: 'all' }, data: { areaId, level } });
      return reply.code(204).send(null);
    },
  );
}
