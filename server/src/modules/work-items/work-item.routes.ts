import {
  contactFormReceiptSchema,
  contactFormSchema,
  idParamSchema,
  workItemCloseSchema,
  workItemConvertSchema,
  workItemDetailSchema,
  workItemListQuerySchema,
  workItemListSchema,
  workItemReplySchema,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { notifyWorkItemsChanged } from './index.ts';
import { getWorkItemDetail, listWorkItems } from './work-item.repository.ts';
import {
  closeWorkItem,
  convertWorkItem,
  replyToWorkItem,
  submitContactForm,
  takeWorkItem,
  type WorkContext,
} from './work-item.service.ts';

// MSG-5: the public web form (网上留言) and the agents' work-item queue (工作项).
const tags = ['work-items'];
const WORKERS = ['agent', 'team_lead', 'duty_lead', 'admin'] as const;

export function registerWorkItemRoutes(app: App, { db, clock }: AppDeps): void {
  const ctx = (request: FastifyRequest): WorkContext => ({ actor: actorOf(request), now: clock.now() });
  const detail = async (id: number) => {
    const found = await getWorkItemDetail(db, id);
    if (!found) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return found;
  };
  const changed = async (id: number) => {
    const item = await detail(id);
    notifyWorkItemsChanged(id, item.state);
    return item;
  };

  app.post(
    '/api/contact-form',
    {
      config: { access: 'public' },
      bodyLimit: 16_384,
      schema: {
        tags,
        summary: 'Public web form (网上留言): becomes a work item; limited per IP per hour (429)',
        body: contactFormSchema,
        response: { 201: contactFormReceiptSchema },
      },
    },
    async (request, reply) => {
      const created = await submitContactForm(db, request.body, { ip: request.ip, now: clock.now() });
      if (created) notifyWorkItemsChanged(created.id, 'new');
      return reply.code(201).send({ received: true as const });
    },
  );

  app.get(
    '/api/work-items',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'The work-item queue by state and channel, newest first, with counts per state',
        querystring: workItemListQuerySchema,
        response: { 200: workItemListSchema },
      },
    },
    async (request) => listWorkItems(db, request.query),
  );

  app.get(
    '/api/work-items/:id',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'One work item with its history',
        params: idParamSchema,
        response: { 200: workItemDetailSchema },
      },
    },
    async (request) => detail(request.params.id),
  );

  app.post(
    '/api/work-items/:id/take',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Take (claim) a new work item; only one agent can hold it (409 for the others)',
        params: idParamSchema,
        response: { 200: workItemDetailSchema },
      },
    },
    async (request) => {
      await takeWorkItem(db, request.params.id, ctx(request));
      return changed(request.params.id);
    },
  );

  app.post(
    '/api/work-items/:id/reply',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Reply by SMS or e-mail through the outbox; the same requestId twice is one message',
        params: idParamSchema,
        body: workItemReplySchema,
        response: { 200: z.object({ outboxId: z.number().int() }) },
      },
    },
    async (request) => {
      const result = await replyToWorkItem(db, request.params.id, request.body, ctx(request));
      await changed(request.params.id);
      return result;
    },
  );

  app.post(
    '/api/work-items/:id/close',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Mark a work item resolved or spam',
        params: idParamSchema,
        body: workItemCloseSchema,
        response: { 200: workItemDetailSchema },
      },
    },
    async (request) => {
      await closeWorkItem(db, request.params.id, request.body, ctx(request));
      return changed(request.params.id);
    },
  );

  app.post(
    '/api/work-items/:id/convert',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Link the ticket opened from this work item and close it as converted',
        params: idParamSchema,
        body: workItemConvertSchema,
        response: { 200: workItemDetailSchema },
      },
    },
    async (request) => {
      await convertWorkItem(db, request.params.id, request.body.ticketId, ctx(request));
      return changed(request.params.id);
    },
  );
}
