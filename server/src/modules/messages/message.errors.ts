import { defineErrors } from '../../http/app-error.ts';

export const MESSAGE_ERRORS = defineErrors({
  UNKNOWN_RECIPIENT: {
    status: 400,
    message: {
      'zh-CN': '收件人不存在或已停用',
      'en-US': 'A recipient does not exist or is no longer active',
    },
  },
  SELF_RECIPIENT: {
    status: 400,
    message: { 'zh-CN': '不能给自己发消息', 'en-US': 'You cannot send a message to yourself' },
  },
  ALREADY_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '该求助已由其他班长响应',
      'en-US': 'Another lead has already taken this help request',
    },
  },
});
