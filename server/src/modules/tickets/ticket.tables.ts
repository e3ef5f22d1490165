import type {
  ReplyChannel,
  Satisfaction,
  TicketCategory,
  TicketKind,
  TicketState,
} from '@switchboard/shared';
import type { ColumnType, Generated } from 'kysely';

// Kysely table types of this module; db/schema.ts joins them into the one Database type.
type Timestamp = ColumnType<Date, Date | string, Date | string>;

export type TicketWorkflowTable = {
  id: Generated<number>;
  kind: TicketKind;
  category: TicketCategory;
  review_department_id: number | null;
  default_deadline_hours: number;
};

export type TicketNumberCounterTable = { day: string; last: number };

export type TicketTable = {
  id: Generated<number>;
  number: string;
  kind: TicketKind;
  category: TicketCategory;
  state: TicketState;
  occurred_at: Timestamp;
  phone: string;
  card_no: string | null;
  customer_name: string | null;
  gender: 'male' | 'female' | 'unknown';
  first_code: string | null;
  aspect_price: boolean;
  aspect_effect: boolean;
  aspect_service: boolean;
  reason: string;
  remarks: string | null;
  customer_id: number | null;
  call_id: string | null;
  owner_id: number;
  department_id: number | null;
  responsible_id: number | null;
  deadline_at: Timestamp | null;
  validity: 'valid' | 'invalid' | null;
  invalid_reason: string | null;
  answer: string | null;
  reply_channel: ReplyChannel | null;
  reply_note: string | null;
  satisfaction: Satisfaction | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type TicketEventTable = {
  id: Generated<string>;
  ticket_id: number;
  at: Timestamp;
  actor_id: number | null;
  action: string;
  from_state: TicketState | null;
  to_state: TicketState;
  note: string | null;
};

export type TicketAlertTable = { ticket_id: number; level: number; at: Timestamp; recipient_count: number };

export type TicketTables = {
  ticket_workflows: TicketWorkflowTable;
  ticket_number_counters: TicketNumberCounterTable;
  tickets: TicketTable;
  ticket_events: TicketEventTable;
  ticket_alerts: TicketAlertTable;
};
