export function TicketsPage() {
  return <section data-testid="tickets-page" />;
}
