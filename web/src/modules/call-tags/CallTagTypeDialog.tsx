import { Alert, Form, Input, Modal } from 'antd';
import { useEffect, useState } from 'react';
import { showServerErrors } from '../admin/server-errors.ts';
import { useCallTagMessages } from './call-tag-messages.ts';

export type TypeDialogMode =
  | { kind: 'add'; parentId: number | null }
  | { kind: 'rename'; id: number; name: string }
  | null;

type Values = { code: string; name: string };

/** Adds a purpose / sub-type (code + name) or renames one (name only). */
export function CallTagTypeDialog({
  mode,
  onClose,
  onSubmit,
}: {
  mode: TypeDialogMode;
  onClose: () => void;
  onSubmit: (values: Values) => Promise<void>;
}) {
  const m = useCallTagMessages();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  useEffect(() => {
    setError(null);
    form.setFieldsValue({ code: '', name: mode?.kind === 'rename' ? mode.name : '' });
  }, [mode, form]);

  const title =
    mode?.kind === 'rename'
      ? m('tag.admin.rename')
      : mode?.parentId === null
        ? m('tag.admin.addPurpose')
        : m('tag.admin.addSub');

  return (
    <Modal
      open={mode !== null}
      title={title}
      okText={m('tag.admin.save')}
      cancelText={m('tag.admin.cancel')}
      confirmLoading={saving}
      onCancel={onClose}
      okButtonProps={{ 'data-testid': 'tag-type-save' }}
      forceRender
      onOk={async () => {
        const values = await form.validateFields();
        setSaving(true);
        try {
          await onSubmit(values);
          onClose();
        } catch (caught) {
          setError(showServerErrors(form, caught, ['code', 'name']));
        } finally {
          setSaving(false);
        }
      }}
    >
      {error ? <Alert type="error" title={error} style={{ marginBottom: 12 }} /> : null}
      <Form form={form} layout="vertical">
        {mode?.kind === 'add' ? (
          <Form.Item
            name="code"
            label={m('tag.admin.code')}
            rules={[{ required: true, pattern: /^[A-Za-z0-9_-]{1,32}$/ }]}
          >
            <Input maxLength={32} data-testid="tag-type-code" />
          </Form.Item>
        ) : null}
        <Form.Item
          name="name"
          label={m('tag.admin.name')}
          rules={[{ required: true, whitespace: true, max: 30 }]}
        >
          <Input maxLength={30} data-testid="tag-type-name" />
        </Form.Item>
      </Form>
    </Modal>
  );
}
