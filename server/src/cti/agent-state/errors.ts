import type { Labels } from './agent-state.ts';

// Why the machine refuses an event. No HTTP status here: the CTI layer maps every code to 409
// (the command does not fit the agent's current state) in the one HTTP error mapper.
export const AGENT_STATE_ERROR_MESSAGES = {
  NOT_SIGNED_IN: { 'zh-CN': '坐席未签入', 'en-US': 'The agent is not signed in' },
  ALREADY_SIGNED_IN: { 'zh-CN': '坐席已签入', 'en-US': 'The agent is already signed in' },
  BUSY_ON_CALL: { 'zh-CN': '坐席正在通话中', 'en-US': 'The agent is on a call' },
  NOT_READY: { 'zh-CN': '坐席未示闲，不能分配来电', 'en-US': 'The agent is not ready for calls' },
  IN_AFTER_CALL_WORK: { 'zh-CN': '坐席正在整理，请先结束整理', 'en-US': 'The agent is in after-call work' },
  NOT_IN_AFTER_CALL_WORK: { 'zh-CN': '坐席不在整理状态', 'en-US': 'The agent is not in after-call work' },
  NO_CALL_RINGING: { 'zh-CN': '没有振铃的来电', 'en-US': 'No call is ringing' },
  NOT_IN_CALL: { 'zh-CN': '坐席不在通话中', 'en-US': 'The agent is not in a call' },
  ALREADY_ON_HOLD: { 'zh-CN': '通话已在保持中', 'en-US': 'The call is already on hold' },
  NOT_ON_HOLD: { 'zh-CN': '通话未保持', 'en-US': 'The call is not on hold' },
  WRONG_CALL: { 'zh-CN': '该事件属于另一通电话', 'en-US': 'The event is for a different call' },
  WRAP_UP_NOT_DUE: { 'zh-CN': '整理时间未到', 'en-US': 'The wrap-up time has not run out yet' },
  INVALID_WRAP_UP_TIME: { 'zh-CN': '整理时长无效', 'en-US': 'The wrap-up time is not valid' },
  DUPLICATE_SKILL: { 'zh-CN': '同一技能组不能选择两次', 'en-US': 'A skill group was chosen twice' },
  REASON_NOT_SELECTABLE: {
    'zh-CN': '坐席不能选择该示忙原因',
    'en-US': 'An agent cannot choose this not-ready reason',
  },
} as const satisfies Record<string, Labels>;

export type AgentStateErrorCode = keyof typeof AGENT_STATE_ERROR_MESSAGES;

export type AgentStateError = { readonly code: AgentStateErrorCode; readonly message: Labels };

export function agentStateError(code: AgentStateErrorCode): AgentStateError {
  return { code, message: AGENT_STATE_ERROR_MESSAGES[code] };
}
