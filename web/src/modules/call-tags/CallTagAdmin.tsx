export function CallTagAdmin() {
  return <section data-testid="call-tag-admin" />;
}
