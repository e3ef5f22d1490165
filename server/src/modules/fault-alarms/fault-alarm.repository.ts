import type { FaultAlarm, FaultAlarmEvent, FaultAlarmEventKind, FaultAlarmLevel } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';

// Reads of the current alarms and their history, and the one manual change: acknowledging.

export async function activeFaultAlarms(db: Db): Promise<FaultAlarm[]> {
  const rows = await db
    .selectFrom('fault_alarms as f')
    .innerJoin('areas as a', 'a.id', 'f.area_id')
    .leftJoin('staff as s', 's.id', 'f.acknowledged_by')
    .select([
      'f.area_id',
      'a.name as area_name',
      'f.level',
      'f.count',
      'f.raised_at',
      'f.level_since',
      'f.acknowledged_at',
      's.name as acknowledged_by_name',
    ])
    .orderBy('f.level')
    .orderBy('f.raised_at')
    .execute();
  return rows.map((r) => ({
    areaId: r.area_id,
    areaName: r.area_name,
    level: r.level as FaultAlarmLevel,
    count: r.count,
    raisedAt: new Date(r.raised_at).toISOString(),
    levelSince: new Date(r.level_since).toISOString(),
    acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at).toISOString() : null,
    acknowledgedByName: r.acknowledged_by_name,
  }));
}

export async function faultAlarmEvents(
  db: Db,
  q: { page: number; pageSize: number; areaId?: number | undefined },
): Promise<{ items: FaultAlarmEvent[]; total: number }> {
  let base = db.selectFrom('fault_alarm_events as e');
  if (q.areaId !== undefined) base = base.where('e.area_id', '=', q.areaId);
  const total = await base.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .innerJoin('areas as a', 'a.id', 'e.area_id')
    .leftJoin('staff as s', 's.id', 'e.actor_id')
    .select([
      'e.id',
      'e.area_id',
      'a.name as area_name',
      'e.kind',
      'e.from_level',
      'e.to_level',
      'e.count',
      'e.at',
    ])
    .select('s.name as actor_name')
    .orderBy('e.at', 'desc')
    .orderBy('e.id', 'desc')
    .limit(q.pageSize)
    .offset((q.page - 1) * q.pageSize)
    .execute();
  return {
    total: Number(total.n),
    items: rows.map((r) => ({
      id: Number(r.id),
      areaId: r.area_id,
      areaName: r.area_name,
      kind: r.kind as FaultAlarmEventKind,
      fromLevel: r.from_level as FaultAlarmLevel | null,
      toLevel: r.to_level as FaultAlarmLevel | null,
      count: r.count,
      at: new Date(r.at).toISOString(),
      actorName: r.actor_name,
    })),
  };
}

/** Marks the area's active alarm as seen by a lead; false when the area has no active alarm. */
export async function acknowledgeFaultAlarm(
  trx: Db,
  areaId: number,
  staffId: number,
  now: Date,
): Promise<boolean> {
  const alarm = await trx
    .selectFrom('fault_alarms')
    .selectAll()
    .where('area_id', '=', areaId)
    .forUpdate()
    .executeTakeFirst();
  if (!alarm) return false;
  await trx
    .updateTable('fault_alarms')
    .set({ acknowledged_at: now, acknowledged_by: staffId })
    .where('area_id', '=', areaId)
    .execute();
  await trx
    .insertInto('fault_alarm_events')
    .values({
      area_id: areaId,
      kind: 'acknowledged',
      from_level: alarm.level,
      to_level: alarm.level,
      count: alarm.count,
      at: now,
      actor_id: staffId,
    })
    .execute();
  return true;
}
