export function SearchPage() {
  return <section data-testid="search-page" />;
}
