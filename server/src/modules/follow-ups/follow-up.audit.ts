import type { Db } from '../../db/database.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { type AuditAction, recordAuditEvent } from '../audit/audit.repository.ts';

// The follow-up module's audit actions (FUP): rule/group changes, "run now", log exports.
export type FollowUpAuditAction = Extract<AuditAction, `follow_up.${string}`>;

export function recordFollowUpAudit(
  trx: Db,
  ctx: ChangeContext,
  action: FollowUpAuditAction,
  objectType: string,
  objectId: string | number | null,
  detail: Record<string, unknown> = {},
): Promise<void> {
  return recordAuditEvent(trx, {
    at: ctx.now,
    actor: ctx.actor,
    action,
    objectType,
    objectId,
    ip: ctx.ip,
    detail,
  });
}
