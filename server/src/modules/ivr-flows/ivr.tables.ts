import type { ColumnType, Generated, JSONColumnType } from 'kysely';

// Kysely table types of this module; db/schema.ts joins them into the one Database type.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type IvrFlowTable = {
  id: Generated<number>;
  name: string;
  access_code: string | null;
  published_version_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type IvrFlowVersionTable = {
  id: Generated<number>;
  flow_id: number;
  version: number;
  status: 'draft' | 'published' | 'retired';
  definition: JSONColumnType<object, string, string>;
  created_by: number | null;
  created_at: Timestamp;
  published_at: Timestamp | null;
};

export type IvrServicePasswordTable = {
  phone_number: string;
  password_hash: string;
  failed_attempts: Generated<number>;
  locked_until: Timestamp | null;
  updated_at: Timestamp;
};

export type IvrPasswordEventTable = {
  id: Generated<string>;
  phone_number: string;
  call_id: string | null;
  kind: 'set' | 'change' | 'verify_ok' | 'verify_fail' | 'locked' | 'verify_locked';
  at: Timestamp;
};

export type IvrSessionTable = {
  call_id: string;
  /** 1 on arrival; 2, 3 … each time an agent transfers the caller to a flow (CTI-10). */
  session_no: Generated<number>;
  transferred_by: number | null;
  flow_version_id: number;
  caller_number: string;
  access_code: string;
  started_at: Timestamp;
  ended_at: Timestamp | null;
  service: string | null;
  exit_class: 'self_served' | 'abandoned_ivr' | 'abandoned_queue' | 'transferred_agent' | null;
  path: ColumnType<string[], string[] | undefined, string[]>;
};

export type IvrLogTable = {
  id: Generated<string>;
  call_id: string;
  session_no: Generated<number>;
  seq: number;
  at: Timestamp;
  node_id: string | null;
  event: string;
  detail: JSONColumnType<Record<string, unknown>, string, string>;
};

export type IvrTables = {
  ivr_flows: IvrFlowTable;
  ivr_flow_versions: IvrFlowVersionTable;
  ivr_service_passwords: IvrServicePasswordTable;
  ivr_password_events: IvrPasswordEventTable;
  ivr_sessions: IvrSessionTable;
  ivr_log: IvrLogTable;
};
