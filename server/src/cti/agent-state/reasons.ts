import type { Labels } from './agent-state.ts';

// Why an agent is not ready (示忙原因). The first five are what an agent picks on the desktop;
// the others are set by the system or a supervisor.
export const NOT_READY_REASONS = [
  'short_break',
  'meal',
  'training',
  'meeting',
  'other',
  'signed_in',
  'no_answer',
  'forced',
] as const;
export type NotReadyReason = (typeof NOT_READY_REASONS)[number];

export const AGENT_SELECTABLE_REASONS = ['short_break', 'meal', 'training', 'meeting', 'other'] as const;
export type AgentSelectableReason = (typeof AGENT_SELECTABLE_REASONS)[number];

/**
 * Reasons that count as rest (休息) for SUP-6 prompts. `signed_in` and `no_answer` are set by the
 * system, not chosen as a break, so supervisors are not prompted for them.
 */
export const REST_REASONS: readonly NotReadyReason[] = [...AGENT_SELECTABLE_REASONS, 'forced'];

export const NOT_READY_REASON_LABELS: Readonly<Record<NotReadyReason, Labels>> = {
  short_break: { 'zh-CN': '小休', 'en-US': 'Short break' },
  meal: { 'zh-CN': '用餐', 'en-US': 'Meal' },
  training: { 'zh-CN': '培训', 'en-US': 'Training' },
  meeting: { 'zh-CN': '会议', 'en-US': 'Meeting' },
  other: { 'zh-CN': '其他', 'en-US': 'Other' },
  signed_in: { 'zh-CN': '签入未就绪', 'en-US': 'Signed in, not ready yet' },
  no_answer: { 'zh-CN': '未应答', 'en-US': 'Missed an offered call' },
  forced: { 'zh-CN': '强制示忙', 'en-US': 'Set not ready by a supervisor' },
};
