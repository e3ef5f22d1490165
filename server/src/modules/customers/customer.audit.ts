import type { Db } from '../../db/database.ts';
import type { Actor } from '../../http/access.ts';
import { type AuditAction, recordAuditEvent } from '../audit/audit.repository.ts';

export type CustomerAuditAction = Extract<AuditAction, `customer.${string}`>;

export type CustomerChangeContext = { actor: Actor; now: Date; ip: string };

/** Whose customer changes leave an audit row: the back office (data maintenance, admin). */
export function isAuditedActor(actor: Actor): boolean {
  return actor.roles.some((r) => r === 'data_maintenance' || r === 'admin');
}

/** An audit row of a customer change, in the caller's transaction. */
export async function recordCustomerAudit(
  db: Db,
  ctx: CustomerChangeContext,
  action: CustomerAuditAction,
  objectId: number | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  await recordAuditEvent(db, {
    at: ctx.now,
    actor: ctx.actor,
    action,
    objectType: 'customer',
    objectId,
    ip: ctx.ip,
    detail,
  });
}
