import { defineErrors } from '../../http/app-error.ts';

// Refused CTI commands. State never half-changes: a refused command changes nothing.
export const CTI_ERRORS = defineErrors({
  AGENT_NOT_SIGNED_IN: {
    status: 409,
    message: { 'zh-CN': '坐席未签入', 'en-US': 'The agent is not signed in' },
  },
  NO_EXTENSION: {
    status: 409,
    message: { 'zh-CN': '未指定分机，无法签入', 'en-US': 'No extension given; cannot sign in' },
  },
  NO_CALL: { status: 409, message: { 'zh-CN': '当前没有通话', 'en-US': 'There is no call' } },
  NO_CALL_RINGING: { status: 409, message: { 'zh-CN': '没有振铃的来电', 'en-US': 'No call is ringing' } },
  NOT_CONNECTED: { status: 409, message: { 'zh-CN': '通话尚未接通', 'en-US': 'The call is not connected' } },
  NOT_ON_HOLD: {
    status: 409,
    message: { 'zh-CN': '客户未处于保持状态', 'en-US': 'The customer is not on hold' },
  },
  ALREADY_ON_HOLD: {
    status: 409,
    message: { 'zh-CN': '客户已处于保持状态', 'en-US': 'The customer is already on hold' },
  },
  CONSULT_IN_PROGRESS: {
    status: 409,
    message: { 'zh-CN': '正在咨询中，不能执行此操作', 'en-US': 'Cannot do this while consulting' },
  },
  NO_CONSULT: { status: 409, message: { 'zh-CN': '当前没有咨询通话', 'en-US': 'There is no consult call' } },
  CONSULT_NOT_ANSWERED: {
    status: 409,
    message: { 'zh-CN': '咨询方尚未接听', 'en-US': 'The consulted party has not answered yet' },
  },
  TARGET_NOT_AVAILABLE: {
    status: 409,
    message: { 'zh-CN': '目标坐席当前不可用', 'en-US': 'The target agent is not available' },
  },
  TARGET_IS_SELF: {
    status: 409,
    message: { 'zh-CN': '不能转给自己', 'en-US': 'You cannot target yourself' },
  },
  NO_SUCH_QUEUE: { status: 404, message: { 'zh-CN': '队列不存在', 'en-US': 'No such queue' } },
  NO_SUCH_AGENT: {
    status: 404,
    message: { 'zh-CN': '坐席不存在或未签入', 'en-US': 'No such signed-in agent' },
  },
  IVR_NOT_AVAILABLE: {
    status: 409,
    message: { 'zh-CN': 'IVR 流程尚未启用', 'en-US': 'IVR flows are not available yet' },
  },
  NOTHING_TO_PICK_UP: {
    status: 409,
    message: { 'zh-CN': '本组没有可代答的振铃来电', 'en-US': 'No call is ringing in your group to pick up' },
  },
  NOT_RECORDING: {
    status: 409,
    message: { 'zh-CN': '当前未在录音', 'en-US': 'The call is not being recorded' },
  },
  ALREADY_RECORDING: {
    status: 409,
    message: { 'zh-CN': '已在录音', 'en-US': 'The call is already being recorded' },
  },
  SUPERVISOR_NO_EXTENSION: {
    status: 409,
    message: { 'zh-CN': '班长未配置分机，无法监听', 'en-US': 'The supervisor has no extension to listen on' },
  },
  SUPERVISOR_NOT_IN_CALL: {
    status: 409,
    message: { 'zh-CN': '班长尚未加入该通话', 'en-US': 'The supervisor has not joined this call' },
  },
  SUPERVISOR_LEG_NOT_READY: {
    status: 409,
    message: { 'zh-CN': '班长话机尚未接通', 'en-US': "The supervisor's phone is not connected yet" },
  },
  CALL_NOT_YOURS: {
    status: 403,
    message: { 'zh-CN': '这不是您的通话', 'en-US': 'This call is not yours' },
  },
  AGENT_STATE_REFUSED: { status: 409, message: { 'zh-CN': '{zh}', 'en-US': '{en}' } },
});
