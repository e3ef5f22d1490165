import type { Db } from '../../db/database.ts';
import type { Actor } from '../../http/access.ts';
import { type AuditAction, recordAuditEvent } from '../audit/audit.repository.ts';

export type TicketAuditAction = Extract<AuditAction, `ticket.${string}`>;

export function recordTicketAudit(
  trx: Db,
  e: {
    at: Date;
    actor: Actor;
    action: TicketAuditAction;
    objectType: string;
    objectId: number | null;
    ip: string;
    detail?: Record<string, unknown>;
  },
): Promise<void> {
  return recordAuditEvent(trx, e);
}
