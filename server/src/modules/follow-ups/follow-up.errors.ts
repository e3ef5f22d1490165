import { defineErrors, type Message } from '../../http/app-error.ts';

export const FOLLOW_UP_ERRORS = defineErrors({
  TASK_CLOSED: {
    status: 409,
    message: { 'zh-CN': '该回访任务已结束', 'en-US': 'This follow-up task is already closed' },
  },
  RETRY_NOT_DUE: {
    status: 409,
    message: {
      'zh-CN': '未到重拨时间（{at}）',
      'en-US': 'The retry is not due yet ({at})',
    },
  },
  NAME_TAKEN: {
    status: 409,
    message: { 'zh-CN': '名称已存在', 'en-US': 'That name is already in use' },
  },
});

// Field messages for checks that need the database; sent as VALIDATION_FAILED on the field.
export const FOLLOW_UP_FIELD_MESSAGES = {
  staffMissing: { 'zh-CN': '员工不存在或已停用', 'en-US': 'names staff who do not exist or are inactive' },
  categoryMissing: { 'zh-CN': '回访类别不存在', 'en-US': 'names a category that does not exist' },
  groupMissing: { 'zh-CN': '回访组不存在', 'en-US': 'names a group that does not exist' },
  areaMissing: { 'zh-CN': '片区不存在', 'en-US': 'names an area that does not exist' },
} satisfies Record<string, Message>;
