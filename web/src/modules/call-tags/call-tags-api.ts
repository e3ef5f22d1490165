import type {
  CallTag,
  CallTagInput,
  CallTagOfCall,
  CallTagSettings,
  CallTagTree,
  CallTagTypeInput,
  CallTagTypeUpdate,
} from '@switchboard/shared';
import { apiJson, apiVoid } from '../../api/client.ts';

const BASE = '/api/call-tags';

export type AreaOption = { id: number; code: string; name: string };

export const fetchCallTagTree = (all = false) =>
  apiJson<CallTagTree>(`${BASE}/tree${all ? '?all=true' : ''}`);
export const createCallTagType = (body: Partial<CallTagTypeInput>) =>
  apiJson<CallTagTree>(`${BASE}/types`, { method: 'POST', body });
export const updateCallTagType = (id: number, body: CallTagTypeUpdate) =>
  apiJson<CallTagTree>(`${BASE}/types/${id}`, { method: 'PATCH', body });
export const moveCallTagType = (id: number, direction: 'up' | 'down') =>
  apiJson<CallTagTree>(`${BASE}/types/${id}/move`, { method: 'POST', body: { direction } });
export const deleteCallTagType = (id: number) => apiVoid(`${BASE}/types/${id}`, { method: 'DELETE' });

export const fetchCallTagSettings = () => apiJson<CallTagSettings>(`${BASE}/settings`);
export const saveCallTagSettings = (body: CallTagSettings) =>
  apiJson<CallTagSettings>(`${BASE}/settings`, { method: 'PUT', body });

export const fetchCallTagOf = (callId: string) =>
  apiJson<CallTagOfCall>(`${BASE}/calls/${encodeURIComponent(callId)}`);
export const tagCall = (callId: string, body: Partial<CallTagInput>) =>
  apiJson<CallTagOfCall>(`${BASE}/calls/${encodeURIComponent(callId)}`, { method: 'PUT', body });
export const fetchCallTags = (callIds: string[]) =>
  apiJson<{ items: CallTag[] }>(`${BASE}/calls?callIds=${encodeURIComponent(callIds.join(','))}`);

export const fetchAreas = () => apiJson<{ items: AreaOption[] }>('/api/areas?pageSize=200');
