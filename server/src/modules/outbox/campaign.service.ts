import type { Campaign, CampaignAudience, CampaignInput } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import { enqueueJob } from '../../jobs/job.repository.ts';
import type { JobHandler } from '../../jobs/job-worker.ts';
import { recordAuditEvent } from '../audit/audit.repository.ts';
import { resolveRecipients } from './campaign-audience.ts';
import { enqueueOutbound } from './index.ts';
import { OUTBOX_ERRORS } from './outbox.errors.ts';

// Bulk SMS with approval (群发审核, MSG-2): drafted by an agent or lead, approved or rejected by a
// different lead; approval queues a job that enqueues one outbox SMS per recipient in batches.
export const CAMPAIGN_ENQUEUE_JOB = 'campaign.enqueue';
const BATCH = 200;

export type DecisionContext = { actor: Actor; now: Date; ip: string | null };

const source = (id: number) => `campaign:${id}`;

export async function draftCampaign(db: Db, input: CampaignInput, ctx: DecisionContext): Promise<number> {
  const row = await db
    .insertInto('sms_campaigns')
    .values({
      kind: input.kind,
      title: input.title,
      body: input.body,
      audience: JSON.stringify(input.audience),
      drafted_by: ctx.actor.id,
      decided_by: null,
      decided_at: null,
      reject_reason: null,
      created_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function decideCampaign(
  db: Db,
  id: number,
  decision: { approve: boolean; reason?: string | undefined },
  ctx: DecisionContext,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const campaign = await trx
      .selectFrom('sms_campaigns')
      .select(['id', 'state', 'drafted_by', 'audience', 'kind'])
      .where('id', '=', id)
      .forUpdate()
      .executeTakeFirst();
    if (!campaign) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    if (campaign.drafted_by === ctx.actor.id) throw new AppError(OUTBOX_ERRORS.OWN_CAMPAIGN);
    if (campaign.state !== 'pending') throw new AppError(OUTBOX_ERRORS.CAMPAIGN_DECIDED);
    if (decision.approve) {
      // Refuse now (not in the job) an audience that reaches nobody.
      const recipients = await resolveRecipients(trx, campaign.audience as CampaignAudience, campaign.kind);
      if (recipients.length === 0) throw new AppError(OUTBOX_ERRORS.NO_RECIPIENTS);
    }
    await trx
      .updateTable('sms_campaigns')
      .set({
        state: decision.approve ? 'approved' : 'rejected',
        decided_by: ctx.actor.id,
        decided_at: ctx.now,
        reject_reason: decision.approve ? null : (decision.reason ?? null),
      })
      .where('id', '=', id)
      .execute();
    await recordAuditEvent(trx, {
      at: ctx.now,
      actor: ctx.actor,
      action: decision.approve ? 'sms_campaign.approve' : 'sms_campaign.reject',
      objectType: 'sms_campaign',
      objectId: id,
      ip: ctx.ip,
      ...(decision.reason ? { detail: { reason: decision.reason } } : {}),
    });
    if (decision.approve) {
      await enqueueJob(trx, {
        kind: CAMPAIGN_ENQUEUE_JOB,
        idempotencyKey: source(id),
        payload: { campaignId: id },
        runAt: ctx.now,
        maxAttempts: 5,
      });
    }
  });
}

/** Enqueues the campaign's messages; safe to run again (each recipient's key is fixed). */
export const campaignEnqueueHandler: JobHandler = {
  async run(job, { db, now }) {
    const id = Number(job.payload.campaignId);
    const campaign = await db.selectFrom('sms_campaigns').selectAll().where('id', '=', id).executeTakeFirst();
    if (campaign?.state !== 'approved') return;
    const recipients = await resolveRecipients(db, campaign.audience as CampaignAudience, campaign.kind);
    for (let i = 0; i < recipients.length; i += BATCH) {
      await db.transaction().execute(async (trx) => {
        for (const r of recipients.slice(i, i + BATCH)) {
          await enqueueOutbound(
            trx,
            {
              channel: 'sms',
              to: r.phone,
              body: campaign.body,
              idempotencyKey: `campaign:${id}:${r.phone}`,
              customerId: r.customerId,
              source: source(id),
            },
            now,
          );
        }
      });
    }
  },
};

export async function listCampaigns(db: Db): Promise<Campaign[]> {
  const rows = await db
    .selectFrom('sms_campaigns as c')
    .innerJoin('staff as d', 'd.id', 'c.drafted_by')
    .leftJoin('staff as a', 'a.id', 'c.decided_by')
    .selectAll('c')
    .select(['d.name as drafter_name', 'a.name as decider_name'])
    .orderBy('c.id', 'desc')
    .limit(100)
    .execute();
  const counts = rows.length
    ? await db
        .selectFrom('outbox_messages')
        .select(['source', 'state', sql<number>`count(*)::int`.as('n')])
        .where(
          'source',
          'in',
          rows.map((r) => source(r.id)),
        )
        .groupBy(['source', 'state'])
        .execute()
    : [];
  return rows.map((r) => {
    const mine = counts.filter((c) => c.source === source(r.id));
    const count = (states: string[]) =>
      mine.filter((c) => states.includes(c.state)).reduce((sum, c) => sum + Number(c.n), 0);
    return {
      id: r.id,
      kind: r.kind,
      title: r.title,
      body: r.body,
      audience: r.audience as CampaignAudience,
      state: r.state,
      draftedBy: { id: r.drafted_by, name: r.drafter_name },
      decidedBy: r.decided_by !== null ? { id: r.decided_by, name: r.decider_name ?? '' } : null,
      decidedAt: r.decided_at ? new Date(r.decided_at).toISOString() : null,
      rejectReason: r.reject_reason,
      createdAt: new Date(r.created_at).toISOString(),
      counts: { queued: count(['queued', 'sending']), sent: count(['sent']), failed: count(['failed']) },
    };
  });
}
