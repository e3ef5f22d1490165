import type { Db } from '../../db/database.ts';
import { isOpenAt } from './service-calendar.ts';
import { loadCalendars } from './service-hours.repository.ts';
import { compileAll } from './service-hours.service.ts';

// What call control uses of the service-hours calendar: is a skill group open at a moment?
// The CTI runtime loads it once at start; the admin routes reload it after every change.

export type ServiceHoursCache = {
  /** True when calls for this skill group are taken at `at` (weekly hours, holidays, extra days). */
  isOpen(skillGroupId: number, at: Date): boolean;
  /** Reads the calendar again (after an admin saved a change). */
  reload(): Promise<void>;
};

export async function loadServiceHours(db: Db): Promise<ServiceHoursCache> {
  let rules = compileAll(await loadCalendars(db));
  // Two reloads may overlap; only the one started last may install its copy.
  let started = 0;
  return {
    isOpen(skillGroupId, at) {
      const rule = rules.groups.get(skillGroupId) ?? rules.center;
      return rule ? isOpenAt(rule, at) : true;
    },
    async reload() {
      const mine = ++started;
      const next = compileAll(await loadCalendars(db));
      if (mine === started) rules = next;
    },
  };
}
