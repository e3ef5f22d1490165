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
export async function findCustomerIdByPhone(_db: Db, _phone: string): Promise<number | null> {
  return null;
}

export async function getCustomerContact(_db: Db, _customerId: number): Promise<CustomerContact | null> {
  return null;
}

/** Appends to the customer's timeline; call it inside the transaction that made the contact. */
export async function appendTimelineEntry(_db: Db, _entry: TimelineEntry): Promise<void> {}
