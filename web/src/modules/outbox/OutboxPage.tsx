export function OutboxPage() {
  return <section data-testid="outbox-page" />;
}
