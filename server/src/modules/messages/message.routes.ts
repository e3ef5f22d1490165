import {
  agentMessageInputSchema,
  agentMessageListQuerySchema,
  agentMessageSchema,
  colleaguesSchema,
  helpRequestInputSchema,
  helpRequestSchema,
  idParamSchema,
  pageOf,
} from '@switchboard/shared';
import { z } from 'zod';
import { actorOf, hasAnyRole } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { publishLiveNotice } from '../../live/live-notices.ts';
import * as repo from './agent-message.repository.ts';
import { MESSAGE_ERRORS } from './message.errors.ts';

// CTI-18: short messages between staff, and help requests (求助) from an agent to the leads.
const tags = ['messages'];
const LEADS = ['team_lead', 'duty_lead'] as const;

export function registerMessageRoutes(app: App, { db, clock }: AppDeps): void {
  const mustExist = <T>(value: T | undefined): T => {
    if (value === undefined) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return value;
  };

  app.get(
    '/api/messages/colleagues',
    {
      config: { access: 'authenticated' },
      schema: { tags, summary: 'Active staff to address a message to', response: { 200: colleaguesSchema } },
    },
    async (request) => ({ items: await repo.listColleagues(db, actorOf(request).id) }),
  );

  app.post(
    '/api/messages',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Send a short message to one or several colleagues; each gets it at once',
        body: agentMessageInputSchema,
        response: { 201: z.object({ items: z.array(agentMessageSchema) }) },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const toIds = [...new Set(request.body.toStaffIds)];
      if (toIds.includes(actor.id)) throw new AppError(MESSAGE_ERRORS.SELF_RECIPIENT);
      const now = clock.now();
      const rows = await db.transaction().execute(async (trx) => {
        const active = await repo.activeStaffIds(trx, toIds);
        if (active.size !== toIds.length) throw new AppError(MESSAGE_ERRORS.UNKNOWN_RECIPIENT);
        return repo.insertMessages(trx, actor.id, toIds, request.body.body, now);
      });
      for (const row of rows) {
        publishLiveNotice({
          topic: 'message',
          audience: { kind: 'staff', staffIds: [row.to_staff_id] },
          data: { id: row.id, from: actor.id },
        });
      }
      const items = await Promise.all(
        rows.map(async (r) => mustExist(await repo.getMessageFor(db, r.id, actor.id))),
      );
      return reply.code(201).send({ items });
    },
  );

  app.get(
    '/api/messages',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'My inbox or my sent messages, newest first',
        querystring: agentMessageListQuerySchema,
        response: { 200: pageOf(agentMessageSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      return { ...(await repo.listMessages(db, actorOf(request).id, q)), page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/messages/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One message I sent or received (404 otherwise)',
        params: idParamSchema,
        response: { 200: agentMessageSchema },
      },
    },
    async (request) => mustExist(await repo.getMessageFor(db, request.params.id, actorOf(request).id)),
  );

  app.post(
    '/api/messages/:id/read',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Mark a message addressed to me as read',
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

  app.post(
    '/api/help-requests',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Ask the team leads and duty leads for help (求助), optionally about a call',
        body: helpRequestInputSchema,
        response: { 201: helpRequestSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const id = await repo.insertHelpRequest(
        db,
        actor.id,
        request.body.body,
        request.body.callId ?? null,
        clock.now(),
      );
      publishLiveNotice({
        topic: 'help_request',
        audience: { kind: 'roles', roles: [...LEADS] },
        data: { id, from: actor.id },
      });
      return reply.code(201).send(mustExist(await repo.getHelpRequestFor(db, id, actor.id, true)));
    },
  );

  app.get(
    '/api/help-requests',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Help requests: all of them for leads, my own for everyone else',
        response: { 200: z.object({ items: z.array(helpRequestSchema) }) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return { items: await repo.listHelpRequests(db, actor.id, hasAnyRole(actor, LEADS)) };
    },
  );

  app.get(
    '/api/help-requests/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'One help request (leads: any; others: their own)',
        params: idParamSchema,
        response: { 200: helpRequestSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      return mustExist(
        await repo.getHelpRequestFor(db, request.params.id, actor.id, hasAnyRole(actor, LEADS)),
      );
    },
  );

  app.post(
    '/api/help-requests/:id/take',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary: 'Respond to a help request: the first lead takes it, the agent is told who',
        params: idParamSchema,
        response: { 200: helpRequestSchema },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const { id } = request.params;
      const existing = mustExist(await repo.getHelpRequestFor(db, id, actor.id, true));
      if (!(await repo.takeHelpRequest(db, id, actor.id, clock.now()))) {
        throw new AppError(MESSAGE_ERRORS.ALREADY_TAKEN);
      }
      publishLiveNotice({
        topic: 'help_request',
        audience: { kind: 'staff', staffIds: [existing.from.id] },
        data: { id, takenBy: actor.id },
      });
      return mustExist(await repo.getHelpRequestFor(db, id, actor.id, true));
    },
  );
}
