import type { FieldError, Message } from './app-error.ts';

// Turns schema-validation issues (zod's codes, as fastify-type-provider-zod passes them on)
// into field errors with a message in both languages.
export type ValidationIssue = {
  keyword: string;
  instancePath: string;
  message?: string;
  params: Record<string, unknown>;
};

// Schemas name a hint (`.regex(re, 'phone_format')`) instead of writing one language's text.
const HINTS: Record<string, Message> = {
  phone_or_email_required: {
    'zh-CN': '请填写手机号码或电子邮箱',
    'en-US': 'give a phone number or an e-mail address',
  },
  employee_no_format: {
    'zh-CN': '工号须为 2–20 位字母、数字、下划线或连字符',
    'en-US': 'employee ID must be 2–20 letters, digits, _ or -',
  },
  phone_format: { 'zh-CN': '电话号码格式不正确', 'en-US': 'is not a valid phone number' },
  code_format: {
    'zh-CN': '编码须为 1–32 位字母、数字、下划线或连字符',
    'en-US': 'code must be 1–32 letters, digits, _ or -',
  },
  access_code_format: { 'zh-CN': '接入号须为 3–20 位数字', 'en-US': 'access code must be 3–20 digits' },
  extension_format: { 'zh-CN': '分机号须为 2–10 位数字', 'en-US': 'extension must be 2–10 digits' },
  duplicate_items: { 'zh-CN': '包含重复项', 'en-US': 'contains duplicates' },
  no_control_chars: { 'zh-CN': '不能包含控制字符', 'en-US': 'must not contain control characters' },
};

export function toFieldErrors(issues: ValidationIssue[], context: string | undefined): FieldError[] {
  return issues.flatMap((issue) => {
    const base = issue.instancePath.replace(/^\//, '').replaceAll('/', '.');
    if (issue.keyword === 'unrecognized_keys') {
      const keys = (issue.params.keys as string[] | undefined) ?? [];
      return keys.map((key) => ({
        path: joinPath(base, key),
        message: { 'zh-CN': '不允许的字段', 'en-US': 'unknown field' },
      }));
    }
    return [{ path: base || context || '', message: describe(issue) }];
  });
}

function joinPath(base: string, key: string): string {
  return base ? `${base}.${key}` : key;
}

const TYPE_ZH: Record<string, string> = {
  string: '文本',
  number: '数字',
  int: '整数',
  boolean: '布尔值',
  array: '数组',
  object: '对象',
  date: '日期',
};

function describe(issue: ValidationIssue): Message {
  const hint = issue.message ? HINTS[issue.message] : undefined;
  if (hint) return hint;
  const p = issue.params;
  switch (issue.keyword) {
    case 'invalid_type': {
      const expected = String(p.expected ?? '');
      // zod does not pass the input on; its own English text says when the value was absent.
      if (/received undefined/.test(issue.message ?? '')) return { 'zh-CN': '必填', 'en-US': 'required' };
      return { 'zh-CN': `类型错误，应为${TYPE_ZH[expected] ?? expected}`, 'en-US': `must be a ${expected}` };
    }
    case 'too_small': {
      const min = String(p.minimum ?? '');
      if (p.origin === 'string') {
        return min === '1'
          ? { 'zh-CN': '不能为空', 'en-US': 'must not be empty' }
          : { 'zh-CN': `至少 ${min} 个字符`, 'en-US': `must be at least ${min} characters` };
      }
      if (p.origin === 'array')
        return { 'zh-CN': `至少 ${min} 项`, 'en-US': `must have at least ${min} items` };
      return { 'zh-CN': `不能小于 ${min}`, 'en-US': `must be at least ${min}` };
    }
    case 'too_big': {
      const max = String(p.maximum ?? '');
      if (p.origin === 'string')
        return { 'zh-CN': `最多 ${max} 个字符`, 'en-US': `must be at most ${max} characters` };
      if (p.origin === 'array')
        return { 'zh-CN': `最多 ${max} 项`, 'en-US': `must have at most ${max} items` };
      return { 'zh-CN': `不能大于 ${max}`, 'en-US': `must be at most ${max}` };
    }
    case 'invalid_value':
    case 'invalid_enum_value': {
      const values = Array.isArray(p.values) ? (p.values as unknown[]).join(', ') : '';
      return { 'zh-CN': `取值无效，可选：${values}`, 'en-US': `must be one of: ${values}` };
    }
    case 'invalid_format':
      return formatMessage(String(p.format ?? ''));
    case 'not_multiple_of':
      return { 'zh-CN': '数值不符合要求', 'en-US': 'has an invalid value' };
    case 'custom':
      return { 'zh-CN': '取值无效', 'en-US': 'is invalid' };
    default:
      return { 'zh-CN': '格式无效', 'en-US': 'is invalid' };
  }
}

function formatMessage(format: string): Message {
  switch (format) {
    case 'email':
      return { 'zh-CN': '不是有效的电子邮件地址', 'en-US': 'must be an e-mail address' };
    case 'datetime':
      return { 'zh-CN': '不是有效的时间（ISO 8601）', 'en-US': 'must be an ISO 8601 date-time' };
    case 'regex':
      return { 'zh-CN': '格式不正确', 'en-US': 'has the wrong format' };
    default:
      return { 'zh-CN': '格式不正确', 'en-US': `must be a valid ${format}` };
  }
}
