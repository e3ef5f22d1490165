export function FollowUpReportsPage() {
  return <section data-testid="follow-up-reports-page" />;
}
