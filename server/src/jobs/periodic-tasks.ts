import { evaluateFaultAlarms } from '../modules/fault-alarms/index.ts';
import { runFollowUpExtraction, runFollowUpOverdueWatch } from '../modules/follow-ups/index.ts';
import { runDeadlineWatch } from '../modules/tickets/index.ts';
import type { PeriodicTask } from './periodic.ts';

/** The periodic tasks the background worker runs (at most once per interval across nodes). */
export const PERIODIC_TASKS: PeriodicTask[] = [
  // CPL-7: overdue tickets warn their handler and supervisor, escalating while they stay overdue.
  {
    name: 'tickets.deadline-watch',
    intervalMs: 30_000,
    fn: async (db, now) => {
      await runDeadlineWatch(db, now);
    },
  },
  // SUP-12: alarms also fall and clear as tagged calls age out of the sliding hour.
  { name: 'fault-alarms.evaluate', intervalMs: 30_000, fn: (db, now) => evaluateFaultAlarms(db, now) },
  // FUP-3 / FUP-4: follow-up lists built by the admin's extraction rules; overdue tasks warned.
  { name: 'follow-ups.extract', intervalMs: 60_000, fn: (db, now) => runFollowUpExtraction(db, now) },
  { name: 'follow-ups.overdue-watch', intervalMs: 60_000, fn: (db, now) => runFollowUpOverdueWatch(db, now) },
];
