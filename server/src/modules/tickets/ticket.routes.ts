import {
  closeTicketSchema,
  dispatchTicketSchema,
  feedbackLogQuerySchema,
  feedbackLogSchema,
  finishTicketSchema,
  idParamSchema,
  OPEN_TICKET_STATES,
  pageOf,
  type Role,
  replyTicketSchema,
  reviewTicketSchema,
  ticketCustomerParamSchema,
  ticketDetailSchema,
  ticketInputSchema,
  ticketListQuerySchema,
  ticketListSchema,
  ticketSchema,
  ticketSummaryQuerySchema,
  ticketSummarySchema,
  ticketWorkflowSchema,
  ticketWorkflowsSchema,
  ticketWorkflowUpdateSchema,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { actorOf, hasAnyRole } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { publishLiveNotice } from '../../live/live-notices.ts';
import { departmentScopeOf } from '../directory/scope.ts';
import { allowedCommands } from './machine/ticket-machine.ts';
import { recordTicketAudit } from './ticket.audit.ts';
import { feedbackLog, feedbackLogCsv, summarizeTickets } from './ticket.reports.ts';
import { inScope, ticketRepository as repo } from './ticket.repository.ts';
import {
  closeTicket,
  createTicket,
  dispatchTicket,
  finishTicket,
  replyTicket,
  reviewTicket,
  type TicketChange,
  type TicketContext,
} from './ticket.service.ts';

// CPL-1 … CPL-11, BIZ-1. Department-scoped roles see only their department's tickets (404 else).
const tags = ['tickets'];
const CREATORS: Role[] = ['agent', 'team_lead', 'duty_lead', 'admin'];
const CENTRE_READERS: Role[] = ['team_lead', 'duty_lead', 'admin', 'qa'];
const WORKERS: Role[] = [...CREATORS, 'dept_supervisor', 'dept_handler'];
const REPORT_READERS: Role[] = [...CENTRE_READERS, 'dept_supervisor'];

export function registerTicketRoutes(app: App, { db, clock }: AppDeps): void {
  const ctxOf = (request: FastifyRequest): TicketContext => ({ actor: actorOf(request), now: clock.now() });

  const detail = async (request: FastifyRequest, id: number) => {
    const actor = actorOf(request);
    const ticket = await repo.get(db, id, departmentScopeOf(actor), clock.now());
    if (!ticket) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return { ...ticket, events: await repo.events(db, id), allowedActions: allowedCommands(ticket, actor) };
  };

  const command = <B>(
    path: string,
    summary: string,
    body: z.ZodType<B>,
    run: (trx: Db, id: number, input: B, ctx: TicketContext) => Promise<TicketChange>,
    audited = false,
  ) =>
    app.post(
      `/api/tickets/:id/${path}`,
      {
        config: { access: WORKERS },
        schema: { tags, summary, params: idParamSchema, body, response: { 200: ticketDetailSchema } },
      },
      async (request) => {
        const ctx = ctxOf(request);
        const { id } = request.params;
        const change = await db.transaction().execute(async (trx) => {
          const result = await run(trx, id, request.body as B, ctx);
          if (audited) {
            await recordTicketAudit(trx, {
              at: ctx.now,
              actor: ctx.actor,
              action: 'ticket.review',
              objectType: 'ticket',
              objectId: id,
              ip: request.ip,
              detail: { state: result.state },
            });
          }
          return result;
        });
        if (change.notify.length) {
          publishLiveNotice({
            topic: 'ticket',
            audience: { kind: 'staff', staffIds: change.notify },
            data: { ticketId: id, state: change.state },
          });
        }
        return detail(request, id);
      },
    );

  app.post(
    '/api/tickets',
    {
      config: { access: CREATORS },
      schema: {
        tags,
        summary: 'Open a complaint, suggestion or service request (CPL-1, BIZ-1); I own it (CPL-11)',
        body: ticketInputSchema,
        response: { 201: ticketDetailSchema },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const change = await db.transaction().execute((trx) => createTicket(trx, request.body, ctx));
      return reply.code(201).send(await detail(request, change.id));
    },
  );

  app.get(
    '/api/tickets',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'Tickets: mine (my open items 我的待办), department (部门工单), all (team leads, admin)',
        querystring: ticketListQuerySchema,
        response: { 200: pageOf(ticketSchema) },
      },
    },
    async (request) => {
      const actor = actorOf(request);
      const q = request.query;
      const scope = departmentScopeOf(actor);
      if (q.scope === 'all' && scope === 'all' && !hasAnyRole(actor, CENTRE_READERS))
        throw new AppError(COMMON_ERRORS.FORBIDDEN);
      if (q.scope === 'department' && actor.departmentId === null)
        throw new AppError(COMMON_ERRORS.FORBIDDEN);
      const { items, total } = await repo.list(
        db,
        q,
        (query) => {
          const scoped = inScope(query, scope);
          if (q.scope === 'mine') {
            return scoped
              .where((eb) => eb.or([eb('t.owner_id', '=', actor.id), eb('t.responsible_id', '=', actor.id)]))
              .where('t.state', 'in', OPEN_TICKET_STATES);
          }
          if (q.scope === 'department') return scoped.where('t.department_id', '=', actor.departmentId ?? -1);
          return scoped;
        },
        clock.now(),
      );
      return { items, total, page: q.page, pageSize: q.pageSize };
    },
  );

  app.get(
    '/api/tickets/customer/:customerId',
    {
      config: { access: [...CREATORS, 'qa'] },
      schema: {
        tags,
        summary: "The customer's earlier tickets, newest first (CPL-2)",
        params: ticketCustomerParamSchema,
        response: { 200: ticketListSchema },
      },
    },
    async (request) => {
      const q = ticketListQuerySchema.parse({ scope: 'all', pageSize: 50 });
      const { items } = await repo.list(
        db,
        q,
        (query) => query.where('t.customer_id', '=', request.params.customerId),
        clock.now(),
      );
      return { items };
    },
  );

  app.get(
    '/api/tickets/workflows',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Workflow per ticket type: reviewing department, default deadline (CPL-3)',
        response: { 200: ticketWorkflowsSchema },
      },
    },
    async () => ({ items: await listWorkflows(db) }),
  );

  app.put(
    '/api/tickets/workflows/:id',
    {
      config: { access: ['admin'] },
      schema: {
        tags,
        summary: 'Change a workflow (admin, audited)',
        params: idParamSchema,
        body: ticketWorkflowUpdateSchema,
        response: { 200: ticketWorkflowSchema },
      },
    },
    async (request) => {
      const ctx = ctxOf(request);
      const { id } = request.params;
      await db
        .transaction()
        .execute(async (trx) => {
          const r = await trx
            .updateTable('ticket_workflows')
            .set({
              review_department_id: request.body.reviewDepartmentId,
              default_deadline_hours: request.body.defaultDeadlineHours,
            })
            .where('id', '=', id)
            .executeTakeFirst();
          if (Number(r.numUpdatedRows) === 0) throw new AppError(COMMON_ERRORS.NOT_FOUND);
          await recordTicketAudit(trx, {
            at: ctx.now,
            actor: ctx.actor,
            action: 'ticket.workflow_change',
            objectType: 'ticket_workflow',
            objectId: id,
            ip: request.ip,
            detail: request.body,
          });
        })
        .catch((error: unknown) => {
          if (error instanceof Error && 'code' in error && error.code === '23503')
            throw new AppError(COMMON_ERRORS.REFERENCE_NOT_FOUND);
          throw error;
        });
      const found = (await listWorkflows(db)).find((w) => w.id === id);
      if (!found) throw new AppError(COMMON_ERRORS.NOT_FOUND);
      return found;
    },
  );

  app.get(
    '/api/tickets/reports/summary',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'Counts by type, department and state for a period (CPL-9)',
        querystring: ticketSummaryQuerySchema,
        response: { 200: ticketSummarySchema },
      },
    },
    async (request) => summarizeTickets(db, request.query, departmentScopeOf(actorOf(request))),
  );

  app.get(
    '/api/tickets/reports/feedback-log',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'Complaint feedback log for a day, week or month (意见(投诉)反馈日/周/月志表)',
        querystring: feedbackLogQuerySchema,
        response: { 200: feedbackLogSchema },
      },
    },
    async (request) => feedbackLog(db, request.query, departmentScopeOf(actorOf(request)), clock.now()),
  );

  app.get(
    '/api/tickets/reports/feedback-log/export',
    {
      config: { access: REPORT_READERS },
      schema: {
        tags,
        summary: 'The feedback log as CSV (audited export)',
        querystring: feedbackLogQuerySchema,
        produces: ['text/csv'],
        response: { 200: z.string() },
      },
    },
    async (request, reply) => {
      const ctx = ctxOf(request);
      const log = await db.transaction().execute(async (trx) => {
        const result = await feedbackLog(trx, request.query, departmentScopeOf(ctx.actor), ctx.now);
        await recordTicketAudit(trx, {
          at: ctx.now,
          actor: ctx.actor,
          action: 'ticket.export',
          objectType: 'ticket_feedback_log',
          objectId: null,
          ip: request.ip,
          detail: { ...request.query, rows: result.items.length },
        });
        return result;
      });
      reply.header('content-type', 'text/csv; charset=utf-8');
      reply.header(
        'content-disposition',
        `attachment; filename="feedback-log-${request.query.period}-${request.query.date}.csv"`,
      );
      return feedbackLogCsv(log.items);
    },
  );

  app.get(
    '/api/tickets/:id',
    {
      config: { access: WORKERS },
      schema: {
        tags,
        summary: 'One ticket with its history (404 outside my department)',
        params: idParamSchema,
        response: { 200: ticketDetailSchema },
      },
    },
    async (request) => detail(request, request.params.id),
  );

  command('dispatch', 'Dispatch to a department (派单, CPL-4)', dispatchTicketSchema, dispatchTicket);
  command(
    'review',
    'Department supervisor review (复核, CPL-5): valid → least busy handler; invalid → back to the agent',
    reviewTicketSchema,
    reviewTicket,
    true,
  );
  command('finish', "The department's answer (处理完未回复)", finishTicketSchema, finishTicket);
  command(
    'reply',
    'The agent gave the answer to the customer, with satisfaction (CPL-8)',
    replyTicketSchema,
    replyTicket,
  );
  command('close', 'Close a replied ticket (closed loop, CPL-10)', closeTicketSchema, closeTicket);
}

async function listWorkflows(db: Db) {
  const rows = await db.selectFrom('ticket_workflows').selectAll().orderBy('kind').orderBy('id').execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    category: r.category,
    reviewDepartmentId: r.review_department_id,
    defaultDeadlineHours: r.default_deadline_hours,
  }));
}
