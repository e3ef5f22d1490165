export function IvrAnalyticsPage() {
  return <section data-testid="ivr-analytics-page" />;
}
