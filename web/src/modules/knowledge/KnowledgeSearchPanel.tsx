/** Knowledge-base search inside a call's tab (KB-1): articles for the caller's question. */
export function KnowledgeSearchPanel(_props: { hint?: string }) {
  return null;
}
