import type { FollowUpOutcome, FollowUpPurpose, FollowUpStatus } from '@switchboard/shared';
import type { ColumnType, Generated } from 'kysely';

// Kysely table types of this module; db/schema.ts joins them into the one Database type.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A `date` column: written as 'YYYY-MM-DD', read through `::text` (see follow-up.repository.ts). */
type DateColumn = ColumnType<string, string, string>;

export type CustomerServiceTable = {
  id: Generated<number>;
  customer_id: number;
  name: string;
  category: string;
  service_date: DateColumn;
  created_at: Timestamp;
};

export type FollowUpCategoryTable = {
  id: Generated<number>;
  name: string;
  builtin: Generated<boolean>;
};

export type FollowUpGroupTable = { id: Generated<number>; name: string; created_at: Timestamp };

export type FollowUpGroupMemberTable = { group_id: number; staff_id: number; role: 'member' | 'lead' };

export type FollowUpRuleTable = {
  id: Generated<number>;
  name: string;
  purpose: FollowUpPurpose;
  category_id: number;
  days_after_service: number;
  service_category: string | null;
  area_id: number | null;
  min_vip_level: number | null;
  group_id: number;
  deadline_days: number;
  active: boolean;
  script: string;
  call_from: string;
  call_to: string;
  retry_hours: number;
  max_attempts: number;
  last_run_on: ColumnType<string | null, string | null, string | null>;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type FollowUpDoNotCallTable = {
  phone: string;
  reason: string;
  created_by: number | null;
  created_at: Timestamp;
};

export type FollowUpTaskTable = {
  id: Generated<number>;
  rule_id: number;
  customer_id: number;
  service_id: number;
  service_date: DateColumn;
  category_id: number;
  group_id: number;
  assignee_id: number;
  phone: string;
  status: FollowUpStatus;
  attempts: Generated<number>;
  next_attempt_at: Timestamp | null;
  deadline_at: Timestamp;
  overdue_warned_at: Timestamp | null;
  created_at: Timestamp;
  closed_at: Timestamp | null;
};

export type FollowUpVisitTable = {
  id: Generated<number>;
  task_id: number;
  staff_id: number;
  at: Timestamp;
  outcome: FollowUpOutcome;
  phone: string;
  card_no: string;
  name: string;
  gender: string;
  channels: ColumnType<string[], string, string>;
  gift_willing: boolean | null;
  result: string;
  notes: string;
};

export type FollowUpTables = {
  customer_services: CustomerServiceTable;
  follow_up_categories: FollowUpCategoryTable;
  follow_up_groups: FollowUpGroupTable;
  follow_up_group_members: FollowUpGroupMemberTable;
  follow_up_rules: FollowUpRuleTable;
  follow_up_do_not_call: FollowUpDoNotCallTable;
  follow_up_tasks: FollowUpTaskTable;
  follow_up_visits: FollowUpVisitTable;
};
