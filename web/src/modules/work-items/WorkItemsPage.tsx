export function WorkItemsPage() {
  return <section data-testid="work-items-page" />;
}
