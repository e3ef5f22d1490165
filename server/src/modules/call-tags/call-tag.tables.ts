import type { ColumnType, Generated } from 'kysely';

// Kysely table types of this module and of the fault pre-alarm (migration 0007); db/schema.ts
// joins them into the one Database type.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type BigIntColumn = ColumnType<string | number, number | string, never>;

/** The two-level tree: parent_id null is a purpose (咨询 …), else a sub-type of that purpose. */
export type CallTagTypeTable = {
  id: Generated<number>;
  parent_id: number | null;
  code: string;
  name: string;
  position: number;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** One tag per call (a re-tag replaces it); the call is the CDR's call id. */
export type CallTagTable = {
  call_id: string;
  purpose_id: number;
  subtype_id: number | null;
  area_id: number | null;
  note: string | null;
  tagged_by: number;
  tagged_at: Timestamp;
};

/** Current alarm per area; the row exists only while the alarm is active. */
export type FaultAlarmTable = {
  area_id: number;
  level: number;
  count: number;
  raised_at: Timestamp;
  level_since: Timestamp;
  acknowledged_at: Timestamp | null;
  acknowledged_by: number | null;
};

/** Append-only history of alarm changes (the database refuses UPDATE and DELETE). */
export type FaultAlarmEventTable = {
  id: Generated<BigIntColumn>;
  area_id: number;
  kind: string;
  from_level: number | null;
  to_level: number | null;
  count: number;
  at: Timestamp;
  actor_id: number | null;
};

export type CallTagTables = {
  call_tag_types: CallTagTypeTable;
  call_tags: CallTagTable;
  fault_alarms: FaultAlarmTable;
  fault_alarm_events: FaultAlarmEventTable;
};
