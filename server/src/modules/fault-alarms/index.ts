import type { Db } from '../../db/database.ts';
import { evaluateFaultAlarmsAt } from './fault-alarm.evaluate.ts';

// What other parts may use of the fault pre-alarm (SUP-12).

/** Re-evaluates every area's sliding 1-hour window at `now`; raises and clears alarms; idempotent. */
export async function evaluateFaultAlarms(db: Db, now: Date): Promise<void> {
  await evaluateFaultAlarmsAt(db, now);
}
