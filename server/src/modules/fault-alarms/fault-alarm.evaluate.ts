import { FAULT_DISPATCHED_CODE, type FaultAlarmLevel } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { publishLiveNotice } from '../../live/live-notices.ts';
import { getCallTagSettings } from '../call-tags/call-tag.settings.ts';
import {
  ALARM_WINDOW_MS,
  type AlarmChange,
  type AlarmState,
  evaluateAlarmChanges,
} from './fault-alarm.rules.ts';

// Applies the pure rules to the database: reads the counted calls and the stored alarms, writes
// the changes with their history rows in one transaction, then tells every desktop. Serialized by
// an advisory lock so the periodic run and a run after a tagging never both write one change.
const LOCK_KEY = 190_012;

export async function evaluateFaultAlarmsAt(db: Db, now: Date): Promise<AlarmChange[]> {
  const changes = await db.transaction().execute(async (trx) => {
    await sql`SELECT pg_advisory_xact_lock(${LOCK_KEY})`.execute(trx);
    const { thresholds } = await getCallTagSettings(trx);
    const since = new Date(now.getTime() - ALARM_WINDOW_MS);
    const calls = await trx
      .selectFrom('call_tags as t')
      .innerJoin('cdrs as c', 'c.call_id', 't.call_id')
      .innerJoin('call_tag_types as s', 's.id', 't.subtype_id')
      .select(['t.area_id', 'c.started_at'])
      .where('s.code', '=', FAULT_DISPATCHED_CODE)
      .where('t.area_id', 'is not', null)
      .where('c.started_at', '>', since)
      .where('c.started_at', '<=', now)
      .execute();
    const byArea = new Map<number, Date[]>();
    for (const c of calls) {
      if (c.area_id === null) continue;
      const list = byArea.get(c.area_id) ?? [];
      list.push(new Date(c.started_at));
      byArea.set(c.area_id, list);
    }
    const stored = await trx.selectFrom('fault_alarms').selectAll().execute();
    const current = new Map<number, AlarmState>(
      stored.map((a) => [
        a.area_id,
        {
          level: a.level as FaultAlarmLevel,
          count: a.count,
          raisedAt: new Date(a.raised_at),
          levelSince: new Date(a.level_since),
        },
      ]),
    );
    const found = evaluateAlarmChanges(current, byArea, thresholds, now);
    for (const change of found) await persistChange(trx, change, now);
    return found;
  });
  for (const c of changes) {
    if (c.event) {
      publishLiveNotice({
        topic: 'fault_alarm',
        audience: { kind: 'all' },
        data: { areaId: c.areaId, level: c.next?.level ?? null },
      });
    }
  }
  return changes;
}

async function persistChange(trx: Db, change: AlarmChange, now: Date): Promise<void> {
  const { areaId, event, next } = change;
  if (next === null) {
    await trx.deleteFrom('fault_alarms').where('area_id', '=', areaId).execute();
  } else {
    const row = {
      level: next.level,
      count: next.count,
      raised_at: next.raisedAt,
      level_since: next.levelSince,
    };
    await trx
      .insertInto('fault_alarms')
      .values({ area_id: areaId, ...row })
      .onConflict((oc) => oc.column('area_id').doUpdateSet(row))
      .execute();
  }
  if (event) {
    await trx
      .insertInto('fault_alarm_events')
      .values({
        area_id: areaId,
        kind: event.kind,
        from_level: event.fromLevel,
        to_level: event.toLevel,
        count: change.count,
        at: now,
        actor_id: null,
      })
      .execute();
  }
}
