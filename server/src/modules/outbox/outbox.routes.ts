import { timingSafeEqual } from 'node:crypto';
import {
  campaignDecisionSchema,
  campaignInputSchema,
  campaignSchema,
  idParamSchema,
  outboxListQuerySchema,
  outboxMessageSchema,
  outboxSendSchema,
  pageOf,
  sinkMessageSchema,
  smsInboundInputSchema,
  smsInboundSchema,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { findJobByKey, requeueJob } from '../../jobs/job.repository.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { appendTimelineEntry } from '../customers/index.ts';
import { decideCampaign, draftCampaign, listCampaigns } from './campaign.service.ts';
import { enqueueOutbound, outboxJobKey } from './index.ts';
import { OUTBOX_ERRORS } from './outbox.errors.ts';
import { getOutboxMessage, listInbound, listOutbox, listSink } from './outbox.repository.ts';
import { recordInboundSms } from './sms-inbound.ts';
import { registerSmsSubscriptionRoutes } from './sms-subscription.routes.ts';

// MSG-2 … MSG-4: the outbox as the back office sees it, single messages, inbound SMS and bulk
// campaigns with approval (群发审核).
const tags = ['outbox'];
const LEADS = ['team_lead', 'duty_lead', 'admin'] as const;
const SENDERS = ['agent', 'team_lead', 'duty_lead', 'admin'] as const;

export function registerOutboxRoutes(app: App, deps: AppDeps): void {
  const { db, clock, config } = deps;
  registerSmsSubscriptionRoutes(app, deps);
  const mustExist = <T>(value: T | undefined): T => {
    if (value === undefined) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return value;
  };
  const ctx = (request: FastifyRequest) => ({ actor: actorOf(request), now: clock.now(), ip: request.ip });

  app.get(
    '/api/outbox/messages',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary: 'Outgoing SMS and e-mail: queued, sending, sent, failed',
        querystring: outboxListQuerySchema,
        response: { 200: pageOf(outboxMessageSchema) },
      },
    },
    async (request) => {
      const q = request.query;
      return { ...(await listOutbox(db, q)), page: q.page, pageSize: q.pageSize };
    },
  );

  app.post(
    '/api/outbox/messages',
    {
      config: { access: SENDERS },
      schema: {
        tags,
        summary: 'Send one SMS or e-mail (queued in the outbox; the same requestId twice is sent once)',
        body: outboxSendSchema,
        response: { 201: outboxMessageSchema, 200: outboxMessageSchema },
      },
    },
    async (request, reply) => {
      const { actor, now } = ctx(request);
      const b = request.body;
      const key = `manual:${actor.id}:${b.requestId ?? `${now.getTime()}:${Math.random().toString(36).slice(2)}`}`;
      const result = await db.transaction().execute(async (trx) => {
        const queued = await enqueueOutbound(
          trx,
          {
            channel: b.channel,
            to: b.to,
            ...(b.channel === 'email' ? { subject: b.subject } : {}),
            body: b.body,
            idempotencyKey: key,
            customerId: b.customerId ?? null,
            source: `staff:${actor.id}`,
          },
          now,
        );
        if (queued.created && b.customerId) {
          await appendTimelineEntry(trx, {
            customerId: b.customerId,
            at: now,
            kind: b.channel,
            refId: `outbox:${queued.id}`,
            summary: `${b.channel === 'sms' ? '短信' : '邮件'}：${b.body.slice(0, 60)}`,
            staffId: actor.id,
          });
        }
        return queued;
      });
      const message = await getOutboxMessage(db, result.id);
      return reply.code(result.created ? 201 : 200).send(mustExist(message));
    },
  );

  app.post(
    '/api/outbox/messages/:id/retry',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary: 'Send a failed message again (a fresh set of attempts)',
        params: idParamSchema,
        response: { 200: outboxMessageSchema },
      },
    },
    async (request) => {
      const c = ctx(request);
      const { id } = request.params;
      await db.transaction().execute(async (trx) => {
        const row = await trx
          .selectFrom('outbox_messages')
          .select('state')
          .where('id', '=', id)
          .forUpdate()
          .executeTakeFirst();
        if (!row) throw new AppError(COMMON_ERRORS.NOT_FOUND);
        if (row.state !== 'failed') throw new AppError(OUTBOX_ERRORS.NOT_FAILED);
        await trx.updateTable('outbox_messages').set({ state: 'queued' }).where('id', '=', id).execute();
        if (
          !(await requeueJob(trx, outboxJobKey(id), c.now)) &&
          !(await findJobByKey(trx, outboxJobKey(id)))
        ) {
          throw new AppError(COMMON_ERRORS.NOT_FOUND);
        }
        await recordAuditEvent(trx, {
          at: c.now,
          actor: c.actor,
          ip: c.ip,
          action: 'outbox.retry',
          objectType: 'outbox_message',
          objectId: id,
        });
      });
      return mustExist(await getOutboxMessage(db, id));
    },
  );

  app.get(
    '/api/outbox/sink',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary: 'What the built-in sink gateway "delivered" (demo / tests)',
        response: { 200: z.object({ items: z.array(sinkMessageSchema) }) },
      },
    },
    async () => ({ items: await listSink(db) }),
  );

  app.get(
    '/api/outbox/inbound',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary: "Customers' SMS replies, newest first",
        response: { 200: z.object({ items: z.array(smsInboundSchema) }) },
      },
    },
    async () => ({ items: await listInbound(db) }),
  );

  app.post(
    '/api/outbox/inbound',
    {
      config: { access: LEADS },
      schema: {
        tags,
        summary: 'Record a customer SMS reply by hand (sink mode: simulates the gateway)',
        body: smsInboundInputSchema,
        response: { 201: z.object({ id: z.number().int(), created: z.boolean() }) },
      },
    },
    async (request, reply) => {
      const b = request.body;
      const result = await recordInboundSms(db, {
        from: b.from,
        to: b.to ?? null,
        body: b.body,
        provider: 'manual',
        providerMessageId: b.providerMessageId ?? null,
        receivedAt: clock.now(),
      });
      return reply.code(201).send(result);
    },
  );

  app.post(
    '/api/outbox/inbound/webhook',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'SMS gateway webhook for customer replies; needs X-Switchboard-Token = SMS_INBOUND_TOKEN',
        body: smsInboundInputSchema,
        response: { 200: z.object({ id: z.number().int(), created: z.boolean() }) },
      },
    },
    async (request) => {
      const expected = config.messaging.inboundToken;
      if (!expected) throw new AppError(OUTBOX_ERRORS.INBOUND_WEBHOOK_OFF);
      const given = Buffer.from(String(request.headers['x-switchboard-token'] ?? ''));
      const want = Buffer.from(expected);
      if (given.length !== want.length || !timingSafeEqual(given, want))
        throw new AppError(OUTBOX_ERRORS.BAD_TOKEN);
      const b = request.body;
      return recordInboundSms(db, {
        from: b.from,
        to: b.to ?? null,
        body: b.body,
        provider: 'webhook',
        providerMessageId: b.providerMessageId ?? null,
        receivedAt: clock.now(),
      });
    },
  );

  app.get(
    '/api/outbox/campaigns',
    {
      config: { access: SENDERS },
      schema: {
        tags,
        summary: 'Bulk SMS campaigns (群发) with their approval state and progress',
        response: { 200: z.object({ items: z.array(campaignSchema) }) },
      },
    },
    async () => ({ items: await listCampaigns(db) }),
  );

  app.post(
    '/api/outbox/campaigns',
    {
      config: { access: SENDERS },
      schema: {
        tags,
        summary: 'Draft a bulk SMS; it waits for a lead other than the drafter to approve it',
        body: campaignInputSchema,
        response: { 201: campaignSchema },
      },
    },
    async (request, reply) => {
      const id = await draftCampaign(db, request.body, ctx(request));
      const found = (await listCampaigns(db)).find((c) => c.id === id);
      return reply.code(201).send(mustExist(found));
    },
  );

  for (const verdict of ['approve', 'reject'] as const) {
    app.post(
      `/api/outbox/campaigns/:id/${verdict}`,
      {
        config: { access: LEADS },
        schema: {
          tags,
          summary:
            verdict === 'approve'
              ? 'Approve a bulk SMS (not your own): one SMS per recipient is queued'
              : 'Reject a bulk SMS (not your own): nothing is sent',
          params: idParamSchema,
          body: campaignDecisionSchema,
          response: { 200: campaignSchema },
        },
      },
      async (request) => {
        const { id } = request.params;
        await decideCampaign(
          db,
          id,
          { approve: verdict === 'approve', reason: request.body.reason },
          ctx(request),
        );
        return mustExist((await listCampaigns(db)).find((c) => c.id === id));
      },
    );
  }
}
