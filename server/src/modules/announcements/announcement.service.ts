import type { AnnouncementInput, AnnouncementUpdate } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { ANNOUNCEMENT_FIELD_MESSAGES as M } from './announcement.errors.ts';
import type { AnnouncementPublished } from './announcement.events.ts';
import { announcementRepository as repo, type StoredAnnouncement } from './announcement.repository.ts';

// The back office's changes. Each runs inside the caller's transaction with its audit row and
// returns the event to publish once that transaction has committed.

export async function createAnnouncement(
  trx: Db,
  input: AnnouncementInput,
  ctx: ChangeContext,
): Promise<AnnouncementPublished> {
  const stored: StoredAnnouncement = {
    title: input.title,
    body: input.body,
    urgent: input.urgent,
    validFrom: new Date(input.validFrom),
    validTo: dateOrNull(input.validTo),
    audience: input.audience,
    targetIds: unique(input.targetIds),
  };
  await assertConsistent(trx, stored);
  const id = await repo.insert(trx, stored, ctx.actor.id, ctx.now);
  await audit(trx, ctx, id, { op: 'create', input });
  return eventOf('created', id, stored);
}

/** undefined when there is no such announcement. */
export async function updateAnnouncement(
  trx: Db,
  id: number,
  input: AnnouncementUpdate,
  ctx: ChangeContext,
): Promise<AnnouncementPublished | undefined> {
  const before = await repo.getStored(trx, id);
  if (!before) return undefined;
  const audienceChanged = input.audience !== undefined && input.audience !== before.audience;
  const after: StoredAnnouncement = {
    title: input.title ?? before.title,
    body: input.body ?? before.body,
    urgent: input.urgent ?? before.urgent,
    validFrom: input.validFrom ? new Date(input.validFrom) : before.validFrom,
    validTo: input.validTo === undefined ? before.validTo : dateOrNull(input.validTo),
    audience: input.audience ?? before.audience,
    // Ids of the old audience's kind mean nothing for the new one: they must be given again.
    targetIds: unique(input.targetIds ?? (audienceChanged ? [] : before.targetIds)),
  };
  await assertConsistent(trx, after);
  await repo.update(trx, id, after, ctx.now);
  await audit(trx, ctx, id, { op: 'update', input });
  return eventOf('updated', id, after);
}

/** undefined when there is no such announcement. */
export async function deleteAnnouncement(
  trx: Db,
  id: number,
  ctx: ChangeContext,
): Promise<AnnouncementPublished | undefined> {
  const before = await repo.getStored(trx, id);
  if (!before || !(await repo.softDelete(trx, id, ctx.now))) return undefined;
  await audit(trx, ctx, id, { op: 'delete', title: before.title });
  return eventOf('withdrawn', id, before);
}

// What one field alone cannot say: the period's order, recipients matching the audience.
async function assertConsistent(trx: Db, a: StoredAnnouncement): Promise<void> {
  const fields: FieldError[] = [];
  if (a.validTo && a.validTo <= a.validFrom) fields.push({ path: 'validTo', message: M.validToNotAfterFrom });
  if (a.audience === 'all') {
    if (a.targetIds.length) fields.push({ path: 'targetIds', message: M.targetsNotAllowed });
  } else if (a.targetIds.length === 0) {
    fields.push({ path: 'targetIds', message: M.targetsRequired });
  } else {
    const known = await repo.existingTargets(trx, a.audience, a.targetIds);
    a.targetIds.forEach((id, i) => {
      if (!known.has(id)) fields.push({ path: `targetIds.${i}`, message: M.targetMissing });
    });
  }
  if (fields.length) throw new AppError(COMMON_ERRORS.VALIDATION_FAILED, { fields });
}

function audit(trx: Db, ctx: ChangeContext, id: number, detail: Record<string, unknown>) {
  return recordAuditEvent(trx, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'announcement.change',
    objectType: 'announcement',
    objectId: id,
    ip: ctx.ip,
    detail,
  });
}

function eventOf(
  change: AnnouncementPublished['change'],
  id: number,
  a: StoredAnnouncement,
): AnnouncementPublished {
  return {
    change,
    id,
    urgent: a.urgent,
    audience: a.audience,
    targetIds: a.targetIds,
    validFrom: a.validFrom.toISOString(),
    validTo: a.validTo?.toISOString() ?? null,
  };
}

const unique = (ids: number[]) => [...new Set(ids)];
const dateOrNull = (s: string | null | undefined) => (s ? new Date(s) : null);
