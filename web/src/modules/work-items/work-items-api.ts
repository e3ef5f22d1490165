import type {
  WorkItemChannelName,
  WorkItemClose,
  WorkItemDetail,
  WorkItemList,
  WorkItemReply,
  WorkItemState,
} from '@switchboard/shared';
import { apiJson } from '../../api/client.ts';

export type WorkItemFilter = {
  state?: WorkItemState | undefined;
  channel?: WorkItemChannelName | undefined;
  page: number;
};

export function fetchWorkItems(f: WorkItemFilter) {
  const params = new URLSearchParams({ page: String(f.page), pageSize: '20' });
  if (f.state) params.set('state', f.state);
  if (f.channel) params.set('channel', f.channel);
  return apiJson<WorkItemList>(`/api/work-items?${params}`);
}
export const fetchWorkItem = (id: number) => apiJson<WorkItemDetail>(`/api/work-items/${id}`);
export const takeWorkItem = (id: number) =>
  apiJson<WorkItemDetail>(`/api/work-items/${id}/take`, { method: 'POST' });
export const replyToWorkItem = (id: number, body: WorkItemReply) =>
  apiJson<{ outboxId: number }>(`/api/work-items/${id}/reply`, { method: 'POST', body });
export const closeWorkItem = (id: number, body: WorkItemClose) =>
  apiJson<WorkItemDetail>(`/api/work-items/${id}/close`, { method: 'POST', body });
export const convertWorkItem = (id: number, ticketId: number) =>
  apiJson<WorkItemDetail>(`/api/work-items/${id}/convert`, { method: 'POST', body: { ticketId } });
