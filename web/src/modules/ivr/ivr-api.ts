import type {
  IvrAnalytics,
  IvrFlow,
  IvrFlowDefinition,
  IvrFlowVersion,
  IvrJourney,
  IvrValidationResult,
} from '@switchboard/shared';
import { apiJson } from '../../api/client.ts';

const BASE = '/api/ivr';

export const fetchFlows = () => apiJson<{ items: IvrFlow[] }>(`${BASE}/flows`);
export const createFlow = (body: { name: string; accessCode: string | null }) =>
  apiJson<IvrFlow>(`${BASE}/flows`, { method: 'POST', body });
export const fetchVersions = (flowId: number) =>
  apiJson<{ items: IvrFlowVersion[] }>(`${BASE}/flows/${flowId}/versions`);
export const saveDraft = (flowId: number, definition: IvrFlowDefinition) =>
  apiJson<{ version: IvrFlowVersion; validation: IvrValidationResult }>(`${BASE}/flows/${flowId}/draft`, {
    method: 'PUT',
    body: { definition },
  });
export const validateDefinition = (definition: IvrFlowDefinition) =>
  apiJson<IvrValidationResult>(`${BASE}/validate`, { method: 'POST', body: { definition } });
export const publishVersion = (flowId: number, version: number) =>
  apiJson<IvrFlowVersion>(`${BASE}/flows/${flowId}/versions/${version}/publish`, { method: 'POST' });
export const fetchAnalytics = (flowId: number, from: string, to: string) =>
  apiJson<IvrAnalytics>(`${BASE}/analytics?${new URLSearchParams({ flowId: String(flowId), from, to })}`);
export const fetchJourney = (callId: string, signal?: AbortSignal) =>
  apiJson<IvrJourney>(`${BASE}/calls/${encodeURIComponent(callId)}/journey`, signal ? { signal } : {});
