import { Alert, App, Button, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { isApiRequestError } from '../../api/api-error.ts';
import { changePassword, fetchMe } from '../../api/auth-api.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { applyFieldErrors } from './form-errors.ts';
import { useSession } from './use-session.ts';

interface ChangePasswordValues {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

const PASSWORD_FIELDS = ['currentPassword', 'newPassword'] as const;
const MIN_LENGTH = 8;
const MAX_LENGTH = 128;

interface ChangePasswordDialogProps {
  open: boolean;
  /** Forced mode (mustChangePassword): no way to dismiss the dialog except changing the password. */
  forced: boolean;
  onClose: () => void;
}

/** Is the session still alive? Used to tell "wrong current password" from "session expired" on 401. */
async function sessionAlive(): Promise<boolean> {
  try {
    await fetchMe();
    return true;
  } catch (error) {
    return !(isApiRequestError(error) && error.status === 401);
  }
}

export function ChangePasswordDialog({ open, forced, onClose }: ChangePasswordDialogProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { passwordChanged, expire, logout } = useSession();
  const [form] = Form.useForm<ChangePasswordValues>();
  const [submitting, setSubmitting] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const close = () => {
    if (forced || submitting) return;
    onClose();
  };

  const signOut = () => {
    logout().catch((caught: unknown) => {
      message.error(caught instanceof Error ? caught.message : t('shell.logoutFailed'));
    });
  };

  const onFinish = async (values: ChangePasswordValues) => {
    setError(null);
    setSubmitting(true);
    try {
      await changePassword({ currentPassword: values.currentPassword, newPassword: values.newPassword });
      setSubmitting(false);
      message.success(t('password.success'));
      passwordChanged();
      onClose();
      return;
    } catch (caught) {
      setSubmitting(false);
      if (!isApiRequestError(caught)) {
        setError(caught instanceof Error ? caught.message : String(caught));
        return;
      }
      if (caught.status === 401) {
        if (!(await sessionAlive())) {
          expire();
          return;
        }
        // Wrong current password: show the server's message on that field.
        form.setFields([{ name: 'currentPassword', errors: [caught.message], value: '' }]);
        return;
      }
      const unmatched = applyFieldErrors(form, caught.fields, PASSWORD_FIELDS);
      const matchedAny = caught.fields.length > unmatched.length;
      if (!matchedAny || unmatched.length > 0) setError([caught.message, ...unmatched].join(' '));
    }
  };

  const footer = (
    <div className="sb-dialog-footer">
      {forced ? (
        <Button onClick={signOut} disabled={submitting} data-testid="change-password-logout">
          {t('password.logoutInstead')}
        </Button>
      ) : (
        <Button onClick={close} disabled={submitting}>
          {t('password.cancel')}
        </Button>
      )}
      <Button
        type="primary"
        onClick={() => form.submit()}
        loading={submitting}
        data-testid="change-password-submit"
      >
        {t('password.submit')}
      </Button>
    </div>
  );

  return (
    <Modal
      open={open}
      title={forced ? t('password.forcedTitle') : t('password.title')}
      onCancel={close}
      closable={!forced}
      keyboard={!forced}
      mask={{ closable: !forced }}
      footer={footer}
      destroyOnHidden
      afterOpenChange={(isOpen) => {
        if (!isOpen) setError(null);
      }}
      width={440}
      modalRender={(node) => <div data-testid="change-password-dialog">{node}</div>}
    >
      {forced && (
        <Alert
          className="sb-dialog-alert"
          type="warning"
          showIcon
          title={t('password.forcedNotice')}
          data-testid="change-password-forced"
        />
      )}
      {error && (
        <Alert
          className="sb-dialog-alert"
          type="error"
          showIcon
          title={error}
          data-testid="change-password-error"
        />
      )}
      <Form<ChangePasswordValues>
        form={form}
        layout="vertical"
        requiredMark={false}
        onFinish={onFinish}
        disabled={submitting}
        preserve={false}
      >
        <Form.Item<ChangePasswordValues>
          label={t('password.current')}
          name="currentPassword"
          rules={[{ required: true, message: t('password.currentRequired') }]}
        >
          <Input.Password autoComplete="current-password" autoFocus data-testid="change-password-current" />
        </Form.Item>
        <Form.Item<ChangePasswordValues>
          label={t('password.new')}
          name="newPassword"
          extra={t('password.newHint')}
          dependencies={['currentPassword']}
          rules={[
            { required: true, message: t('password.newRequired') },
            { min: MIN_LENGTH, message: t('password.newTooShort') },
            { max: MAX_LENGTH, message: t('password.newTooLong') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                value && value === getFieldValue('currentPassword')
                  ? Promise.reject(new Error(t('password.newSameAsCurrent')))
                  : Promise.resolve(),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="change-password-new" />
        </Form.Item>
        <Form.Item<ChangePasswordValues>
          label={t('password.confirm')}
          name="confirmPassword"
          dependencies={['newPassword']}
          rules={[
            { required: true, message: t('password.confirmRequired') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.confirmMismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="change-password-confirm" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
