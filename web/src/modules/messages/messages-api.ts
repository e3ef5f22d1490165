import type { AgentMessage, HelpRequest, MessageStaffRef } from '@switchboard/shared';
import { apiJson, apiVoid } from '../../api/client.ts';

type Page<T> = { items: T[]; total: number; page: number; pageSize: number };

export const fetchColleagues = () => apiJson<{ items: MessageStaffRef[] }>('/api/messages/colleagues');
export const fetchMessages = (box: 'inbox' | 'sent') =>
  apiJson<Page<AgentMessage>>(`/api/messages?box=${box}&pageSize=100`);
export const fetchMessage = (id: number) => apiJson<AgentMessage>(`/api/messages/${id}`);
export const sendMessage = (toStaffIds: number[], body: string) =>
  apiJson<{ items: AgentMessage[] }>('/api/messages', { method: 'POST', body: { toStaffIds, body } });
export const markMessageRead = (id: number) => apiVoid(`/api/messages/${id}/read`, { method: 'POST' });

export const fetchHelpRequests = () => apiJson<{ items: HelpRequest[] }>('/api/help-requests');
export const fetchHelpRequest = (id: number) => apiJson<HelpRequest>(`/api/help-requests/${id}`);
export const askForHelp = (body: string, callId?: string) =>
  apiJson<HelpRequest>('/api/help-requests', { method: 'POST', body: callId ? { body, callId } : { body } });
export const takeHelpRequest = (id: number) =>
  apiJson<HelpRequest>(`/api/help-requests/${id}/take`, { method: 'POST' });

/** The live stream's notice for this module, if the event is one (topic 'message' / 'help_request'). */
export function messagingNotice(
  event: unknown,
): { topic: 'message' | 'help_request'; data: Record<string, unknown> } | null {
  const e = event as { type?: unknown; topic?: unknown; data?: unknown } | null;
  if (e?.type !== 'notice' || (e.topic !== 'message' && e.topic !== 'help_request')) return null;
  return { topic: e.topic, data: (e.data ?? {}) as Record<string, unknown> };
}
