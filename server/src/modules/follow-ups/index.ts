import type { Db } from '../../db/database.ts';

// What other parts may use of the follow-up module (FUP). Scheduled by jobs/periodic-tasks.ts.

/** FUP-3: runs the extraction rules that are due, builds and distributes task lists; idempotent. */
export async function runFollowUpExtraction(_db: Db, _now: Date): Promise<void> {}

/** FUP-4: warns members and team leads of overdue follow-up tasks, once per task and level. */
export async function runFollowUpOverdueWatch(_db: Db, _now: Date): Promise<void> {}
