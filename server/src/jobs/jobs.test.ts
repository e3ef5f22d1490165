import { expect, it } from 'vitest';
import { describeOnEachDialect } from '../testing/test-app.ts';
import { retryDelayMs } from './backoff.ts';
import { claimNextJob, completeJob, enqueueJob, findJobByKey } from './job.repository.ts';
import { createJobWorker, type JobHandler } from './job-worker.ts';
import { runDuePeriodicTasks } from './periodic.ts';
import { PERIODIC_TASKS } from './periodic-tasks.ts';

describeOnEachDialect('durable jobs', (server) => {
  const worker = (handlers: Record<string, JobHandler>) =>
    createJobWorker({
      db: server().db,
      clock: server().clock,
      handlers,
      pollMs: 1000,
      leaseMs: 30_000,
      random: () => 1,
    });

  it('runs a job once: the same idempotency key enqueued twice is one job', async () => {
    const { db, clock } = server();
    const runs: unknown[] = [];
    const first = await enqueueJob(db, {
      kind: 't.once',
      idempotencyKey: 'once-1',
      payload: { n: 1 },
      runAt: clock.now(),
    });
    const second = await enqueueJob(db, {
      kind: 't.once',
      idempotencyKey: 'once-1',
      payload: { n: 2 },
      runAt: clock.now(),
    });
    expect(second).toEqual({ id: first.id, created: false });
    const w = worker({ 't.once': { run: async (job) => void runs.push(job.payload) } });
    expect(await w.drain()).toBe(1);
    expect(runs).toEqual([{ n: 1 }]);
    expect((await findJobByKey(db, 'once-1'))?.state).toBe('done');
  });

  it('retries a failing job with exponential backoff, then marks it dead (visible) after max attempts', async () => {
    const { db, clock } = server();
    let deadCalls = 0;
    await enqueueJob(db, { kind: 't.fail', idempotencyKey: 'fail-1', runAt: clock.now(), maxAttempts: 3 });
    const w = worker({
      't.fail': {
        run: async () => {
          throw new Error('gateway down');
        },
        onDead: async () => void deadCalls++,
      },
    });
    expect(await w.runOnce()).toBe(true);
    let job = await findJobByKey(db, 'fail-1');
    expect(job).toMatchObject({ state: 'queued', attempts: 1, lastError: 'gateway down' });
    expect(job?.runAt.getTime()).toBe(clock.now().getTime() + retryDelayMs(1, () => 1));
    expect(await w.runOnce()).toBe(false); // not due yet
    clock.advance(retryDelayMs(1, () => 1));
    expect(await w.runOnce()).toBe(true);
    job = await findJobByKey(db, 'fail-1');
    expect(job?.runAt.getTime()).toBe(clock.now().getTime() + retryDelayMs(2, () => 1));
    clock.advance(retryDelayMs(2, () => 1));
    await w.runOnce();
    expect(await findJobByKey(db, 'fail-1')).toMatchObject({ state: 'dead', attempts: 3 });
    expect(deadCalls).toBe(1);
  });

  it('gives a job back when its worker dies: after the lease expires another worker runs it', async () => {
    const { db, clock } = server();
    await enqueueJob(db, { kind: 't.lease', idempotencyKey: 'lease-1', runAt: clock.now() });
    const crashed = await claimNextJob(db, ['t.lease'], clock.now(), 30_000);
    expect(crashed?.attempts).toBe(1);
    expect(await claimNextJob(db, ['t.lease'], clock.now(), 30_000)).toBeNull(); // leased
    clock.advance(30_001);
    const runs: number[] = [];
    const w = worker({ 't.lease': { run: async (job) => void runs.push(job.attempts) } });
    expect(await w.drain()).toBe(1);
    expect(runs).toEqual([2]);
    // The crashed worker waking up late cannot mark the new attempt's job.
    if (crashed) await completeJob(db, crashed, clock.now());
    expect(await findJobByKey(db, 'lease-1')).toMatchObject({ state: 'done', attempts: 2 });
  });

  it('backoff doubles from 5 s with jitter between 50 % and 100 %, capped at 30 min', () => {
    expect(retryDelayMs(1, () => 1)).toBe(5000);
    expect(retryDelayMs(3, () => 1)).toBe(20_000);
    expect(retryDelayMs(3, () => 0)).toBe(10_000);
    expect(retryDelayMs(30, () => 1)).toBe(30 * 60_000);
  });

  it('runs a periodic task at most once per interval, across restarts (a second worker)', async () => {
    const { db, clock } = server();
    const runs: string[] = [];
    const task = {
      name: 't.every-minute',
      intervalMs: 60_000,
      fn: async (_db: unknown, now: Date) => void runs.push(now.toISOString()),
    };
    expect(await runDuePeriodicTasks(db, clock.now(), [task])).toEqual(['t.every-minute']);
    expect(await runDuePeriodicTasks(db, clock.now(), [task])).toEqual([]); // "restarted" process, same minute
    clock.advance(59_000);
    expect(await runDuePeriodicTasks(db, clock.now(), [task])).toEqual([]);
    clock.advance(1_000);
    expect(await runDuePeriodicTasks(db, clock.now(), [task])).toEqual(['t.every-minute']);
    expect(runs).toHaveLength(2);
  });

  it('a failing periodic task records its error and is tried again one interval later', async () => {
    const { db, clock } = server();
    let calls = 0;
    const task = {
      name: 't.flaky',
      intervalMs: 10_000,
      fn: async () => {
        calls++;
        throw new Error('boom');
      },
    };
    expect(await runDuePeriodicTasks(db, clock.now(), [task], () => {})).toEqual([]);
    expect(await runDuePeriodicTasks(db, clock.now(), [task], () => {})).toEqual([]);
    expect(calls).toBe(1);
    const row = await db
      .selectFrom('periodic_runs')
      .selectAll()
      .where('name', '=', 't.flaky')
      .executeTakeFirst();
    expect(row?.last_error).toBe('boom');
  });

  it('runs every scheduled task (deadline watch, fault alarms, follow-ups) on the demo centre without error', async () => {
    const { db, clock } = server();
    const errors: unknown[] = [];
    const ran = await runDuePeriodicTasks(db, clock.now(), PERIODIC_TASKS, (e) => errors.push(e));
    expect(errors).toEqual([]);
    expect(ran).toEqual(PERIODIC_TASKS.map((t) => t.name));
  });

  it('stop() waits for the running job', async () => {
    const { db, clock } = server();
    await enqueueJob(db, { kind: 't.slow', idempotencyKey: 'slow-1', runAt: clock.now() });
    let finished = false;
    let started!: () => void;
    const startedP = new Promise<void>((r) => {
      started = r;
    });
    const w = worker({
      't.slow': {
        run: async () => {
          started();
          await new Promise((r) => setTimeout(r, 50));
          finished = true;
        },
      },
    });
    w.start();
    await startedP;
    await w.stop();
    expect(finished).toBe(true);
    expect((await findJobByKey(db, 'slow-1'))?.state).toBe('done');
  });
});
