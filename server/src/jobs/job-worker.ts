import type { Clock } from '../clock.ts';
import type { Db } from '../db/database.ts';
import { type ClaimedJob, claimNextJob, completeJob, failJob } from './job.repository.ts';
import { type PeriodicTask, runDuePeriodicTasks } from './periodic.ts';

export type JobContext = { db: Db; now: Date };

/** What a job kind does. `run` must be safe to run again (a lease may expire mid-run). */
export type JobHandler = {
  run(job: ClaimedJob, ctx: JobContext): Promise<void>;
  /** Called once when the job used its last attempt (e.g. mark the outbox message failed). */
  onDead?(job: ClaimedJob, ctx: JobContext, error: string): Promise<void>;
};

export type JobWorkerOptions = {
  db: Db;
  clock: Clock;
  handlers: Record<string, JobHandler>;
  periodicTasks?: readonly PeriodicTask[];
  pollMs: number;
  /** How long a claimed job is ours; past it another worker may run it again. */
  leaseMs?: number;
  random?: () => number;
  onError?: (error: unknown) => void;
};

export type JobWorker = {
  /** Runs one due job if there is one; true if it did. Tests drive the queue with this. */
  runOnce(): Promise<boolean>;
  /** Runs due jobs until none is left, then the due periodic tasks. */
  drain(): Promise<number>;
  start(): void;
  /** Stops polling and waits for the job that is running. */
  stop(): Promise<void>;
};

export const DEFAULT_LEASE_MS = 60_000;

export function createJobWorker(opts: JobWorkerOptions): JobWorker {
  const { db, clock, handlers } = opts;
  const kinds = Object.keys(handlers);
  const leaseMs = opts.leaseMs ?? DEFAULT_LEASE_MS;
  const onError = opts.onError ?? ((error: unknown) => console.error('job worker', error));
  let timer: ReturnType<typeof setTimeout> | null = null;
  let stopping = false;
  let running: Promise<unknown> | null = null;

  const runOnce = async (): Promise<boolean> => {
    const job = await claimNextJob(db, kinds, clock.now(), leaseMs);
    if (!job) return false;
    const handler = handlers[job.kind];
    try {
      if (!handler) throw new Error(`no handler for job kind ${job.kind}`);
      await handler.run(job, { db, now: clock.now() });
      await completeJob(db, job, clock.now());
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      const state = await failJob(db, job, message, clock.now(), opts.random);
      if (state === 'dead') await handler?.onDead?.(job, { db, now: clock.now() }, message);
    }
    return true;
  };

  const drain = async (): Promise<number> => {
    let count = 0;
    while (!stopping && (await runOnce())) count++;
    if (!stopping && opts.periodicTasks?.length) {
      await runDuePeriodicTasks(db, clock.now(), opts.periodicTasks, onError);
    }
    return count;
  };

  const tick = () => {
    timer = null;
    running = drain()
      .catch(onError)
      .finally(() => {
        running = null;
        if (!stopping) timer = setTimeout(tick, opts.pollMs);
      });
  };

  return {
    runOnce,
    drain,
    start() {
      stopping = false;
      if (!timer && !running) timer = setTimeout(tick, 0);
    },
    async stop() {
      stopping = true;
      if (timer) clearTimeout(timer);
      timer = null;
      await running;
    },
  };
}
