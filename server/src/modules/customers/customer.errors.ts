import type { Message } from '../../http/app-error.ts';
import { defineErrors } from '../../http/app-error.ts';

export const CUSTOMER_ERRORS = defineErrors({
  MERGE_SAME_RECORD: {
    status: 400,
    message: { 'zh-CN': '不能把客户合并到自身', 'en-US': 'A customer cannot be merged into itself' },
  },
  ALREADY_MERGED: {
    status: 409,
    message: {
      'zh-CN': '该客户资料已被合并，请使用合并后的记录',
      'en-US': 'This customer record was merged; use the record it was merged into',
    },
  },
  IMPORT_UNREADABLE: {
    status: 400,
    message: {
      'zh-CN': '无法读取导入文件：{reason}',
      'en-US': 'The import file cannot be read: {reason}',
    },
  },
  FIELD_KEY_TAKEN: {
    status: 409,
    message: { 'zh-CN': '自定义字段标识已存在', 'en-US': 'A custom field with this key already exists' },
  },
  SAVED_QUERY_NAME_TAKEN: {
    status: 409,
    message: { 'zh-CN': '已有同名的常用查询', 'en-US': 'You already have a saved query with this name' },
  },
});

// Messages on one field, sent as VALIDATION_FAILED like a schema error (checks that need the
// database: custom field definitions, areas).
export const CUSTOMER_FIELD_MESSAGES = {
  unknownField: { 'zh-CN': '未定义的自定义字段', 'en-US': 'is not a defined custom field' },
  notNumber: { 'zh-CN': '须为数字', 'en-US': 'must be a number' },
  notDate: { 'zh-CN': '须为日期（YYYY-MM-DD）', 'en-US': 'must be a date (YYYY-MM-DD)' },
  notChoice: { 'zh-CN': '不是可选的值', 'en-US': 'is not one of the choices' },
  unknownArea: { 'zh-CN': '片区不存在', 'en-US': 'names an area that does not exist' },
} satisfies Record<string, Message>;
