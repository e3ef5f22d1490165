import type {
  DialCheck,
  FollowUpCategory,
  FollowUpGroup,
  FollowUpLog,
  FollowUpRule,
  FollowUpRuleInput,
  FollowUpTask,
  FollowUpTaskDetail,
  FollowUpVisitInput,
  RunRuleResult,
} from '@switchboard/shared';
import { apiJson, apiVoid } from '../../api/client.ts';

const BASE = '/api/follow-ups';
type Items<T> = { items: T[] };

export const myFollowUpTasks = () => apiJson<Items<FollowUpTask>>(`${BASE}/tasks/mine`);
export const allFollowUpTasks = () => apiJson<Items<FollowUpTask>>(`${BASE}/tasks?status=open`);
export const followUpTask = (id: number) => apiJson<FollowUpTaskDetail>(`${BASE}/tasks/${id}`);
export const checkDial = (id: number) =>
  apiJson<DialCheck>(`${BASE}/tasks/${id}/dial-check`, { method: 'POST' });
export const recordVisit = (id: number, body: Partial<FollowUpVisitInput>) =>
  apiJson<FollowUpTaskDetail>(`${BASE}/tasks/${id}/visits`, { method: 'POST', body });

export const followUpCategories = () => apiJson<Items<FollowUpCategory>>(`${BASE}/categories`);
export const createCategory = (name: string) =>
  apiJson<FollowUpCategory>(`${BASE}/categories`, { method: 'POST', body: { name } });
export const followUpGroups = () => apiJson<Items<FollowUpGroup>>(`${BASE}/groups`);
export const followUpRules = () => apiJson<Items<FollowUpRule>>(`${BASE}/rules`);
export const createRule = (body: Partial<FollowUpRuleInput>) =>
  apiJson<FollowUpRule>(`${BASE}/rules`, { method: 'POST', body });
export const runRuleNow = (id: number) =>
  apiJson<RunRuleResult>(`${BASE}/rules/${id}/run`, { method: 'POST' });

export const doNotCallList = () =>
  apiJson<Items<{ phone: string; reason: string; createdAt: string }>>(`${BASE}/do-not-call`);
export const addDoNotCall = (phone: string, reason: string) =>
  apiVoid(`${BASE}/do-not-call`, { method: 'POST', body: { phone, reason } });
export const removeDoNotCall = (phone: string) =>
  apiVoid(`${BASE}/do-not-call/${phone}`, { method: 'DELETE' });

export const followUpLog = (period: string, date: string) =>
  apiJson<FollowUpLog>(`${BASE}/reports/log?period=${period}&date=${date}`);
export const followUpLogExportUrl = (period: string, date: string) =>
  `${BASE}/reports/log/export?period=${period}&date=${date}`;

/** The live stream's "a follow-up task of mine is overdue" notice, or null. */
export function overdueNotice(event: unknown): { taskId: number } | null {
  const e = event as { type?: unknown; topic?: unknown; data?: { taskId?: unknown } } | null;
  if (e?.type !== 'notice' || e.topic !== 'follow_up_overdue') return null;
  return { taskId: Number(e.data?.taskId) };
}
