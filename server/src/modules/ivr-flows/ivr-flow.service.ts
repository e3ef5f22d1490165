import type { IvrFlowDefinition, IvrFlowVersion, IvrValidationProblem } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { validateFlow } from '../../ivr/flow-validator.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { IVR_ERRORS } from './ivr.errors.ts';
import { findVersion, insertFlow, listVersions } from './ivr-flow.repository.ts';

// Writes on flows (admin). Every change is audited in the same transaction. A published version
// is never changed: saving a published flow's definition opens the next draft version.

const audit = (db: Db, ctx: ChangeContext, objectId: number, detail: Record<string, unknown>) =>
  recordAuditEvent(db, {
    at: ctx.now,
    actor: ctx.actor,
    action: 'ivr_flow.change',
    objectType: 'ivr_flow',
    objectId,
    ip: ctx.ip,
    detail,
  });

async function assertAccessCodeFree(db: Db, code: string | null, flowId: number | null): Promise<void> {
  if (code === null) return;
  const other = await db
    .selectFrom('ivr_flows')
    .select('id')
    .where('access_code', '=', code)
    .executeTakeFirst();
  if (other && other.id !== flowId)
    throw new AppError(IVR_ERRORS.IVR_ACCESS_CODE_TAKEN, { params: { code } });
}

export const EMPTY_FLOW: IvrFlowDefinition = {
  start: 'welcome',
  humanKey: null,
  humanTarget: null,
  nodes: [{ id: 'welcome', name: '欢迎词', type: 'hangup', prompt: 'ivr/welcome' }],
};

export async function createFlow(
  db: Db,
  ctx: ChangeContext,
  input: { name: string; accessCode: string | null },
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await assertAccessCodeFree(trx, input.accessCode, null);
    const { flowId } = await insertFlow(trx, {
      ...input,
      definition: EMPTY_FLOW,
      createdBy: ctx.actor.id,
      now: ctx.now,
    });
    await audit(trx, ctx, flowId, { change: 'create', ...input });
    return flowId;
  });
}

export async function updateFlow(
  db: Db,
  ctx: ChangeContext,
  flowId: number,
  input: { name: string; accessCode: string | null },
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await assertAccessCodeFree(trx, input.accessCode, flowId);
    const r = await trx
      .updateTable('ivr_flows')
      .set({ name: input.name, access_code: input.accessCode, updated_at: ctx.now })
      .where('id', '=', flowId)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) === 0) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    await audit(trx, ctx, flowId, { change: 'update', ...input });
  });
}

/** Saves the definition into the latest draft, or opens a new draft after a published one. */
export async function saveDraft(
  db: Db,
  ctx: ChangeContext,
  flowId: number,
  definition: IvrFlowDefinition,
): Promise<{ version: IvrFlowVersion; problems: IvrValidationProblem[] }> {
  return db.transaction().execute(async (trx) => {
    const latest = (await listVersions(trx, flowId))[0];
    if (latest === undefined) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    let versionNo = latest.version;
    if (latest.status === 'draft') {
      await trx
        .updateTable('ivr_flow_versions')
        .set({ definition: JSON.stringify(definition), created_at: ctx.now })
        .where('id', '=', latest.id)
        .where('status', '=', 'draft')
        .execute();
    } else {
      versionNo = latest.version + 1;
      await trx
        .insertInto('ivr_flow_versions')
        .values({
          flow_id: flowId,
          version: versionNo,
          status: 'draft',
          definition: JSON.stringify(definition),
          created_by: ctx.actor.id,
          created_at: ctx.now,
        })
        .execute();
    }
    await trx.updateTable('ivr_flows').set({ updated_at: ctx.now }).where('id', '=', flowId).execute();
    await audit(trx, ctx, flowId, { change: 'save_draft', version: versionNo });
    const version = (await findVersion(trx, flowId, versionNo)) as IvrFlowVersion;
    return { version, problems: validateFlow(definition) };
  });
}

/**
 * Publishes a draft (IVR-1): validated first; the previously published version is retired and
 * the access code now runs this one. Calls already in the IVR keep the version they started on.
 */
export async function publishVersion(
  db: Db,
  ctx: ChangeContext,
  flowId: number,
  versionNo: number,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const version = await findVersion(trx, flowId, versionNo);
    if (version === undefined) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    if (version.status !== 'draft') throw new AppError(IVR_ERRORS.IVR_VERSION_PUBLISHED);
    const problems = validateFlow(version.definition);
    if (problems.length > 0) {
      throw new AppError(IVR_ERRORS.IVR_FLOW_INVALID, {
        params: { count: problems.length },
        fields: problems.map((p) => ({
          path: ['nodes', p.nodeId ?? '', p.field ?? ''].filter((s) => s !== '').join('.'),
          message: p.message,
        })),
      });
    }
    await trx
      .updateTable('ivr_flow_versions')
      .set({ status: 'retired' })
      .where('flow_id', '=', flowId)
      .where('status', '=', 'published')
      .execute();
    await trx
      .updateTable('ivr_flow_versions')
      .set({ status: 'published', published_at: ctx.now })
      .where('id', '=', version.id)
      .execute();
    await trx
      .updateTable('ivr_flows')
      .set({ published_version_id: version.id, updated_at: ctx.now })
      .where('id', '=', flowId)
      .execute();
    await audit(trx, ctx, flowId, { change: 'publish', version: versionNo });
  });
}
