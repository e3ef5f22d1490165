import type {
  CallbackList,
  CallbackState,
  VoicemailAssignees,
  VoicemailDetail,
  VoicemailList,
  VoicemailState,
} from '@switchboard/shared';
import { apiJson } from '../../api/client.ts';

// The voicemail box and callback list (VM-1, ACD-6) over the API.
export type VoicemailFilter = {
  state?: VoicemailState | undefined;
  mine?: boolean;
  reason?: string | undefined;
  page: number;
};

export function fetchVoicemails(f: VoicemailFilter, signal?: AbortSignal) {
  const params = new URLSearchParams({ page: String(f.page), pageSize: '20' });
  if (f.state) params.set('state', f.state);
  if (f.mine) params.set('mine', 'true');
  if (f.reason) params.set('reason', f.reason);
  return apiJson<VoicemailList>(`/api/voicemails?${params}`, signal ? { signal } : {});
}
export const fetchVoicemail = (id: number) => apiJson<VoicemailDetail>(`/api/voicemails/${id}`);
export const voicemailAudioUrl = (id: number) => `/api/voicemails/${id}/audio`;
export const fetchAssignees = () => apiJson<VoicemailAssignees>('/api/voicemails/assignees');
export const assignVoicemail = (id: number, agentId?: number) =>
  apiJson<VoicemailDetail>(`/api/voicemails/${id}/assign`, {
    method: 'POST',
    body: agentId === undefined ? {} : { agentId },
  });
export const handleVoicemail = (id: number, result: string) =>
  apiJson<VoicemailDetail>(`/api/voicemails/${id}/handle`, { method: 'POST', body: { result } });
export const callBackVoicemail = (id: number) =>
  apiJson<VoicemailDetail & { callId: string }>(`/api/voicemails/${id}/call-back`, { method: 'POST' });

export function fetchCallbacks(f: { state?: CallbackState | undefined; page: number }, signal?: AbortSignal) {
  const params = new URLSearchParams({ page: String(f.page), pageSize: '20' });
  if (f.state) params.set('state', f.state);
  return apiJson<CallbackList>(`/api/callbacks?${params}`, signal ? { signal } : {});
}
export const cancelCallback = (callbackId: string) =>
  apiJson<{ callbackId: string }>(`/api/callbacks/${encodeURIComponent(callbackId)}/cancel`, {
    method: 'POST',
  });
