import type { Db } from '../../db/database.ts';
import { runDueRules } from './follow-up.extraction.ts';
import { warnOverdueTasks } from './follow-up.overdue-watch.ts';

// What other parts may use of the follow-up module (FUP). Scheduled by jobs/periodic-tasks.ts.

/** FUP-3: runs the extraction rules that are due, builds and distributes task lists; idempotent. */
export async function runFollowUpExtraction(db: Db, now: Date): Promise<void> {
  await runDueRules(db, now);
}

/** FUP-4: warns members and team leads of overdue follow-up tasks, once per task and level. */
export async function runFollowUpOverdueWatch(db: Db, now: Date): Promise<void> {
  await warnOverdueTasks(db, now);
}
