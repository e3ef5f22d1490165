/** What the screen pop knows when the agent opens a complaint or service request from a call. */
export type NewTicketContext = { callId?: string; customerId?: number; phone?: string };

/** Opens the complaint / service-request form pre-filled from the call (CPL-1, BIZ-1). */
export function NewTicketButton(_props: NewTicketContext) {
  return null;
}
