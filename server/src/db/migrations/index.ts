import type { Migration } from 'kysely';
import * as m0001 from './0001_directory.ts';
import * as m0002 from './0002_sessions_and_audit.ts';
import * as m0003 from './0003_call_records.ts';
import * as m0004 from './0004_announcements.ts';
import * as m0005 from './0005_customers.ts';
import * as m0006 from './0006_tickets.ts';
import * as m0007 from './0007_call_tags_and_fault_alarms.ts';
import * as m0008 from './0008_jobs_outbox_messages.ts';
import * as m0009 from './0009_work_items_and_sms_subscriptions.ts';
import * as m0010 from './0010_knowledge_base.ts';
import * as m0011 from './0011_follow_ups.ts';
import * as m0012 from './0012_ivr.ts';
import * as m0013 from './0013_cdr_ivr_disposition.ts';
import * as m0014 from './0014_cdr_voicemail_callback_disposition.ts';
import * as m0015 from './0015_voicemail_and_callbacks.ts';
import * as m0016 from './0016_service_hours.ts';
import * as m0017 from './0017_ivr_sessions_per_transfer.ts';

// Numbered migrations, in order. A landed migration is never edited: add a new one.
export const migrations: Record<string, Migration> = {
  '0001_directory': m0001,
  '0002_sessions_and_audit': m0002,
  '0003_call_records': m0003,
  '0004_announcements': m0004,
  '0005_customers': m0005,
  '0006_tickets': m0006,
  '0007_call_tags_and_fault_alarms': m0007,
  '0008_jobs_outbox_messages': m0008,
  '0009_work_items_and_sms_subscriptions': m0009,
  '0010_knowledge_base': m0010,
  '0011_follow_ups': m0011,
  '0012_ivr': m0012,
  '0013_cdr_ivr_disposition': m0013,
  '0014_cdr_voicemail_callback_disposition': m0014,
  '0015_voicemail_and_callbacks': m0015,
  '0016_service_hours': m0016,
  '0017_ivr_sessions_per_transfer': m0017,
};
