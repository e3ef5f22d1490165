import { Form, Input } from 'antd';
import { useAdminMessages } from './admin-messages.ts';

// The code + name pair every reference table has, with the server's limits (codeText, text(50)).
export const CODE_PATTERN = /^[A-Za-z0-9_-]{1,32}$/;

export function CodeNameFields() {
  const t = useAdminMessages();
  return (
    <>
      <Form.Item
        name="code"
        label={t('common.code')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { pattern: CODE_PATTERN, message: t('common.codeFormat') },
        ]}
      >
        <Input maxLength={32} />
      </Form.Item>
      <Form.Item
        name="name"
        label={t('common.name')}
        rules={[
          { required: true, whitespace: true, message: t('common.required') },
          { max: 50, message: t('common.maxChars', { max: 50 }) },
        ]}
      >
        <Input />
      </Form.Item>
    </>
  );
}
