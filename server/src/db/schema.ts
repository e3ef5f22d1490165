import type { Role } from '@switchboard/shared';
import type { ColumnType, Generated } from 'kysely';
import type { CdrDisposition } from '../modules/call-records/cdr.ts';
import type { CallTagTables } from '../modules/call-tags/call-tag.tables.ts';
import type { CustomerTables } from '../modules/customers/customer.tables.ts';
import type { FollowUpTables } from '../modules/follow-ups/follow-up.tables.ts';
import type { IvrTables } from '../modules/ivr-flows/ivr.tables.ts';
import type { KnowledgeTables } from '../modules/knowledge/knowledge.tables.ts';
import type { MessagingTables } from '../modules/outbox/outbox.tables.ts';
import type { ServiceHoursTables } from '../modules/service-hours/service-hours.tables.ts';
import type { TicketTables } from '../modules/tickets/ticket.tables.ts';
import type { VoicemailTables } from '../modules/voicemail/voicemail.tables.ts';
import type { WorkItemTables } from '../modules/work-items/work-item.tables.ts';

// Kysely table types. Timestamps are written by the application's clock, never by the database.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type AreaTable = { id: Generated<number>; code: string; name: string; created_at: Timestamp };

export type DepartmentTable = {
  id: Generated<number>;
  code: string;
  name: string;
  supervisor_id: number | null;
  created_at: Timestamp;
};

export type SkillGroupTable = {
  id: Generated<number>;
  code: string;
  name: string;
  is_comprehensive: boolean;
  created_at: Timestamp;
};

export type SkillGroupAccessCodeTable = { skill_group_id: number; access_code: string };

export type ExtensionTable = {
  id: Generated<number>;
  number: string;
  area_id: number | null;
  remark: string | null;
  created_at: Timestamp;
};

export type Gender = 'male' | 'female' | 'unknown';

export type StaffTable = {
  id: Generated<number>;
  employee_no: string;
  name: string;
  gender: Gender;
  phone: string | null;
  department_id: number | null;
  area_id: number | null;
  extension_id: number | null;
  password_hash: string;
  must_change_password: boolean;
  active: boolean;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type StaffRoleTable = { staff_id: number; role: Role };
export type StaffSkillTable = { staff_id: number; skill_group_id: number; level: number };

export type SettingTable = { key: string; value: ColumnType<unknown, string, string> };

export type SessionTable = {
  id_hash: string;
  staff_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  ip: string;
  user_agent: string;
  revoked_at: Timestamp | null;
};

export type LoginEvent = 'login' | 'logout';
export type LoginResult = 'success' | 'failure' | 'refused';

export type LoginAuditTable = {
  id: Generated<string>;
  at: Timestamp;
  event: LoginEvent;
  login_name: string;
  staff_id: number | null;
  ip: string;
  user_agent: string;
  result: LoginResult;
  reason: string | null;
};

export type AuditEventTable = {
  id: Generated<string>;
  at: Timestamp;
  actor_id: number | null;
  actor_employee_no: string | null;
  action: string;
  object_type: string;
  object_id: string | null;
  ip: string | null;
  detail: ColumnType<unknown, string, never>;
};

// Telephony records (0003): events are the source of truth; history and CDRs derive from them.
// bigint columns: a string from pg (see database.ts), a number from PGlite; read them with Number().
type BigIntColumn = ColumnType<string | number, number | string, never>;

export type CallEventTable = {
  id: Generated<string>;
  at: Timestamp;
  call_id: string | null;
  agent_id: number | null;
  type: string;
  data: ColumnType<unknown, string, never>;
  idempotency_key: string;
  epoch: string;
  seq: BigIntColumn | null;
};

export type AgentStateHistoryTable = {
  id: Generated<string>;
  agent_id: number;
  state: string;
  reason: string | null;
  call_id: string | null;
  started_at: Timestamp;
  ended_at: Timestamp;
  duration_ms: BigIntColumn;
  end_cause: 'state_change' | 'system_restart';
  event_id: BigIntColumn;
};

export type CdrTable = {
  call_id: string;
  direction: 'inbound' | 'outbound' | 'internal';
  caller_number: string;
  called_number: string;
  access_code: string | null;
  queue_id: string | null;
  first_agent_id: number | null;
  last_agent_id: number | null;
  started_at: Timestamp;
  queued_at: Timestamp | null;
  offered_at: Timestamp | null;
  answered_at: Timestamp | null;
  ended_at: Timestamp;
  end_cause: string;
  disposition: CdrDisposition;
  wait_ms: BigIntColumn;
  talk_ms: BigIntColumn;
  hold_ms: BigIntColumn;
  transfers: number;
  recording_files: ColumnType<unknown, string, never>;
  vip: boolean;
  created_at: Timestamp;
};

export type CdrLegTable = {
  id: Generated<string>;
  call_id: string;
  role: string;
  staff_id: number | null;
  number: string | null;
  offered_at: Timestamp | null;
  joined_at: Timestamp | null;
  left_at: Timestamp | null;
  talk_ms: BigIntColumn;
};

// Announcements (0004, MSG-1). target_id is a staff, skill group or area id, by audience.
export type AnnouncementTable = {
  id: Generated<number>;
  title: string;
  body: string;
  urgent: boolean;
  valid_from: Timestamp;
  valid_to: Timestamp | null;
  audience: 'all' | 'staff' | 'skill_groups' | 'areas';
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
  deleted_at: Timestamp | null;
};
export type AnnouncementTargetTable = { announcement_id: number; target_id: number };
export type AnnouncementReadTable = { announcement_id: number; staff_id: number; read_at: Timestamp };

/** Every table: the core ones below, and each module's own (`modules/<domain>/<domain>.tables.ts`). */
export type Database = CoreTables &
  CustomerTables &
  TicketTables &
  CallTagTables &
  MessagingTables &
  WorkItemTables &
  KnowledgeTables &
  FollowUpTables &
  IvrTables &
  VoicemailTables &
  ServiceHoursTables;

type CoreTables = {
  areas: AreaTable;
  departments: DepartmentTable;
  skill_groups: SkillGroupTable;
  skill_group_access_codes: SkillGroupAccessCodeTable;
  extensions: ExtensionTable;
  staff: StaffTable;
  staff_roles: StaffRoleTable;
  staff_skills: StaffSkillTable;
  settings: SettingTable;
  sessions: SessionTable;
  login_audit: LoginAuditTable;
  audit_events: AuditEventTable;
  call_events: CallEventTable;
  agent_state_history: AgentStateHistoryTable;
  cdrs: CdrTable;
  cdr_legs: CdrLegTable;
  announcements: AnnouncementTable;
  announcement_targets: AnnouncementTargetTable;
  announcement_reads: AnnouncementReadTable;
};
