import type { ColumnType, Generated } from 'kysely';

// Kysely table types of the jobs queue, the outbox and agent messages (migration 0008);
// db/schema.ts joins them into the one Database type.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json = ColumnType<unknown, string, string>;
type BigIntId = ColumnType<string | number, never, never>;

export type JobState = 'queued' | 'running' | 'done' | 'dead';

export type JobTable = {
  id: BigIntId;
  kind: string;
  idempotency_key: string;
  payload: Json;
  state: Generated<JobState>;
  run_at: Timestamp;
  attempts: Generated<number>;
  max_attempts: Generated<number>;
  locked_until: Timestamp | null;
  last_error: string | null;
  created_at: Timestamp;
  finished_at: Timestamp | null;
};

export type PeriodicRunTable = {
  name: string;
  next_run_at: Timestamp;
  last_run_at: Timestamp | null;
  last_error: string | null;
};

export type OutboxStateColumn = 'queued' | 'sending' | 'sent' | 'failed';

export type OutboxMessageTable = {
  id: Generated<number>;
  channel: 'sms' | 'email';
  to_address: string;
  subject: string | null;
  body: string;
  idempotency_key: string;
  customer_id: number | null;
  source: string;
  state: Generated<OutboxStateColumn>;
  attempts: Generated<number>;
  last_error: string | null;
  provider_message_id: string | null;
  created_at: Timestamp;
  sent_at: Timestamp | null;
  delivered_at: Timestamp | null;
};

export type OutboxSinkTable = {
  id: Generated<number>;
  channel: 'sms' | 'email';
  to_address: string;
  subject: string | null;
  body: string;
  idempotency_key: string;
  delivered_at: Timestamp;
};

export type SmsInboundTable = {
  id: Generated<number>;
  from_number: string;
  to_number: string | null;
  body: string;
  provider: string;
  provider_message_id: string | null;
  customer_id: number | null;
  received_at: Timestamp;
};

export type SmsCampaignTable = {
  id: Generated<number>;
  kind: 'activity' | 'news' | 'general';
  title: string;
  body: string;
  audience: Json;
  state: Generated<'pending' | 'approved' | 'rejected'>;
  drafted_by: number;
  decided_by: number | null;
  decided_at: Timestamp | null;
  reject_reason: string | null;
  created_at: Timestamp;
};

export type AgentMessageTable = {
  id: Generated<number>;
  from_staff_id: number;
  to_staff_id: number;
  body: string;
  sent_at: Timestamp;
  read_at: Timestamp | null;
};

export type HelpRequestTable = {
  id: Generated<number>;
  from_staff_id: number;
  body: string;
  call_id: string | null;
  taken_by: number | null;
  taken_at: Timestamp | null;
  created_at: Timestamp;
};

export type MessagingTables = {
  jobs: JobTable;
  periodic_runs: PeriodicRunTable;
  outbox_messages: OutboxMessageTable;
  outbox_sink: OutboxSinkTable;
  sms_inbound: SmsInboundTable;
  sms_campaigns: SmsCampaignTable;
  agent_messages: AgentMessageTable;
  help_requests: HelpRequestTable;
};
