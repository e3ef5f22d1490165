import type { Db } from '../../db/database.ts';
import type { Actor } from '../../http/access.ts';

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
export async function searchTickets(
  _db: Db,
  _actor: Actor,
  _text: string,
  _limit: number,
): Promise<TicketHit[]> {
  return [];
}

/** Deadline watch (CPL-7): warns and escalates overdue tickets; idempotent, safe to run often. */
export async function runDeadlineWatch(_db: Db, _now: Date): Promise<{ warned: number }> {
  return { warned: 0 };
}
