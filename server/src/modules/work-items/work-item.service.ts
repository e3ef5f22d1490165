import { randomUUID } from 'node:crypto';
import type { ContactForm, WorkItemClose, WorkItemReply } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { type Actor, hasAnyRole } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { appendTimelineEntry } from '../customers/index.ts';
import { enqueueOutbound } from '../outbox/index.ts';
import { createWorkItem } from './index.ts';
import { WORK_ITEM_ERRORS } from './work-item.errors.ts';
import { appendWorkItemEvent } from './work-item.repository.ts';
import type { WorkItemStateColumn } from './work-item.tables.ts';

// Agents' actions on a work item (MSG-5). Each runs in one transaction with the row locked, so two
// agents taking the same item at once get one winner and one 409.
export type WorkContext = { actor: Actor; now: Date };

const LEADS = ['team_lead', 'duty_lead', 'admin'] as const;
const CLOSED: readonly WorkItemStateColumn[] = ['resolved', 'converted', 'spam'];

/** Web form (网上留言): at most this many per IP in any sliding hour. */
export const CONTACT_FORM_PER_IP_PER_HOUR = 5;
const HOUR_MS = 3_600_000;

async function lockItem(trx: Db, id: number, ctx: WorkContext) {
  const item = await trx
    .selectFrom('work_items as w')
    .leftJoin('staff as s', 's.id', 'w.taken_by')
    .select([
      'w.id',
      'w.state',
      'w.taken_by',
      's.name as taken_by_name',
      'w.contact_phone',
      'w.contact_email',
      'w.customer_id',
    ])
    .where('w.id', '=', id)
    .forUpdate('w')
    .executeTakeFirst();
  if (!item) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  if (CLOSED.includes(item.state)) throw new AppError(WORK_ITEM_ERRORS.CLOSED);
  if (item.state === 'taken' && item.taken_by !== ctx.actor.id && !hasAnyRole(ctx.actor, LEADS)) {
    throw new AppError(WORK_ITEM_ERRORS.ALREADY_TAKEN, { params: { name: item.taken_by_name ?? '' } });
  }
  return item;
}

async function setState(
  trx: Db,
  id: number,
  from: WorkItemStateColumn,
  to: WorkItemStateColumn,
  ctx: WorkContext,
  extra: { note?: string | null; ticketId?: number } = {},
) {
  const closing = CLOSED.includes(to);
  await trx
    .updateTable('work_items')
    .set({
      state: to,
      updated_at: ctx.now,
      ...(to === 'taken' ? { taken_by: ctx.actor.id, taken_at: ctx.now } : {}),
      ...(closing ? { closed_by: ctx.actor.id, closed_at: ctx.now } : {}),
      ...(extra.ticketId !== undefined ? { ticket_id: extra.ticketId } : {}),
    })
    .where('id', '=', id)
    .execute();
  const action = to === 'taken' ? 'taken' : to;
  await appendWorkItemEvent(trx, {
    workItemId: id,
    at: ctx.now,
    actorId: ctx.actor.id,
    action,
    fromState: from,
    toState: to,
    note: extra.note ?? null,
  });
}

/** Claims the item; taking an item one already holds is a no-op, another's is a 409. */
export async function takeWorkItem(db: Db, id: number, ctx: WorkContext): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, id, { ...ctx, actor: { ...ctx.actor, roles: [] } });
    if (item.state === 'new') await setState(trx, id, 'new', 'taken', ctx);
  });
}

/** Sends an SMS or e-mail through the outbox; a new item is taken by whoever answers it. */
export async function replyToWorkItem(db: Db, id: number, reply: WorkItemReply, ctx: WorkContext) {
  return db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, id, ctx);
    const to = reply.to ?? (reply.channel === 'sms' ? item.contact_phone : item.contact_email);
    if (!to) throw new AppError(WORK_ITEM_ERRORS.NO_REPLY_ADDRESS);
    if (item.state === 'new') await setState(trx, id, 'new', 'taken', ctx);
    const sent = await enqueueOutbound(
      trx,
      {
        channel: reply.channel,
        to,
        ...(reply.channel === 'email' ? { subject: '回复：您的留言' } : {}),
        body: reply.body,
        idempotencyKey: `work_item:${id}:reply:${reply.requestId}`,
        customerId: item.customer_id,
        source: `work_item:${id}`,
      },
      ctx.now,
    );
    if (sent.created && item.customer_id !== null) {
      await appendTimelineEntry(trx, {
        customerId: item.customer_id,
        at: ctx.now,
        kind: reply.channel,
        refId: `outbox:${sent.id}`,
        summary: `${reply.channel === 'sms' ? '短信' : '邮件'}回复工作项：${reply.body.slice(0, 60)}`,
        staffId: ctx.actor.id,
      });
    }
    if (sent.created) {
      await appendWorkItemEvent(trx, {
        workItemId: id,
        at: ctx.now,
        actorId: ctx.actor.id,
        action: `reply_${reply.channel}`,
        fromState: 'taken',
        toState: 'taken',
        note: `${to}: ${reply.body.slice(0, 200)}`,
      });
    }
    return { outboxId: sent.id };
  });
}

export async function closeWorkItem(db: Db, id: number, input: WorkItemClose, ctx: WorkContext) {
  await db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, id, ctx);
    await setState(trx, id, item.state, input.state, ctx, { note: input.note ?? null });
  });
}

/** Links the ticket the agent opened from this item and closes the item as converted. */
export async function convertWorkItem(db: Db, id: number, ticketId: number, ctx: WorkContext) {
  await db.transaction().execute(async (trx) => {
    const item = await lockItem(trx, id, ctx);
    const ticket = await trx
      .selectFrom('tickets')
      .select('number')
      .where('id', '=', ticketId)
      .executeTakeFirst();
    if (!ticket) throw new AppError(WORK_ITEM_ERRORS.TICKET_NOT_FOUND);
    await setState(trx, id, item.state, 'converted', ctx, { note: ticket.number, ticketId });
  });
}

/**
 * Stores a web-form message as a work item. A filled honeypot is answered like a success and
 * dropped; more than CONTACT_FORM_PER_IP_PER_HOUR from one IP in an hour is a 429.
 */
export async function submitContactForm(
  db: Db,
  form: ContactForm,
  client: { ip: string; now: Date },
): Promise<{ id: number } | null> {
  if (form.website) return null;
  return db.transaction().execute(async (trx) => {
    const recent = await trx
      .selectFrom('work_items')
      .select('created_at')
      .where('channel', '=', 'web_form')
      .where('source_ip', '=', client.ip)
      .where('created_at', '>', new Date(client.now.getTime() - HOUR_MS))
      .orderBy('created_at', 'desc')
      .limit(CONTACT_FORM_PER_IP_PER_HOUR)
      .execute();
    if (recent.length >= CONTACT_FORM_PER_IP_PER_HOUR) {
      const oldest = new Date(recent[recent.length - 1]?.created_at ?? client.now).getTime();
      const seconds = Math.max(1, Math.ceil((oldest + HOUR_MS - client.now.getTime()) / 1000));
      throw new AppError(WORK_ITEM_ERRORS.FORM_RATE_LIMITED, {
        params: { minutes: Math.ceil(seconds / 60) },
        headers: { 'retry-after': String(seconds) },
      });
    }
    const created = await createWorkItem(
      trx,
      {
        channel: 'web_form',
        sourceRef: randomUUID(),
        from: form.email ?? form.phone ?? form.name,
        fromName: form.name,
        contactPhone: form.phone ?? null,
        contactEmail: form.email ?? null,
        subject: form.subject,
        body: form.message,
        sourceIp: client.ip,
      },
      client.now,
    );
    return { id: created.id };
  });
}
