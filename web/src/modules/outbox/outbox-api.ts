import type {
  Campaign,
  CampaignInput,
  OutboxMessage,
  OutboxSend,
  SinkMessage,
  SmsInbound,
} from '@switchboard/shared';
import { apiJson } from '../../api/client.ts';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export type OutboxFilter = {
  state?: string | undefined;
  channel?: string | undefined;
  q?: string | undefined;
  page: number;
};

export function fetchOutbox(f: OutboxFilter) {
  const params = new URLSearchParams({ page: String(f.page), pageSize: '20' });
  if (f.state) params.set('state', f.state);
  if (f.channel) params.set('channel', f.channel);
  if (f.q) params.set('q', f.q);
  return apiJson<Page<OutboxMessage>>(`/api/outbox/messages?${params}`);
}
export const retryOutbox = (id: number) =>
  apiJson<OutboxMessage>(`/api/outbox/messages/${id}/retry`, { method: 'POST' });
export const sendOutbound = (body: OutboxSend) =>
  apiJson<OutboxMessage>('/api/outbox/messages', { method: 'POST', body });
export const fetchSink = () => apiJson<{ items: SinkMessage[] }>('/api/outbox/sink');
export const fetchInbound = () => apiJson<{ items: SmsInbound[] }>('/api/outbox/inbound');
export const fetchCampaigns = () => apiJson<{ items: Campaign[] }>('/api/outbox/campaigns');
export const draftCampaign = (body: CampaignInput) =>
  apiJson<Campaign>('/api/outbox/campaigns', { method: 'POST', body });
export const decideCampaign = (id: number, verdict: 'approve' | 'reject', reason?: string) =>
  apiJson<Campaign>(`/api/outbox/campaigns/${id}/${verdict}`, {
    method: 'POST',
    body: reason ? { reason } : {},
  });
