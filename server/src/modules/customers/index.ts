import { normalizePhone } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';

// What other modules may use of the customer module (CRM). Everything else is internal.

export type ContactChannel = 'phone' | 'sms' | 'email';

export type CustomerContact = {
  id: number;
  name: string;
  phones: string[];
  email: string | null;
  /** How the customer wants to be answered (CPL-8): feedback goes out by this channel. */
  preferredChannel: ContactChannel;
  areaId: number | null;
};

export type TimelineKind = 'call' | 'ticket' | 'follow_up' | 'sms' | 'email' | 'note';

/** One line of the customer's contact history (CRM-2), appended by the module that made it. */
export type TimelineEntry = {
  customerId: number;
  at: Date;
  kind: TimelineKind;
  /** The id of the thing in its own module (ticket id, outbox message id, call id …). */
  refId: string;
  summary: string;
  staffId?: number | null;
};

/** The customer who owns this phone number, or null; a number on several records gives the newest. */
export async function findCustomerIdByPhone(db: Db, phone: string): Promise<number | null> {
  const digits = normalizePhone(phone);
  if (!digits) return null;
  const row = await db
    .selectFrom('customer_phones as p')
    .innerJoin('customers as c', 'c.id', 'p.customer_id')
    .select('c.id')
    .where('p.phone', '=', digits)
    .where('c.merged_into', 'is', null)
    .orderBy('c.id', 'desc')
    .executeTakeFirst();
  return row?.id ?? null;
}

/** The contact data of a customer; a merged record answers with the record it was merged into. */
export async function getCustomerContact(db: Db, customerId: number): Promise<CustomerContact | null> {
  const row = await db
    .selectFrom('customers as c')
    .leftJoin('customers as m', 'm.id', 'c.merged_into')
    .select(({ fn, ref }) => fn.coalesce(ref('m.id'), ref('c.id')).as('id'))
    .where('c.id', '=', customerId)
    .executeTakeFirst();
  if (!row) return null;
  const c = await db.selectFrom('customers').selectAll().where('id', '=', row.id).executeTakeFirstOrThrow();
  const phones = await db
    .selectFrom('customer_phones')
    .select('phone')
    .where('customer_id', '=', c.id)
    .orderBy('position')
    .execute();
  return {
    id: c.id,
    name: c.name,
    phones: phones.map((p) => p.phone),
    email: c.email,
    preferredChannel: c.preferred_channel,
    areaId: c.area_id,
  };
}

/** Appends to the customer's timeline; call it inside the transaction that made the contact. */
export async function appendTimelineEntry(db: Db, entry: TimelineEntry): Promise<void> {
  const target = await getCustomerContact(db, entry.customerId);
  if (!target) return;
  await db
    .insertInto('customer_timeline')
    .values({
      customer_id: target.id,
      at: entry.at,
      kind: entry.kind,
      ref_id: entry.refId,
      summary: entry.summary.slice(0, 500),
      staff_id: entry.staffId ?? null,
    })
    .execute();
}
