import type { ColumnType, Generated } from 'kysely';

// Kysely table types of this module; db/schema.ts joins them into the one Database type.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;

export type CustomerRow = {
  id: Generated<number>;
  name: string;
  gender: 'male' | 'female' | 'unknown';
  card_no: string | null;
  address: string | null;
  area_id: number | null;
  vip_level: number;
  email: string | null;
  preferred_channel: 'phone' | 'sms' | 'email';
  origin_channels: Json<string[]>;
  gift_willing: boolean | null;
  custom: Json<Record<string, string | number | null>>;
  search_text: string;
  merged_into: number | null;
  created_by: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
};

export type CustomerTables = {
  customer_field_defs: {
    id: Generated<number>;
    key: string;
    label: string;
    type: 'text' | 'number' | 'date' | 'choice';
    choices: Json<string[]>;
    created_at: Timestamp;
  };
  customers: CustomerRow;
  customer_phones: { customer_id: number; phone: string; position: number };
  customer_timeline: {
    id: Generated<string>;
    customer_id: number;
    at: Timestamp;
    kind: 'call' | 'ticket' | 'follow_up' | 'sms' | 'email' | 'note';
    ref_id: string;
    summary: string;
    staff_id: number | null;
  };
  customer_imports: {
    id: Generated<number>;
    file_name: string;
    status: 'running' | 'done' | 'failed';
    total_rows: Generated<number>;
    processed_rows: Generated<number>;
    imported_rows: Generated<number>;
    duplicate_rows: Generated<number>;
    rejected: ColumnType<{ row: number; reason: string; reasonEn: string }[], string | undefined, string>;
    created_by: number | null;
    created_at: Timestamp;
    finished_at: Timestamp | null;
  };
  saved_queries: {
    id: Generated<number>;
    staff_id: number;
    name: string;
    criteria: Json<unknown>;
    created_at: Timestamp;
  };
};
