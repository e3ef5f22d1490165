import type {
  KbArticle,
  KbArticleInput,
  KbArticleUpdate,
  KbCategory,
  KbCategoryInput,
  KbErrorReport,
  KbFeedbackResult,
  KbManagedArticle,
  KbManagedDetail,
  KbManageView,
  KbPopular,
  KbSearchResult,
} from '@switchboard/shared';
import { apiJson, apiVoid } from '../../api/client.ts';

const KB = '/api/knowledge';

export const fetchCategories = () =>
  apiJson<{ items: KbCategory[] }>(`${KB}/categories`).then((r) => r.items);

export function searchKnowledge(q: string, categoryId: number | null, pageSize = 20, signal?: AbortSignal) {
  const params = new URLSearchParams({ pageSize: String(pageSize) });
  if (q.trim()) params.set('q', q.trim());
  if (categoryId) params.set('categoryId', String(categoryId));
  return apiJson<KbSearchResult>(`${KB}/search?${params}`, signal ? { signal } : {});
}

export const fetchPopular = () => apiJson<KbPopular>(`${KB}/popular`).then((r) => r.items);
export const fetchArticle = (id: number) => apiJson<KbArticle>(`${KB}/articles/${id}`);
export const sendFeedback = (id: number, helpful: boolean) =>
  apiJson<KbFeedbackResult>(`${KB}/articles/${id}/feedback`, { method: 'POST', body: { helpful } });
export const reportError = (id: number, note: string) =>
  apiVoid(`${KB}/articles/${id}/error-reports`, { method: 'POST', body: { note } });

export const createCategory = (input: Partial<KbCategoryInput> & { name: string }) =>
  apiJson<{ id: number }>(`${KB}/categories`, { method: 'POST', body: input });

export function listManaged(view: KbManageView, q: string) {
  const params = new URLSearchParams({ view, pageSize: '100' });
  if (q.trim()) params.set('q', q.trim());
  return apiJson<{ items: KbManagedArticle[]; total: number }>(`${KB}/manage/articles?${params}`);
}
export const fetchManaged = (id: number) => apiJson<KbManagedDetail>(`${KB}/manage/articles/${id}`);
export const createArticle = (input: Partial<KbArticleInput>) =>
  apiJson<KbManagedDetail>(`${KB}/manage/articles`, { method: 'POST', body: input });
export const updateArticle = (id: number, input: KbArticleUpdate) =>
  apiJson<KbManagedDetail>(`${KB}/manage/articles/${id}`, { method: 'PATCH', body: input });
export type KbAction = 'submit' | 'publish' | 'archive' | 'check';
export const runAction = (id: number, action: KbAction) =>
  apiJson<KbManagedDetail>(`${KB}/manage/articles/${id}/${action}`, { method: 'POST' });
export const decideReview = (id: number, approve: boolean) =>
  apiJson<KbManagedDetail>(`${KB}/manage/articles/${id}/review`, { method: 'POST', body: { approve } });
export const fetchErrorReports = () =>
  apiJson<{ items: KbErrorReport[] }>(`${KB}/manage/error-reports`).then((r) => r.items);
export const resolveErrorReport = (id: number) =>
  apiVoid(`${KB}/manage/error-reports/${id}/resolve`, { method: 'POST' });
export const updateCategory = (id: number, input: { name?: string; requiresReview?: boolean }) =>
  apiVoid(`${KB}/categories/${id}`, { method: 'PATCH', body: input });
export const deleteCategory = (id: number) => apiVoid(`${KB}/categories/${id}`, { method: 'DELETE' });
