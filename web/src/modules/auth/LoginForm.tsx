import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { isApiRequestError } from '../../api/api-error.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { applyFieldErrors } from './form-errors.ts';
import { useSession } from './use-session.ts';

interface LoginValues {
  employeeNo: string;
  password: string;
}

const LOGIN_FIELDS = ['employeeNo', 'password'] as const;

export function LoginForm() {
  const { t } = useI18n();
  const { login } = useSession();
  const [form] = Form.useForm<LoginValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const onFinish = async (values: LoginValues) => {
    setError(null);
    setSubmitting(true);
    try {
      await login(values.employeeNo.trim(), values.password);
    } catch (caught) {
      if (isApiRequestError(caught)) {
        applyFieldErrors(form, caught.fields, LOGIN_FIELDS);
        setError(caught.message);
        if (caught.status === 401) form.setFieldValue('password', '');
      } else {
        setError(caught instanceof Error ? caught.message : String(caught));
      }
      setSubmitting(false);
    }
  };

  return (
    <Form<LoginValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      size="large"
      onFinish={onFinish}
      disabled={submitting}
      autoComplete="on"
    >
      {error && (
        <Alert className="sb-login__error" type="error" showIcon title={error} data-testid="login-error" />
      )}
      <Form.Item<LoginValues>
        label={t('login.employeeNo')}
        name="employeeNo"
        rules={[{ required: true, whitespace: true, message: t('login.employeeNoRequired') }]}
      >
        <Input
          prefix={<UserOutlined />}
          placeholder={t('login.employeeNoPlaceholder')}
          autoComplete="username"
          autoFocus
          maxLength={64}
          data-testid="login-employee-no"
        />
      </Form.Item>
      <Form.Item<LoginValues>
        label={t('login.password')}
        name="password"
        rules={[{ required: true, message: t('login.passwordRequired') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          placeholder={t('login.passwordPlaceholder')}
          autoComplete="current-password"
          maxLength={256}
          data-testid="login-password"
        />
      </Form.Item>
      <Form.Item className="sb-login__submit">
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
      </Form.Item>
      <Typography.Paragraph type="secondary" className="sb-login__help">
        {t('login.help')}
      </Typography.Paragraph>
    </Form>
  );
}
