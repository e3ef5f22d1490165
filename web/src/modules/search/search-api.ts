import type { SavedQuery, SearchCriteria, SearchResult } from '@switchboard/shared';
import { apiJson, apiVoid } from '../../api/client.ts';

export const runSearch = (criteria: Partial<SearchCriteria>) =>
  apiJson<SearchResult>('/api/search', { method: 'POST', body: criteria });
export const fetchSavedQueries = () => apiJson<{ items: SavedQuery[] }>('/api/search/saved');
export const saveQuery = (name: string, criteria: Partial<SearchCriteria>) =>
  apiJson<SavedQuery>('/api/search/saved', { method: 'POST', body: { name, criteria } });
export const deleteSavedQuery = (id: number) => apiVoid(`/api/search/saved/${id}`, { method: 'DELETE' });
