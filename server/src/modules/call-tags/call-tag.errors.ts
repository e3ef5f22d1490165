import { defineErrors, type Message } from '../../http/app-error.ts';

export const CALL_TAG_ERRORS = defineErrors({
  CALL_TAG_TYPE_IN_USE: {
    status: 409,
    message: {
      'zh-CN': '该话务标识已被通话或下级标识使用，不能删除，请改为停用',
      'en-US': 'This call tag is used by calls or sub-types and cannot be deleted; deactivate it instead',
    },
  },
  CALL_TAG_LOCKED: {
    status: 409,
    message: {
      'zh-CN': '整理期及宽限期已过，只有班长可以修改该通话的话务标识',
      'en-US': 'Wrap-up and its grace period are over; only a team lead may change this call’s tag',
    },
  },
});

// Field messages for checks that need the stored tree (sent as VALIDATION_FAILED on the field).
export const CALL_TAG_FIELD_MESSAGES = {
  codeTaken: { 'zh-CN': '编码已被使用', 'en-US': 'this code is already used' },
  parentMissing: { 'zh-CN': '上级话务目的不存在', 'en-US': 'the parent purpose does not exist' },
  parentNotPurpose: {
    'zh-CN': '只能在一级话务目的下添加子类',
    'en-US': 'sub-types can only be added under a first-level purpose',
  },
  purposeMissing: { 'zh-CN': '请选择有效的话务目的', 'en-US': 'choose an active purpose' },
  subtypeMissing: {
    'zh-CN': '请选择该目的下有效的子类',
    'en-US': 'choose an active sub-type of this purpose',
  },
  subtypeRequired: { 'zh-CN': '请选择子类', 'en-US': 'choose a sub-type' },
  areaMissing: { 'zh-CN': '片区不存在', 'en-US': 'the area does not exist' },
} satisfies Record<string, Message>;
