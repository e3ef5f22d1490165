import { defineErrors } from '../../http/app-error.ts';

export const WORK_ITEM_ERRORS = defineErrors({
  ALREADY_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '该工作项已被{name}领取',
      'en-US': 'This work item has already been taken by {name}',
    },
  },
  CLOSED: {
    status: 409,
    message: { 'zh-CN': '该工作项已处理完毕', 'en-US': 'This work item is already closed' },
  },
  NO_REPLY_ADDRESS: {
    status: 400,
    message: {
      'zh-CN': '该工作项没有可回复的号码或邮箱，请填写接收方',
      'en-US': 'This work item has no phone number or e-mail address to reply to; give one',
    },
  },
  TICKET_NOT_FOUND: {
    status: 400,
    message: { 'zh-CN': '工单不存在', 'en-US': 'The ticket does not exist' },
  },
  FORM_RATE_LIMITED: {
    status: 429,
    message: {
      'zh-CN': '提交过于频繁，请{minutes}分钟后再试',
      'en-US': 'Too many messages from your network; try again in {minutes} minutes',
    },
  },
});
