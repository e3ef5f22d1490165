import { defineErrors } from './app-error.ts';

// Errors raised by the HTTP layer itself, not by one module.
export const COMMON_ERRORS = defineErrors({
  VALIDATION_FAILED: {
    status: 400,
    message: {
      'zh-CN': '请求内容有误，请检查标出的字段',
      'en-US': 'The request is invalid; check the fields named',
    },
  },
  MALFORMED_JSON: {
    status: 400,
    message: { 'zh-CN': '请求体不是有效的 JSON', 'en-US': 'The request body is not valid JSON' },
  },
  UNSUPPORTED_MEDIA_TYPE: {
    status: 415,
    message: {
      'zh-CN': '请求体须为 JSON（application/json）',
      'en-US': 'The request body must be JSON (application/json)',
    },
  },
  BODY_TOO_LARGE: {
    status: 413,
    message: {
      'zh-CN': '请求体过大（上限 {limit} 字节）',
      'en-US': 'The request body is too large (limit {limit} bytes)',
    },
  },
  NOT_AUTHENTICATED: {
    status: 401,
    message: { 'zh-CN': '请先登录', 'en-US': 'Please sign in first' },
  },
  FORBIDDEN: {
    status: 403,
    message: { 'zh-CN': '您的角色无权执行此操作', 'en-US': 'Your role is not allowed to do this' },
  },
  NOT_FOUND: {
    status: 404,
    message: { 'zh-CN': '请求的资源不存在', 'en-US': 'The requested resource does not exist' },
  },
  ROUTE_NOT_FOUND: {
    status: 404,
    message: { 'zh-CN': '接口不存在：{method} {url}', 'en-US': 'No such endpoint: {method} {url}' },
  },
  REFERENCE_NOT_FOUND: {
    status: 400,
    message: { 'zh-CN': '引用的记录不存在', 'en-US': 'A referenced record does not exist' },
  },
  DUPLICATE: {
    status: 409,
    message: { 'zh-CN': '与现有记录重复', 'en-US': 'An existing record already has this value' },
  },
  INTERNAL: {
    status: 500,
    message: {
      'zh-CN': '服务器内部错误，请稍后重试',
      'en-US': 'Internal server error; please try again later',
    },
  },
});
