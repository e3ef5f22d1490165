export function MessagesPage() {
  return <section data-testid="messages-page" />;
}
