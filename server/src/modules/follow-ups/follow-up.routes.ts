import {
  dialCheckSchema,
  doNotCallInputSchema,
  doNotCallListSchema,
  followUpCategoryInputSchema,
  followUpCategoryListSchema,
  followUpCategorySchema,
  followUpGroupInputSchema,
  followUpGroupListSchema,
  followUpGroupSchema,
  followUpLogQuerySchema,
  followUpLogSchema,
  followUpRuleInputSchema,
  followUpRuleListSchema,
  followUpRuleSchema,
  followUpTaskDetailSchema,
  followUpTaskListSchema,
  followUpTaskQuerySchema,
  followUpVisitInputSchema,
  idParamSchema,
  phoneParamSchema,
  runRuleResultSchema,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import { actorOf, hasAnyRole } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { recordFollowUpAudit } from './follow-up.audit.ts';
import { extractForRule, lockRule } from './follow-up.extraction.ts';
import { followUpLog, followUpLogCsv } from './follow-up.reports.ts';
import * as admin from './follow-up-admin.service.ts';
import { followUpTaskRepository as tasks } from './follow-up-task.repository.ts';
import { checkDial, recordVisit } from './follow-up-task.service.ts';

// FUP: team leads and admins manage groups, rules, campaigns and the do-not-call list; members
// (agents, team leads) work their own tasks; report readers see the logs.
const tags = ['follow-ups'];
const MANAGERS = ['team_lead', 'admin'] as const;
const WORKERS = ['agent', 'team_lead'] as const;
const REPORT_READERS = ['team_lead', 'duty_lead', 'admin'] as const;
const BASE = '/api/follow-ups';

export function registerFollowUpRoutes(app: App, { db, clock }: AppDeps): void {
  const ctxOf = (request: FastifyRequest): ChangeContext => ({
    actor: actorOf(request),
    now: clock.now(),
    ip: request.ip,
  });
  const mustExist = <T>(value: T | undefined): T => {
    if (value === undefined) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return value;
  };
  const manage = { config: { access: MANAGERS } };

  app.get(
    `${BASE}/categories`,
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Follow-up categories (FUP-2)',
        response: { 200: followUpCategoryListSchema },
      },
    },
    async () => ({ items: await admin.listCategories(db) }),
  );

  app.post(
    `${BASE}/categories`,
    {
      ...manage,
      schema: {
        tags,
        summary: 'Add a follow-up category',
        body: followUpCategoryInputSchema,
        response: { 201: followUpCategorySchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const row = await db.transaction().execute((trx) => admin.createCategory(trx, request.body.name, ctx));
      return reply.code(201).send(row);
    },
  );

  app.get(
    `${BASE}/groups`,
    {
      ...manage,
      schema: {
        tags,
        summary: 'Follow-up groups with members and team leads',
        response: { 200: followUpGroupListSchema },
      },
    },
    async () => ({ items: await admin.listGroups(db) }),
  );

  const groupById = async (id: number) => mustExist((await admin.listGroups(db)).find((g) => g.id === id));

  app.post(
    `${BASE}/groups`,
    {
      ...manage,
      schema: {
        tags,
        summary: 'Create a follow-up group',
        body: followUpGroupInputSchema,
        response: { 201: followUpGroupSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const id = await db.transaction().execute((trx) => admin.saveGroup(trx, undefined, request.body, ctx));
      return reply.code(201).send(await groupById(id));
    },
  );

  app.put(
    `${BASE}/groups/:id`,
    {
      ...manage,
      schema: {
        tags,
        summary: 'Replace a group',
        params: idParamSchema,
        body: followUpGroupInputSchema,
        response: { 200: followUpGroupSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await db.transaction().execute((trx) => admin.saveGroup(trx, request.params.id, request.body, ctx));
      return groupById(request.params.id);
    },
  );

  app.get(
    `${BASE}/rules`,
    {
      ...manage,
      schema: {
        tags,
        summary: 'Extraction rules and campaigns (FUP-3, FUP-7)',
        response: { 200: followUpRuleListSchema },
      },
    },
    async () => ({ items: await admin.listRules(db) }),
  );

  app.post(
    `${BASE}/rules`,
    {
      ...manage,
      schema: {
        tags,
        summary: 'Create an extraction rule or campaign',
        body: followUpRuleInputSchema,
        response: { 201: followUpRuleSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const id = await db.transaction().execute((trx) => admin.saveRule(trx, undefined, request.body, ctx));
      return reply.code(201).send(mustExist(await admin.getRule(db, id)));
    },
  );

  app.put(
    `${BASE}/rules/:id`,
    {
      ...manage,
      schema: {
        tags,
        summary: 'Replace a rule',
        params: idParamSchema,
        body: followUpRuleInputSchema,
        response: { 200: followUpRuleSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      await db.transaction().execute((trx) => admin.saveRule(trx, request.params.id, request.body, ctx));
      return mustExist(await admin.getRule(db, request.params.id));
    },
  );

  app.post(
    `${BASE}/rules/:id/run`,
    {
      ...manage,
      schema: {
        tags,
        summary: "Run a rule now (audited); builds only the tasks today's run has not built yet",
        params: idParamSchema,
        response: { 200: runRuleResultSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      return db.transaction().execute(async (trx) => {
        const rule = mustExist(await lockRule(trx, request.params.id));
        const result = await extractForRule(trx, rule, ctx.now);
        await recordFollowUpAudit(trx, ctx, 'follow_up.run', 'follow_up_rule', rule.id, result);
        return result;
      });
    },
  );

  app.get(
    `${BASE}/do-not-call`,
    {
      ...manage,
      schema: { tags, summary: 'The do-not-call list (FUP-7)', response: { 200: doNotCallListSchema } },
    },
    async () => ({ items: await admin.listDoNotCall(db) }),
  );

  app.post(
    `${BASE}/do-not-call`,
    {
      ...manage,
      schema: {
        tags,
        summary: 'Put a phone number on the do-not-call list',
        body: doNotCallInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      await db
        .transaction()
        .execute((trx) => admin.addDoNotCall(trx, request.body.phone, request.body.reason, ctx));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    `${BASE}/do-not-call/:phone`,
    {
      ...manage,
      schema: {
        tags,
        summary: 'Take a number off the do-not-call list',
        params: phoneParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const removed = await db
        .transaction()
        .execute((trx) => admin.removeDoNotCall(trx, request.params.phone, ctx));
      if (!removed) throw new AppError(COMMON_ERRORS.NOT_FOUND);
      return reply.code(204).send(null);
    },
  );

  app.get(
    `${BASE}/tasks`,
    {
      ...manage,
      schema: {
        tags,
        summary: 'All follow-up tasks (team leads)',
        querystring: followUpTaskQuerySchema,
        response: { 200: followUpTaskListSchema },
      },
    },
    async (request) => ({ items: await tasks.list(db, request.query, clock.now()) }),
  );

  app.get(
    `${BASE}/tasks/mine`,
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'My follow-up tasks (我的回访), open ones by default, soonest deadline first',
        querystring: followUpTaskQuerySchema.pick({ status: true }),
        response: { 200: followUpTaskListSchema },
      },
    },
    async (request) => ({
      items: await tasks.list(
        db,
        { assigneeId: actorOf(request).id, status: request.query.status ?? 'open' },
        clock.now(),
      ),
    }),
  );

  /** Team leads and admins read any task; a member only their own (another's → 404). */
  const readableTask = async (request: FastifyRequest, id: number) => {
    const actor = actorOf(request);
    const own = hasAnyRole(actor, MANAGERS) ? undefined : actor.id;
    return mustExist(await tasks.get(db, id, clock.now(), own));
  };

  app.get(
    `${BASE}/tasks/:id`,
    {
      config: { access: [...WORKERS, 'admin'] },
      schema: {
        tags,
        summary: 'One task with its visits',
        params: idParamSchema,
        response: { 200: followUpTaskDetailSchema },
      },
    },
    async (request) => {
      const task = await readableTask(request, request.params.id);
      return { task, visits: await tasks.visits(db, task.id) };
    },
  );

  app.post(
    `${BASE}/tasks/:id/dial-check`,
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Whether my task may be called now (do-not-call list, calling hours, retry time)',
        params: idParamSchema,
        response: { 200: dialCheckSchema },
      },
    },
    async (request) => checkDial(db, request.params.id, actorOf(request).id, clock.now()),
  );

  app.post(
    `${BASE}/tasks/:id/visits`,
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Record a visit on my task (FUP-1): done, not reached (retry scheduled) or refused',
        params: idParamSchema,
        body: followUpVisitInputSchema,
        response: { 201: followUpTaskDetailSchema },
      },
    },
    async (request, reply) => {
      const actor = actorOf(request);
      const now = clock.now();
      await db
        .transaction()
        .execute((trx) => recordVisit(trx, request.params.id, actor.id, request.body, now));
      const task = mustExist(await tasks.get(db, request.params.id, now, actor.id));
      return reply.code(201).send({ task, visits: await tasks.visits(db, task.id) });
    },
  );

  app.get(
    `${BASE}/reports/log`,
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'Day / week / month follow-up log (FUP-6)',
        querystring: followUpLogQuerySchema,
        response: { 200: followUpLogSchema },
      },
    },
    async (request) => followUpLog(db, request.query, clock.now()),
  );

  app.get(
    `${BASE}/reports/log/export`,
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'The follow-up log as CSV (audited export)',
        querystring: followUpLogQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const log = await db.transaction().execute(async (trx) => {
        const result = await followUpLog(trx, request.query, ctx.now);
        await recordFollowUpAudit(trx, ctx, 'follow_up.export', 'follow_up_log', null, {
          ...request.query,
          rows: result.visits.length,
        });
        return result;
      });
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header(
        'content-disposition',
        `attachment; filename="follow-up-log-${request.query.period}-${request.query.date}.csv"`,
      );
      return followUpLogCsv(log);
    },
  );
}
