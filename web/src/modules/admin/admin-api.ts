import { apiJson, apiVoid } from '../../api/client.ts';

// The back office's calls. Shapes come from @switchboard/shared where the server publishes them.

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
export type QueryParams = Record<string, string | number | undefined>;

export function withQuery(path: string, params: QueryParams): string {
  const q = new URLSearchParams();
  for (const [key, value] of Object.entries(params)) {
    if (value !== undefined && value !== '') q.set(key, String(value));
  }
  const s = q.toString();
  return s ? `${path}?${s}` : path;
}

export const fetchPage = <T>(path: string, params: QueryParams, signal?: AbortSignal) =>
  apiJson<Page<T>>(withQuery(path, params), signal ? { signal } : {});

export const createItem = <T>(path: string, body: unknown) => apiJson<T>(path, { method: 'POST', body });

export const updateItem = <T>(path: string, id: number, body: unknown) =>
  apiJson<T>(`${path}/${id}`, { method: 'PATCH', body });

export const deleteItem = (path: string, id: number) => apiVoid(`${path}/${id}`, { method: 'DELETE' });

export const resetPassword = (staffId: number) =>
  apiJson<{ temporaryPassword: string }>(`/api/staff/${staffId}/password-reset`, { method: 'POST' });

// The login log (登录日志): the server's row shape (server/src/modules/audit/audit.schema.ts).
export type LoginLogRow = {
  id: string;
  at: string;
  event: 'login' | 'logout';
  loginName: string;
  staffId: number | null;
  staffName: string | null;
  ip: string;
  userAgent: string;
  result: 'success' | 'failure' | 'refused';
  reason: string | null;
};

// Simulated traffic (话务模拟): GET/PUT /api/cti/traffic.
export type TrafficProfile = {
  seed: number;
  /** Each code's IVR scripts and other settings ride along unchanged when only the rate is edited. */
  accessCodes: { code: string; callsPerHour: number; [other: string]: unknown }[];
  vipShare: number;
  vipNumbers: string[];
  /** What a caller whose patience runs out does instead of hanging up (press 1 / press 2). */
  allBusy?: { callbackShare: number; voicemailShare: number; [other: string]: unknown };
  [other: string]: unknown;
};
export type TrafficState = {
  running: boolean;
  profile: TrafficProfile;
  stats: {
    placed: number;
    answeredByAgent: number;
    abandoned: number;
    completed: number;
    endedBySwitch: number;
    inProgress: number;
    callbackRequests: number;
    voicemailRequests: number;
    callbacksAnswered: number;
  };
};

export const fetchTraffic = () => apiJson<TrafficState>('/api/cti/traffic');
export const saveTraffic = (running: boolean, profile: TrafficProfile) =>
  apiJson<TrafficState>('/api/cti/traffic', { method: 'PUT', body: { running, profile } });
