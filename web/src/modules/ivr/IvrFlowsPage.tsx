export function IvrFlowsPage() {
  return <section data-testid="ivr-flows-page" />;
}
