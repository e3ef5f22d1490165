import {
  idParamSchema,
  SERVICE_HOURS_EDITOR_ROLES,
  SERVICE_HOURS_READER_ROLES,
  serviceCalendarInputSchema,
  serviceCalendarSchema,
  serviceHoursOverviewSchema,
  serviceHoursStatusSchema,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { publishLiveNotice } from '../../live/live-notices.ts';
import type { CalendarScope } from './service-hours.repository.ts';
import {
  removeCalendar,
  saveCalendar,
  serviceHoursOverview,
  serviceHoursStatus,
} from './service-hours.service.ts';

// Service hours: weekly hours, holidays, extra working days (after-hours routing to voicemail).
// Admins edit; leads read the calendars; everyone signed in may ask whether a group is open now
// (the desktop's banner). After a committed change call control reloads its in-memory copy.
const tags = ['service-hours'];

export function registerServiceHoursRoutes(app: App, deps: AppDeps): void {
  const { db, clock } = deps;
  const context = (request: FastifyRequest): ChangeContext => ({
    actor: actorOf(request),
    now: clock.now(),
    ip: request.ip,
  });
  // After a committed change: call control takes the new hours, desktops refetch their banner.
  const afterChange = async () => {
    await deps.cti?.serviceHours.reload();
    publishLiveNotice({ topic: 'service_hours', audience: { kind: 'all' } });
  };

  app.get(
    '/api/service-hours',
    {
      config: { access: SERVICE_HOURS_READER_ROLES },
      schema: {
        tags,
        summary:
          'The centre default calendar and each skill group with its own calendar (null: uses the default)',
        response: { 200: serviceHoursOverviewSchema },
      },
    },
    async () => serviceHoursOverview(db),
  );

  app.get(
    '/api/service-hours/status',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Open or closed now, and when that changes next, for the default and every skill group',
        response: { 200: serviceHoursStatusSchema },
      },
    },
    async () => serviceHoursStatus(db, clock.now()),
  );

  const replace = async (
    request: FastifyRequest,
    scope: CalendarScope,
    body: z.infer<typeof serviceCalendarInputSchema>,
  ) => {
    const ctx = context(request);
    const saved = await db.transaction().execute((trx) => saveCalendar(trx, scope, body, ctx));
    await afterChange();
    return saved;
  };
  const remove = async (request: FastifyRequest, scope: CalendarScope) => {
    const ctx = context(request);
    await db.transaction().execute((trx) => removeCalendar(trx, scope, ctx));
    await afterChange();
  };

  app.put(
    '/api/service-hours/center',
    {
      config: { access: SERVICE_HOURS_EDITOR_ROLES },
      schema: {
        tags,
        summary: 'Replace the centre default calendar as a whole (groups without their own use it)',
        body: serviceCalendarInputSchema,
        response: { 200: serviceCalendarSchema },
      },
    },
    async (request) => replace(request, null, request.body),
  );

  app.delete(
    '/api/service-hours/center',
    {
      config: { access: SERVICE_HOURS_EDITOR_ROLES },
      schema: {
        tags,
        summary: 'Remove the centre default: groups without their own calendar are then always open',
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await remove(request, null);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/api/service-hours/skill-groups/:id',
    {
      config: { access: SERVICE_HOURS_EDITOR_ROLES },
      schema: {
        tags,
        summary: "Replace a skill group's own calendar as a whole (creates it if the group used the default)",
        params: idParamSchema,
        body: serviceCalendarInputSchema,
        response: { 200: serviceCalendarSchema },
      },
    },
    async (request) => replace(request, request.params.id, request.body),
  );

  app.delete(
    '/api/service-hours/skill-groups/:id',
    {
      config: { access: SERVICE_HOURS_EDITOR_ROLES },
      schema: {
        tags,
        summary: "Remove a skill group's own calendar: it falls back to the centre default",
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await remove(request, request.params.id);
      return reply.code(204).send(null);
    },
  );
}
