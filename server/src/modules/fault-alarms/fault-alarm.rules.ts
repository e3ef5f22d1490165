import type { FaultAlarmLevel, FaultAlarmThresholds } from '@switchboard/shared';

// The fault pre-alarm's rules (SUP-12), pure: no I/O, time passed in. An area's count is the
// number of its calls tagged 报修/已派工单 that started in the hour ending now; the count sets the
// level (level 1 most severe). Evaluating at every tagging and periodically covers every sliding
// window: the count only rises when a call is tagged, and that is evaluated at once.

export const ALARM_WINDOW_MS = 3_600_000;

export type AlarmState = { level: FaultAlarmLevel; count: number; raisedAt: Date; levelSince: Date };

export type AlarmTransitionKind = 'raised' | 'escalated' | 'de_escalated' | 'cleared';

/** What changes in one area: an event to append (if the level moved) and the new state. */
export type AlarmChange = {
  areaId: number;
  /** The area's count in the window at this evaluation. */
  count: number;
  /** null: the count changed but not the level (state only, no history row). */
  event: {
    kind: AlarmTransitionKind;
    fromLevel: FaultAlarmLevel | null;
    toLevel: FaultAlarmLevel | null;
  } | null;
  /** null: the alarm is cleared. */
  next: AlarmState | null;
};

/** Calls at times within (now - window, now]. Later times (clock skew) do not count. */
export function countInWindow(times: readonly Date[], now: Date, windowMs = ALARM_WINDOW_MS): number {
  const to = now.getTime();
  const from = to - windowMs;
  let n = 0;
  for (const t of times) {
    const ms = t.getTime();
    if (ms > from && ms <= to) n += 1;
  }
  return n;
}

/** The alarm level a count reaches, or null below the lowest threshold. */
export function levelForCount(count: number, t: FaultAlarmThresholds): FaultAlarmLevel | null {
  if (count >= t.level1) return 1;
  if (count >= t.level2) return 2;
  if (count >= t.level3) return 3;
  return null;
}

/** The change one area needs, or null when its stored state is already right. */
export function alarmChangeFor(
  areaId: number,
  current: AlarmState | null,
  count: number,
  thresholds: FaultAlarmThresholds,
  now: Date,
): AlarmChange | null {
  const level = levelForCount(count, thresholds);
  if (current === null) {
    if (level === null) return null;
    return {
      areaId,
      count,
      event: { kind: 'raised', fromLevel: null, toLevel: level },
      next: { level, count, raisedAt: now, levelSince: now },
    };
  }
  if (level === null) {
    return { areaId, count, event: { kind: 'cleared', fromLevel: current.level, toLevel: null }, next: null };
  }
  if (level === current.level) {
    return count === current.count ? null : { areaId, count, event: null, next: { ...current, count } };
  }
  // A smaller number is more severe: going from 3 to 2 escalates.
  const kind: AlarmTransitionKind = level < current.level ? 'escalated' : 'de_escalated';
  return {
    areaId,
    count,
    event: { kind, fromLevel: current.level, toLevel: level },
    next: { ...current, level, count, levelSince: now },
  };
}

/**
 * Every area's change at `now`, given the stored alarms and the start times of the counted calls
 * per area. Areas with an alarm but no calls left in the window are cleared.
 */
export function evaluateAlarmChanges(
  current: ReadonlyMap<number, AlarmState>,
  callTimesByArea: ReadonlyMap<number, readonly Date[]>,
  thresholds: FaultAlarmThresholds,
  now: Date,
): AlarmChange[] {
  const areas = [...new Set([...current.keys(), ...callTimesByArea.keys()])].sort((a, b) => a - b);
  const changes: AlarmChange[] = [];
  for (const areaId of areas) {
    const count = countInWindow(callTimesByArea.get(areaId) ?? [], now);
    const change = alarmChangeFor(areaId, current.get(areaId) ?? null, count, thresholds, now);
    if (change) changes.push(change);
  }
  return changes;
}

/** The stored alarms after applying changes (what the database holds after an evaluation). */
export function applyAlarmChanges(
  current: ReadonlyMap<number, AlarmState>,
  changes: readonly AlarmChange[],
): Map<number, AlarmState> {
  const next = new Map(current);
  for (const c of changes) {
    if (c.next) next.set(c.areaId, c.next);
    else next.delete(c.areaId);
  }
  return next;
}
