import { defineErrors } from '../../http/app-error.ts';

export const VOICEMAIL_ERRORS = defineErrors({
  ALREADY_ASSIGNED: {
    status: 409,
    message: {
      'zh-CN': '该留言已分配给{name}',
      'en-US': 'This voicemail is already assigned to {name}',
    },
  },
  ALREADY_HANDLED: {
    status: 409,
    message: { 'zh-CN': '该留言已处理完毕', 'en-US': 'This voicemail has already been handled' },
  },
  NOT_ASSIGNEE: {
    status: 403,
    message: {
      'zh-CN': '只有留言的处理人或班长可以执行此操作，请先领取',
      'en-US': 'Only the assignee or a lead can do this; take the voicemail first',
    },
  },
  AGENT_REQUIRED: {
    status: 400,
    message: { 'zh-CN': '请选择要分配的坐席', 'en-US': 'Choose the agent to assign it to' },
  },
  NOT_AN_AGENT: {
    status: 400,
    message: {
      'zh-CN': '只能分配给在职的坐席或班长',
      'en-US': 'A voicemail can only be assigned to an active agent or lead',
    },
  },
  CTI_UNAVAILABLE: {
    status: 409,
    message: {
      'zh-CN': '呼叫控制服务未启用，暂时无法呼叫或取消回呼',
      'en-US': 'Call control is not running; calls and callbacks cannot be changed now',
    },
  },
  RECORDING_MISSING: {
    status: 404,
    message: { 'zh-CN': '留言录音文件不存在', 'en-US': 'The voicemail recording file is missing' },
  },
  CALLBACK_CLOSED: {
    status: 409,
    message: {
      'zh-CN': '该回呼已结束（{state}），不能取消',
      'en-US': 'This callback has already ended ({state}); it cannot be cancelled',
    },
  },
  CALLBACK_IN_PROGRESS: {
    status: 409,
    message: {
      'zh-CN': '该回呼正在呼叫中，无法取消；请稍后查看结果',
      'en-US': 'This callback is being dialled right now and cannot be cancelled; check its result shortly',
    },
  },
});
