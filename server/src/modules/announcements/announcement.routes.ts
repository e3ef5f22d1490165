import {
  announcementInputSchema,
  announcementListQuerySchema,
  announcementSchema,
  announcementUpdateSchema,
  idParamSchema,
  myAnnouncementsSchema,
  pageOf,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { type AnnouncementPublished, publishAnnouncementEvent } from './announcement.events.ts';
import { announcementRepository as repo } from './announcement.repository.ts';
import { createAnnouncement, deleteAnnouncement, updateAnnouncement } from './announcement.service.ts';

// MSG-1: the back office (admin) writes announcements; everyone signed in reads their own.
const tags = ['announcements'];
const BACK_OFFICE = ['admin'] as const;

export function registerAnnouncementRoutes(app: App, { db, clock }: AppDeps): void {
  const context = (request: FastifyRequest): ChangeContext => ({
    actor: actorOf(request),
    now: clock.now(),
    ip: request.ip,
  });
  const mustExist = <T>(value: T | undefined): T => {
    if (value === undefined) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return value;
  };
  const publish = (request: FastifyRequest, event: AnnouncementPublished) =>
    publishAnnouncementEvent(event, (err) => request.log.error({ err }, 'announcement listener failed'));

  app.get(
    '/api/announcements/mine',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Announcements addressed to me and valid now (公告通知区): urgent first, then newest',
        response: { 200: myAnnouncementsSchema },
      },
    },
    async (request) => ({ items: await repo.mine(db, actorOf(request).id, clock.now()) }),
  );

  app.post(
    '/api/announcements/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark an announcement addressed to me as read (404 if it is not addressed to me)',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const found = await repo.markRead(db, request.params.id, actorOf(request).id, clock.now());
      if (!found) throw new AppError(COMMON_ERRORS.NOT_FOUND);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/announcements',
    {
      config: { access: BACK_OFFICE },
      schema: {
        tags,
        summary: 'List announcements (back office): search title/body, status, urgent, paging',
        querystring: announcementListQuerySchema,
        response: { 200: pageOf(announcementSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      const { items, total } = await repo.list(db, q, clock.now());
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/announcements/:id',
    {
      config: { access: BACK_OFFICE },
      schema: {
        tags,
        summary: 'Read one announcement (back office)',
        params: idParamSchema,
        response: { 200: announcementSchema },
      },
    },
    async (request) => mustExist(await repo.get(db, request.params.id, clock.now())),
  );

  app.post(
    '/api/announcements',
    {
      config: { access: BACK_OFFICE },
      schema: {
        tags,
        summary: 'Publish an announcement to everyone or to chosen staff, skill groups or areas',
        body: announcementInputSchema,
        response: { 201: announcementSchema },
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      const event = await db.transaction().execute((trx) => createAnnouncement(trx, request.body, ctx));
      publish(request, event);
      return reply.code(201).send(mustExist(await repo.get(db, event.id, ctx.now)));
    },
  );

  app.patch(
    '/api/announcements/:id',
    {
      config: { access: BACK_OFFICE },
      schema: {
        tags,
        summary: 'Change an announcement (changing the audience needs its targetIds again)',
        params: idParamSchema,
        body: announcementUpdateSchema,
        response: { 200: announcementSchema },
      },
    },
    async (request) => {
      const ctx = context(request);
      const { id } = request.params;
      const event = mustExist(
        await db.transaction().execute((trx) => updateAnnouncement(trx, id, request.body, ctx)),
      );
      publish(request, event);
      return mustExist(await repo.get(db, id, ctx.now));
    },
  );

  app.delete(
    '/api/announcements/:id',
    {
      config: { access: BACK_OFFICE },
      schema: {
        tags,
        summary: 'Delete (withdraw) an announcement; kept for the audit trail, shown to no one',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      const event = mustExist(
        await db.transaction().execute((trx) => deleteAnnouncement(trx, request.params.id, ctx)),
      );
      publish(request, event);
      return reply.code(204).send(null);
    },
  );
}
