export function FollowUpsPage() {
  return <section data-testid="follow-ups-page" />;
}
