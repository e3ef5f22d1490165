import type { ColumnType, Generated } from 'kysely';

// Kysely table types of work items and SMS subscriptions (migration 0009); db/schema.ts joins
// them into the one Database type.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;

export type WorkItemChannelColumn = 'voicemail' | 'email' | 'web_form' | 'fax' | 'callback';
export type WorkItemStateColumn = 'new' | 'taken' | 'resolved' | 'converted' | 'spam';

export type WorkItemTable = {
  id: Generated<number>;
  channel: WorkItemChannelColumn;
  source_ref: string;
  from_address: string;
  from_name: string | null;
  contact_phone: string | null;
  contact_email: string | null;
  subject: string;
  body: string;
  attachments: ColumnType<unknown, string | undefined, string>;
  customer_id: number | null;
  skill_group_id: number | null;
  state: Generated<WorkItemStateColumn>;
  taken_by: number | null;
  taken_at: Timestamp | null;
  closed_by: number | null;
  closed_at: Timestamp | null;
  ticket_id: number | null;
  source_ip: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type WorkItemEventTable = {
  id: ColumnType<string | number, never, never>;
  work_item_id: number;
  at: Timestamp;
  actor_id: number | null;
  action: string;
  from_state: WorkItemStateColumn | null;
  to_state: WorkItemStateColumn;
  note: string | null;
};

export type SmsSubscriptionCategoryColumn = 'all' | 'activity' | 'news' | 'billing';

export type SmsSubscriptionTable = {
  phone: string;
  category: SmsSubscriptionCategoryColumn;
  subscribed: boolean;
  source: 'agent' | 'sms_reply' | 'web' | 'import';
  changed_by: number | null;
  at: Timestamp;
};

export type WorkItemTables = {
  work_items: WorkItemTable;
  work_item_events: WorkItemEventTable;
  sms_subscriptions: SmsSubscriptionTable;
};

export type { Json };
