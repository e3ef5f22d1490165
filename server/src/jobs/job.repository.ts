import { sql } from 'kysely';
import type { Db } from '../db/database.ts';
import type { JobState } from '../modules/outbox/outbox.tables.ts';
import { retryDelayMs } from './backoff.ts';

// The durable job queue: one row per job, claimed with FOR UPDATE SKIP LOCKED so several workers
// (or several servers on one PostgreSQL) never run the same job at once, and held by a lease so a
// worker that dies mid-job gives the job back when the lease runs out.

export type NewJob = {
  kind: string;
  /** Unique across all jobs: enqueueing the same key twice keeps the first job. */
  idempotencyKey: string;
  payload?: Record<string, unknown>;
  runAt: Date;
  maxAttempts?: number;
};

export type ClaimedJob = {
  id: number;
  kind: string;
  payload: Record<string, unknown>;
  /** 1 on the first run; counts runs whose lease expired too. */
  attempts: number;
  maxAttempts: number;
};

export type JobRow = {
  id: number;
  kind: string;
  idempotencyKey: string;
  state: JobState;
  attempts: number;
  maxAttempts: number;
  runAt: Date;
  lastError: string | null;
};

export async function enqueueJob(db: Db, job: NewJob): Promise<{ id: number; created: boolean }> {
  const inserted = await db
    .insertInto('jobs')
    .values({
      kind: job.kind,
      idempotency_key: job.idempotencyKey,
      payload: JSON.stringify(job.payload ?? {}),
      run_at: job.runAt,
      max_attempts: job.maxAttempts ?? 8,
      created_at: job.runAt,
      locked_until: null,
      last_error: null,
      finished_at: null,
    })
    .onConflict((oc) => oc.column('idempotency_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: Number(inserted.id), created: true };
  const existing = await db
    .selectFrom('jobs')
    .select('id')
    .where('idempotency_key', '=', job.idempotencyKey)
    .executeTakeFirstOrThrow();
  return { id: Number(existing.id), created: false };
}

/**
 * Takes the next due job of these kinds and leases it until now + leaseMs. A job whose lease ran
 * out (its worker died) is due again; one that already used all its attempts that way is dead.
 */
export async function claimNextJob(
  db: Db,
  kinds: readonly string[],
  now: Date,
  leaseMs: number,
): Promise<ClaimedJob | null> {
  if (kinds.length === 0) return null;
  for (;;) {
    const outcome = await db.transaction().execute(async (trx) => {
      const row = await trx
        .selectFrom('jobs')
        .select(['id', 'kind', 'payload', 'attempts', 'max_attempts', 'state'])
        .where('kind', 'in', kinds)
        .where((eb) =>
          eb.or([
            eb.and([eb('state', '=', 'queued'), eb('run_at', '<=', now)]),
            eb.and([eb('state', '=', 'running'), eb('locked_until', '<=', now)]),
          ]),
        )
        .orderBy('run_at')
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked()
        .executeTakeFirst();
      if (!row) return null;
      if (row.state === 'running' && row.attempts >= row.max_attempts) {
        await trx
          .updateTable('jobs')
          .set({
            state: 'dead',
            locked_until: null,
            finished_at: now,
            last_error: 'lease expired (worker stopped)',
          })
          .where('id', '=', row.id)
          .execute();
        return 'skipped' as const;
      }
      await trx
        .updateTable('jobs')
        .set({
          state: 'running',
          attempts: sql`attempts + 1`,
          locked_until: new Date(now.getTime() + leaseMs),
        })
        .where('id', '=', row.id)
        .execute();
      return {
        id: Number(row.id),
        kind: row.kind,
        payload: (row.payload ?? {}) as Record<string, unknown>,
        attempts: row.attempts + 1,
        maxAttempts: row.max_attempts,
      };
    });
    if (outcome !== 'skipped') return outcome;
  }
}

/** Marks a job done; only the holder of this attempt may (a late worker after a new claim may not). */
export async function completeJob(db: Db, job: ClaimedJob, now: Date): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ state: 'done', locked_until: null, finished_at: now, last_error: null })
    .where('id', '=', job.id)
    .where('attempts', '=', job.attempts)
    .where('state', '=', 'running')
    .execute();
}

/** Records a failure: retried after a backoff, or dead after its last attempt. Returns the new state. */
export async function failJob(
  db: Db,
  job: ClaimedJob,
  error: string,
  now: Date,
  random: () => number = Math.random,
): Promise<'queued' | 'dead'> {
  const dead = job.attempts >= job.maxAttempts;
  await db
    .updateTable('jobs')
    .set({
      state: dead ? 'dead' : 'queued',
      locked_until: null,
      last_error: error.slice(0, 2000),
      run_at: dead ? now : new Date(now.getTime() + retryDelayMs(job.attempts, random)),
      finished_at: dead ? now : null,
    })
    .where('id', '=', job.id)
    .where('attempts', '=', job.attempts)
    .where('state', '=', 'running')
    .execute();
  return dead ? 'dead' : 'queued';
}

/** Gives a dead (or finished) job a fresh set of attempts, due now (a person pressed "retry"). */
export async function requeueJob(db: Db, idempotencyKey: string, now: Date): Promise<boolean> {
  const result = await db
    .updateTable('jobs')
    .set({ state: 'queued', attempts: 0, run_at: now, locked_until: null, finished_at: null })
    .where('idempotency_key', '=', idempotencyKey)
    .where('state', 'in', ['dead', 'done'])
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function findJobByKey(db: Db, idempotencyKey: string): Promise<JobRow | null> {
  const row = await db
    .selectFrom('jobs')
    .selectAll()
    .where('idempotency_key', '=', idempotencyKey)
    .executeTakeFirst();
  if (!row) return null;
  return {
    id: Number(row.id),
    kind: row.kind,
    idempotencyKey: row.idempotency_key,
    state: row.state,
    attempts: row.attempts,
    maxAttempts: row.max_attempts,
    runAt: new Date(row.run_at),
    lastError: row.last_error,
  };
}
