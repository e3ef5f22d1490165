import type { Db } from '../../db/database.ts';
import type { Actor } from '../../http/access.ts';
import { likePattern } from '../directory/references.ts';
import { departmentScopeOf } from '../directory/scope.ts';
import { watchTicketDeadlines } from './deadline-watch.ts';
import { inScope, ticketQuery } from './ticket.repository.ts';

// What other modules may use of the ticket module (CPL, BIZ). Everything else is internal.

export type TicketHit = {
  id: number;
  number: string;
  kind: string;
  status: string;
  customerId: number | null;
  summary: string;
  createdAt: string;
};

/** Fuzzy search over the tickets this actor may see (for the comprehensive query, QRY-1). */
export async function searchTickets(db: Db, actor: Actor, text: string, limit: number): Promise<TicketHit[]> {
  const term = text.trim();
  if (!term) return [];
  const p = likePattern(term);
  const rows = await inScope(ticketQuery(db), departmentScopeOf(actor))
    .where((eb) =>
      eb.or([
        eb('t.number', 'ilike', p),
        eb('t.phone', 'ilike', p),
        eb('t.customer_name', 'ilike', p),
        eb('t.reason', 'ilike', p),
      ]),
    )
    .orderBy('t.created_at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(Math.max(1, Math.min(limit, 100)))
    .execute();
  return rows.map((r) => ({
    id: r.id,
    number: r.number,
    kind: r.kind,
    status: r.state,
    customerId: r.customer_id,
    summary: r.reason.slice(0, 120),
    createdAt: new Date(r.created_at).toISOString(),
  }));
}

/** Deadline watch (CPL-7): warns and escalates overdue tickets; idempotent, safe to run often. */
export async function runDeadlineWatch(db: Db, now: Date): Promise<{ warned: number }> {
  return watchTicketDeadlines(db, now);
}

/** CRM-4 customer merge: the merged record's tickets now belong to the survivor (same transaction). */
export async function repointCustomerTickets(
  db: Db,
  fromCustomerId: number,
  toCustomerId: number,
): Promise<number> {
  const res = await db
    .updateTable('tickets')
    .set({ customer_id: toCustomerId })
    .where('customer_id', '=', fromCustomerId)
    .executeTakeFirst();
  return Number(res.numUpdatedRows);
}
