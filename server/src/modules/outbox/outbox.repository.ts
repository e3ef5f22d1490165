import type { OutboxMessage, SinkMessage, SmsInbound } from '@switchboard/shared';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { OutboxMessageTable } from './outbox.tables.ts';

const iso = (d: Date | string | null) => (d === null ? null : new Date(d).toISOString());

export type OutboxFilter = {
  state?: OutboxMessage['state'] | undefined;
  channel?: OutboxMessage['channel'] | undefined;
  q?: string | undefined;
  page: number;
  pageSize: number;
};

export async function listOutbox(
  db: Db,
  f: OutboxFilter,
): Promise<{ items: OutboxMessage[]; total: number }> {
  let query = db.selectFrom('outbox_messages');
  if (f.state) query = query.where('state', '=', f.state);
  if (f.channel) query = query.where('channel', '=', f.channel);
  if (f.q) {
    const like = `%${f.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) => eb.or([eb('to_address', 'like', like), eb('body', 'like', like)]));
  }
  const total = await query.select(sql<number>`count(*)::int`.as('n')).executeTakeFirstOrThrow();
  const rows = await query
    .selectAll()
    .orderBy('id', 'desc')
    .limit(f.pageSize)
    .offset((f.page - 1) * f.pageSize)
    .execute();
  return { total: Number(total.n), items: rows.map(toOutboxMessage) };
}

type OutboxRow = Selectable<OutboxMessageTable>;

function toOutboxMessage(r: OutboxRow): OutboxMessage {
  return {
    id: r.id,
    channel: r.channel,
    to: r.to_address,
    subject: r.subject,
    body: r.body,
    idempotencyKey: r.idempotency_key,
    customerId: r.customer_id,
    source: r.source,
    state: r.state,
    attempts: r.attempts,
    lastError: r.last_error,
    providerMessageId: r.provider_message_id,
    createdAt: new Date(r.created_at).toISOString(),
    sentAt: iso(r.sent_at),
  };
}

export async function getOutboxMessage(db: Db, id: number): Promise<OutboxMessage | undefined> {
  const row = await db.selectFrom('outbox_messages').selectAll().where('id', '=', id).executeTakeFirst();
  return row ? toOutboxMessage(row) : undefined;
}

export async function listSink(db: Db, limit = 100): Promise<SinkMessage[]> {
  const rows = await db.selectFrom('outbox_sink').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    channel: r.channel,
    to: r.to_address,
    subject: r.subject,
    body: r.body,
    idempotencyKey: r.idempotency_key,
    deliveredAt: new Date(r.delivered_at).toISOString(),
  }));
}

export async function listInbound(db: Db, limit = 100): Promise<SmsInbound[]> {
  const rows = await db.selectFrom('sms_inbound').selectAll().orderBy('id', 'desc').limit(limit).execute();
  return rows.map((r) => ({
    id: r.id,
    fromNumber: r.from_number,
    toNumber: r.to_number,
    body: r.body,
    customerId: r.customer_id,
    receivedAt: new Date(r.received_at).toISOString(),
  }));
}
