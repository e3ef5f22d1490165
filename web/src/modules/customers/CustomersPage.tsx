export function CustomersPage() {
  return <section data-testid="customers-page" />;
}
