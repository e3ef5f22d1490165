import type { Db } from '../../db/database.ts';
import { publishLiveNotice } from '../../live/live-notices.ts';
import { findCustomerIdByPhone } from '../customers/index.ts';
import { appendWorkItemEvent } from './work-item.repository.ts';

// What other modules may use of the work-item queue (MSG-5): indirect contacts (voicemail, e-mail,
// web form, fax, failed callbacks) become work items that agents take and resolve.

export type WorkItemChannel = 'voicemail' | 'email' | 'web_form' | 'fax' | 'callback';

export type WorkItemAttachment = { filename: string; contentType: string; size: number };

export type NewWorkItem = {
  channel: WorkItemChannel;
  /** Who it came from: phone number, e-mail address, or the name given on a form. */
  from: string;
  subject: string;
  body: string;
  customerId?: number | null;
  /** The thing in its own module (voicemail id, inbound e-mail id …), unique per channel. */
  sourceRef: string;
  /** A skill group that should take it, if known. */
  skillGroupId?: number | null;
  /** Optional extras: a display name, where to reply, attachment names, the submitter's IP. */
  fromName?: string | null;
  contactPhone?: string | null;
  contactEmail?: string | null;
  attachments?: WorkItemAttachment[];
  sourceIp?: string | null;
};

const PHONE = /^\+?[0-9][0-9 -]{4,30}$/;
const EMAIL = /^[^\s@]+@[^\s@]+$/;

/** The customer (not merged away) whose e-mail address this is, newest record first. */
export async function findCustomerIdByEmail(db: Db, email: string): Promise<number | null> {
  const address = email.trim().toLowerCase();
  if (!EMAIL.test(address)) return null;
  const row = await db
    .selectFrom('customers')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', address))
    .where('merged_into', 'is', null)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

async function linkCustomer(db: Db, phone: string | null, email: string | null): Promise<number | null> {
  const byPhone = phone ? await findCustomerIdByPhone(db, phone) : null;
  return byPhone ?? (email ? await findCustomerIdByEmail(db, email) : null);
}

/** Adds a work item inside the caller's transaction; the same (channel, sourceRef) is added once. */
export async function createWorkItem(
  db: Db,
  item: NewWorkItem,
  now: Date,
): Promise<{ id: number; created: boolean }> {
  const phone = item.contactPhone ?? (PHONE.test(item.from) ? item.from.replace(/[\s-]/g, '') : null);
  const email = item.contactEmail ?? (EMAIL.test(item.from) ? item.from.trim() : null);
  const customerId = item.customerId ?? (await linkCustomer(db, phone, email));
  const inserted = await db
    .insertInto('work_items')
    .values({
      channel: item.channel,
      source_ref: item.sourceRef,
      from_address: item.from,
      from_name: item.fromName ?? null,
      contact_phone: phone,
      contact_email: email,
      subject: item.subject,
      body: item.body,
      attachments: JSON.stringify(item.attachments ?? []),
      customer_id: customerId,
      skill_group_id: item.skillGroupId ?? null,
      taken_by: null,
      taken_at: null,
      closed_by: null,
      closed_at: null,
      ticket_id: null,
      source_ip: item.sourceIp ?? null,
      created_at: now,
      updated_at: now,
    })
    .onConflict((oc) => oc.columns(['channel', 'source_ref']).doNothing())
    .returning('id')
    .executeTakeFirst();
  if (!inserted) {
    const existing = await db
      .selectFrom('work_items')
      .select('id')
      .where('channel', '=', item.channel)
      .where('source_ref', '=', item.sourceRef)
      .executeTakeFirstOrThrow();
    return { id: existing.id, created: false };
  }
  await appendWorkItemEvent(db, {
    workItemId: inserted.id,
    at: now,
    actorId: null,
    action: 'created',
    fromState: null,
    toState: 'new',
    note: item.channel,
  });
  return { id: inserted.id, created: true };
}

/** Tells the agents' desktops that the queue changed; call it after your transaction committed. */
export function notifyWorkItemsChanged(id: number, state: string): void {
  publishLiveNotice({
    topic: 'work_item',
    audience: { kind: 'roles', roles: ['agent', 'team_lead', 'duty_lead', 'admin'] },
    data: { id, state },
  });
}
