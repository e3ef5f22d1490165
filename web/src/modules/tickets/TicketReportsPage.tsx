export function TicketReportsPage() {
  return <section data-testid="ticket-reports-page" />;
}
