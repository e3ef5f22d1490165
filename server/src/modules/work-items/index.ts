import type { Db } from '../../db/database.ts';

// What other modules may use of the work-item queue (MSG-5): indirect contacts (voicemail, e-mail,
// web form, fax, failed callbacks) become work items that agents take and resolve.

export type WorkItemChannel = 'voicemail' | 'email' | 'web_form' | 'fax' | 'callback';

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
};

/** Adds a work item inside the caller's transaction; the same (channel, sourceRef) is added once. */
export async function createWorkItem(
  _db: Db,
  _item: NewWorkItem,
  _now: Date,
): Promise<{ id: number; created: boolean }> {
  throw new Error('work items not built yet');
}
