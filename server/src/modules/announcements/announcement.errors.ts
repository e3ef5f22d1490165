import type { Message } from '../../http/app-error.ts';

// Field messages for the checks a schema cannot make alone (they need the stored row or the
// database). They go out as VALIDATION_FAILED with the message on the field, exactly like a
// schema error, so the back-office form shows them where the mistake is.
export const ANNOUNCEMENT_FIELD_MESSAGES = {
  validToNotAfterFrom: {
    'zh-CN': '结束时间须晚于开始时间',
    'en-US': 'must be later than the start (validFrom)',
  },
  targetsNotAllowed: {
    'zh-CN': '发布给全体时不能指定发布对象',
    'en-US': 'must be empty when publishing to everyone',
  },
  targetsRequired: { 'zh-CN': '请至少选择一个发布对象', 'en-US': 'choose at least one recipient' },
  targetMissing: { 'zh-CN': '发布对象不存在', 'en-US': 'names a recipient that does not exist' },
} satisfies Record<string, Message>;
