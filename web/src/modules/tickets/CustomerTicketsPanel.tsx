/** A customer's open and recent tickets, for the screen pop and the customer record (CPL-2, CPL-11). */
export function CustomerTicketsPanel(_props: { customerId: number }) {
  return null;
}
