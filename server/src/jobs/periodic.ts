import type { Db } from '../db/database.ts';

/**
 * Work that runs every `intervalMs` (deadline watch, alarm evaluation …). At most once per
 * interval across all servers and restarts: a run first claims the interval (the task's
 * `periodic_runs` row, locked with SKIP LOCKED and moved on by one interval, committed), then runs
 * `fn` on the ordinary database handle, so a task keeps its own transactions and publishes its
 * notices after they commit. A task must be idempotent: a crash mid-run leaves the rest of the
 * work to the next interval.
 */
export type PeriodicTask = {
  name: string;
  intervalMs: number;
  fn(db: Db, now: Date): Promise<void>;
};

/** Runs each task whose time has come; returns the names that ran without error. */
export async function runDuePeriodicTasks(
  db: Db,
  now: Date,
  tasks: readonly PeriodicTask[],
  onError: (error: unknown) => void = (error) => console.error('periodic task', error),
): Promise<string[]> {
  const ran: string[] = [];
  for (const task of tasks) {
    if (!(await claimInterval(db, task, now))) continue;
    try {
      await task.fn(db, now);
      ran.push(task.name);
    } catch (error) {
      // Tried again one interval later, not at every poll.
      await db
        .updateTable('periodic_runs')
        .set({ last_error: (error instanceof Error ? error.message : String(error)).slice(0, 2000) })
        .where('name', '=', task.name)
        .execute();
      onError(error);
    }
  }
  return ran;
}

/** Takes this interval of the task for this process, or false when it is not due or taken. */
async function claimInterval(db: Db, task: PeriodicTask, now: Date): Promise<boolean> {
  await db
    .insertInto('periodic_runs')
    .values({ name: task.name, next_run_at: now, last_run_at: null, last_error: null })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  return db.transaction().execute(async (trx) => {
    const due = await trx
      .selectFrom('periodic_runs')
      .select('name')
      .where('name', '=', task.name)
      .where('next_run_at', '<=', now)
      .forUpdate()
      .skipLocked()
      .executeTakeFirst();
    if (!due) return false;
    await trx
      .updateTable('periodic_runs')
      .set({ last_run_at: now, next_run_at: new Date(now.getTime() + task.intervalMs), last_error: null })
      .where('name', '=', task.name)
      .execute();
    return true;
  });
}
