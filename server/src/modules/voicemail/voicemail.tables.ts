import type { CallbackAttemptResult, VoicemailReason } from '@switchboard/shared';
import type { ColumnType, Generated } from 'kysely';

// Tables of the voicemail box and callback requests (VM-1, ACD-6); migration 0015.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type VoicemailStateColumn = 'new' | 'assigned' | 'handled';
export type VoicemailAction = 'received' | 'assigned' | 'taken' | 'handled' | 'called_back';
export type CallbackStateColumn = 'pending' | 'connected' | 'gave_up' | 'cancelled';

export type VoicemailTable = {
  id: Generated<number>;
  call_id: string;
  recording_id: string;
  caller_number: string;
  customer_id: number | null;
  access_code: string | null;
  queue_id: string | null;
  skill_group_id: number | null;
  reason: VoicemailReason;
  file: string;
  duration_ms: number;
  recorded_at: Timestamp;
  state: Generated<VoicemailStateColumn>;
  assigned_to: number | null;
  assigned_at: Timestamp | null;
  handled_by: number | null;
  handled_at: Timestamp | null;
  result: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type VoicemailEventTable = {
  id: ColumnType<string | number, never, never>;
  voicemail_id: number;
  at: Timestamp;
  actor_id: number | null;
  action: VoicemailAction;
  note: string | null;
};

export type VoicemailCallbackTable = {
  id: Generated<number>;
  voicemail_id: number;
  call_id: string;
  dialled_by: number;
  dialled_at: Timestamp;
  ended_at: Timestamp | null;
  end_cause: string | null;
};

export type CallbackRequestTable = {
  callback_id: string;
  number: string;
  customer_id: number | null;
  queue_id: string;
  skill_group_id: number | null;
  requested_at: Timestamp;
  waiting_since: Timestamp;
  priority: number;
  state: Generated<CallbackStateColumn>;
  attempts: Generated<number>;
  last_result: CallbackAttemptResult | null;
  last_attempt_at: Timestamp | null;
  next_attempt_at: Timestamp | null;
  connected_call_id: string | null;
  agent_id: number | null;
  work_item_id: number | null;
  cancelled_by: number | null;
  updated_at: Timestamp;
};

export type CallbackAttemptTable = {
  callback_id: string;
  attempt: number;
  call_id: string;
  queued_at: Timestamp | null;
  agent_id: number | null;
  result: CallbackAttemptResult | null;
  ended_at: Timestamp | null;
};

export type VoicemailTables = {
  voicemails: VoicemailTable;
  voicemail_events: VoicemailEventTable;
  voicemail_callbacks: VoicemailCallbackTable;
  callback_requests: CallbackRequestTable;
  callback_attempts: CallbackAttemptTable;
};
