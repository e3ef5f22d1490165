export function KnowledgePage() {
  return <section data-testid="knowledge-page" />;
}
