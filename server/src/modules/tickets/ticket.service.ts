import {
  categoriesOfKind,
  type reviewTicketSchema,
  type Ticket,
  type TicketInput,
  type TicketState,
  type ticketInputSchema,
} from '@switchboard/shared';
import type { Updateable } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../http/access.ts';
import { AppError, type FieldError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { appendTimelineEntry, findCustomerIdByPhone, getCustomerContact } from '../customers/index.ts';
import { departmentScopeOf } from '../directory/scope.ts';
import { enqueueOutbound } from '../outbox/index.ts';
import { decideTicket, type TicketCommand, type TicketFacts } from './machine/ticket-machine.ts';
import { TICKET_FIELD_MESSAGES as M, REFUSAL_ERRORS, TICKET_ERRORS } from './ticket.errors.ts';
import { ticketRepository as repo } from './ticket.repository.ts';
import type { TicketTable } from './ticket.tables.ts';

// The ticket use cases. Each runs inside the caller's transaction, writes its history row there
// and returns who should hear about it once that transaction has committed.

export type TicketContext = { actor: Actor; now: Date };
/** Staff to notify after commit (live notice topic 'ticket'). */
export type TicketChange = { id: number; state: TicketState; notify: number[] };

const HOUR = 3_600_000;

export async function createTicket(trx: Db, raw: TicketInput, ctx: TicketContext): Promise<TicketChange> {
  const input = raw as z.output<typeof ticketInputSchema>;
  if (!categoriesOfKind(input.kind).includes(input.category)) {
    throw validation([{ path: 'category', message: M.categoryNotOfKind }]);
  }
  const customerId = input.customerId ?? (await findCustomerIdByPhone(trx, input.phone));
  const number = await repo.nextNumber(trx, ctx.now);
  const row = await trx
    .insertInto('tickets')
    .values({
      number,
      kind: input.kind,
      category: input.category,
      state: 'new',
      occurred_at: input.occurredAt ? new Date(input.occurredAt) : ctx.now,
      phone: input.phone,
      card_no: input.cardNo ?? null,
      customer_name: input.customerName ?? null,
      gender: input.gender,
      first_code: input.firstCode ?? null,
      aspect_price: input.aspects.includes('price'),
      aspect_effect: input.aspects.includes('effect'),
      aspect_service: input.aspects.includes('service'),
      reason: input.reason,
      remarks: input.remarks ?? null,
      customer_id: customerId,
      call_id: input.callId ?? null,
      owner_id: ctx.actor.id,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await repo.appendEvent(trx, {
    ticketId: row.id,
    at: ctx.now,
    actorId: ctx.actor.id,
    action: 'create',
    from: null,
    to: 'new',
  });
  if (customerId !== null) {
    await appendTimelineEntry(trx, {
      customerId,
      at: ctx.now,
      kind: 'ticket',
      refId: String(row.id),
      summary: `${number} 受理：${input.reason.slice(0, 80)}`,
      staffId: ctx.actor.id,
    });
  }
  return { id: row.id, state: 'new', notify: [] };
}

/** Locks the ticket the actor may see (404 otherwise) and asks the machine. */
async function decide(trx: Db, id: number, command: TicketCommand, ctx: TicketContext) {
  const ticket = await loadForUpdate(trx, id, ctx);
  const facts: TicketFacts = {
    state: ticket.state,
    ownerId: ticket.ownerId,
    departmentId: ticket.departmentId,
    responsibleId: ticket.responsibleId,
  };
  const decision = decideTicket(facts, command, ctx.actor);
  if (!decision.ok) {
    if (decision.refusal === 'wrong_state') {
      throw new AppError(TICKET_ERRORS.TICKET_WRONG_STATE, { params: { state: ticket.state } });
    }
    if (decision.refusal === 'reason_required')
      throw validation([{ path: 'note', message: M.reasonRequired }]);
    throw new AppError(REFUSAL_ERRORS[decision.refusal]);
  }
  return { ticket, next: decision.next };
}

async function loadForUpdate(trx: Db, id: number, ctx: TicketContext): Promise<Ticket> {
  const scope = departmentScopeOf(ctx.actor);
  const locked = await trx
    .selectFrom('tickets')
    .select('id')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  const ticket = locked ? await repo.get(trx, id, scope, ctx.now) : undefined;
  if (!ticket) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  return ticket;
}

/** 派单 (CPL-4): to a department, with the workflow's default deadline until review sets one. */
export async function dispatchTicket(
  trx: Db,
  id: number,
  input: { departmentId: number; note?: string | null | undefined },
  ctx: TicketContext,
): Promise<TicketChange> {
  const { ticket, next } = await decide(trx, id, { type: 'dispatch', departmentId: input.departmentId }, ctx);
  const department = await trx
    .selectFrom('departments')
    .select('id')
    .where('id', '=', input.departmentId)
    .executeTakeFirst();
  if (!department) throw validation([{ path: 'departmentId', message: M.departmentMissing }]);
  const workflow = await trx
    .selectFrom('ticket_workflows')
    .select('default_deadline_hours')
    .where('kind', '=', ticket.kind)
    .where('category', '=', ticket.category)
    .executeTakeFirst();
  const deadline = new Date(ctx.now.getTime() + (workflow?.default_deadline_hours ?? 48) * HOUR);
  await moveTicket(trx, ticket, ctx, {
    to: next,
    action: 'dispatch',
    note: input.note,
    set: { department_id: input.departmentId, deadline_at: deadline },
  });
  return { id, state: next, notify: await repo.departmentSupervisors(trx, input.departmentId) };
}

/** 复核 (CPL-5): amend, rule valid or not, set the deadline; valid ones go to the least busy handler. */
export async function reviewTicket(
  trx: Db,
  id: number,
  input: z.output<typeof reviewTicketSchema>,
  ctx: TicketContext,
): Promise<TicketChange> {
  const { ticket, next } = await decide(
    trx,
    id,
    { type: 'review', valid: input.valid, hasNote: Boolean(input.note) },
    ctx,
  );
  const fields: FieldError[] = [];
  if (input.category && !categoriesOfKind(ticket.kind).includes(input.category)) {
    fields.push({ path: 'category', message: M.categoryNotOfKind });
  }
  if (input.deadlineAt && new Date(input.deadlineAt) <= ctx.now) {
    fields.push({ path: 'deadlineAt', message: M.deadlineNotFuture });
  }
  if (fields.length) throw validation(fields);
  const amended = {
    ...(input.category ? { category: input.category } : {}),
    ...(input.firstCode !== undefined ? { first_code: input.firstCode } : {}),
    ...(input.aspects
      ? {
          aspect_price: input.aspects.includes('price'),
          aspect_effect: input.aspects.includes('effect'),
          aspect_service: input.aspects.includes('service'),
        }
      : {}),
    ...(input.deadlineAt ? { deadline_at: new Date(input.deadlineAt) } : {}),
  };
  if (next === 'rejected') {
    await moveTicket(trx, ticket, ctx, {
      to: next,
      action: 'review',
      note: input.note,
      set: { ...amended, validity: 'invalid', invalid_reason: input.note ?? null },
    });
    return { id, state: next, notify: [ticket.ownerId] };
  }
  const departmentId = ticket.departmentId ?? -1;
  const handler = await repo.leastBusyHandler(trx, departmentId);
  if (handler === undefined) throw new AppError(TICKET_ERRORS.TICKET_NO_HANDLER);
  await trx
    .updateTable('tickets')
    .set({ ...amended, state: next, validity: 'valid', responsible_id: handler, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
  await repo.appendEvent(trx, {
    ticketId: id,
    at: ctx.now,
    actorId: ctx.actor.id,
    action: 'review',
    from: ticket.state,
    to: ticket.state,
    note: input.note ?? null,
  });
  const handlerName = await trx
    .selectFrom('staff')
    .select('name')
    .where('id', '=', handler)
    .executeTakeFirst();
  await repo.appendEvent(trx, {
    ticketId: id,
    at: ctx.now,
    actorId: null,
    action: 'assign',
    from: ticket.state,
    to: next,
    note: handlerName?.name ?? null,
  });
  return { id, state: next, notify: [handler] };
}

/** 处理完 (CPL-6): the department's answer; sent at once where the customer prefers SMS / e-mail (CPL-8). */
export async function finishTicket(
  trx: Db,
  id: number,
  input: { answer: string },
  ctx: TicketContext,
): Promise<TicketChange> {
  const { ticket, next } = await decide(trx, id, { type: 'finish' }, ctx);
  await moveTicket(trx, ticket, ctx, {
    to: next,
    action: 'finish',
    note: input.answer,
    set: { answer: input.answer },
  });
  await sendFeedbackIfPreferred(trx, ticket, input.answer, ctx.now);
  return { id, state: next, notify: [ticket.ownerId] };
}

async function sendFeedbackIfPreferred(trx: Db, ticket: Ticket, answer: string, now: Date): Promise<void> {
  if (ticket.customerId === null) return;
  const contact = await getCustomerContact(trx, ticket.customerId);
  if (!contact || contact.preferredChannel === 'phone') return;
  const to = contact.preferredChannel === 'email' ? contact.email : (contact.phones[0] ?? null);
  if (!to) return;
  const sent = await trx
    .selectFrom('ticket_events')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('ticket_id', '=', ticket.id)
    .where('action', '=', 'feedback_sent')
    .executeTakeFirstOrThrow();
  const n = Number(sent.n) + 1;
  await enqueueOutbound(trx, {
    channel: contact.preferredChannel,
    to,
    subject: `工单 ${ticket.number} 处理结果`,
    body: `尊敬的客户，您反映的问题（工单 ${ticket.number}）处理结果：${answer}`,
    idempotencyKey: `ticket:${ticket.id}:feedback:${n}`,
    customerId: ticket.customerId,
    source: `ticket:${ticket.id}`,
  });
  await repo.appendEvent(trx, {
    ticketId: ticket.id,
    at: now,
    actorId: null,
    action: 'feedback_sent',
    from: 'answered',
    to: 'answered',
    note: `${contact.preferredChannel} ${to}`,
  });
}

/** 回复 (CPL-8): the owner gave the answer (or the invalid ruling) to the customer. */
export async function replyTicket(
  trx: Db,
  id: number,
  input: {
    channel: 'phone' | 'sms' | 'email';
    satisfaction: 'satisfied' | 'fair' | 'dissatisfied';
    note?: string | null | undefined;
  },
  ctx: TicketContext,
): Promise<TicketChange> {
  const { ticket, next } = await decide(trx, id, { type: 'reply' }, ctx);
  await moveTicket(trx, ticket, ctx, {
    to: next,
    action: 'reply',
    note: input.note,
    set: { reply_channel: input.channel, satisfaction: input.satisfaction, reply_note: input.note ?? null },
  });
  await timeline(trx, ticket, ctx, `${ticket.number} 已回复客户`);
  return { id, state: next, notify: [] };
}

export async function closeTicket(
  trx: Db,
  id: number,
  input: { note?: string | null | undefined },
  ctx: TicketContext,
): Promise<TicketChange> {
  const { ticket, next } = await decide(trx, id, { type: 'close' }, ctx);
  await moveTicket(trx, ticket, ctx, { to: next, action: 'close', note: input.note });
  await timeline(trx, ticket, ctx, `${ticket.number} 已关闭`);
  return { id, state: next, notify: [] };
}

async function timeline(trx: Db, ticket: Ticket, ctx: TicketContext, summary: string) {
  if (ticket.customerId === null) return;
  await appendTimelineEntry(trx, {
    customerId: ticket.customerId,
    at: ctx.now,
    kind: 'ticket',
    refId: String(ticket.id),
    summary,
    staffId: ctx.actor.id,
  });
}

const validation = (fields: FieldError[]) => new AppError(COMMON_ERRORS.VALIDATION_FAILED, { fields });

/**
 * One step of the workflow (CPL-6): the ticket takes its new state (with the step's own changes)
 * and the history gains its row, in the caller's transaction — never one without the other.
 */
async function moveTicket(
  trx: Db,
  ticket: Ticket,
  ctx: TicketContext,
  step: {
    to: TicketState;
    action: Parameters<typeof repo.appendEvent>[1]['action'];
    note?: string | null | undefined;
    set?: Omit<Updateable<TicketTable>, 'state' | 'updated_at'>;
  },
): Promise<void> {
  await trx
    .updateTable('tickets')
    .set({ ...step.set, state: step.to, updated_at: ctx.now })
    .where('id', '=', ticket.id)
    .execute();
  await repo.appendEvent(trx, {
    ticketId: ticket.id,
    at: ctx.now,
    actorId: ctx.actor.id,
    action: step.action,
    from: ticket.state,
    to: step.to,
    note: step.note ?? null,
  });
}
