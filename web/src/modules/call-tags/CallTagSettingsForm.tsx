import type { CallTagSettings } from '@switchboard/shared';
import { Alert, App, Button, Form, InputNumber, Switch } from 'antd';
import { useEffect, useState } from 'react';
import { showServerErrors } from '../admin/server-errors.ts';
import { useCallTagMessages } from './call-tag-messages.ts';
import { fetchCallTagSettings, saveCallTagSettings } from './call-tags-api.ts';

type Values = {
  tagRequired: boolean;
  graceMinutes: number;
  level3: number;
  level2: number;
  level1: number;
};

/** Whether a tag is mandatory at wrap-up, the change grace period, and the alarm thresholds. */
export function CallTagSettingsForm() {
  const m = useCallTagMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchCallTagSettings().then(
      (s) =>
        form.setFieldsValue({ tagRequired: s.tagRequired, graceMinutes: s.graceMinutes, ...s.thresholds }),
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [form]);

  const save = async (v: Values) => {
    const body: CallTagSettings = {
      tagRequired: v.tagRequired,
      graceMinutes: v.graceMinutes,
      thresholds: { level3: v.level3, level2: v.level2, level1: v.level1 },
    };
    try {
      await saveCallTagSettings(body);
      setError(null);
      message.success(m('tag.admin.saved'));
    } catch (caught) {
      setError(showServerErrors(form, caught, ['tagRequired', 'graceMinutes'], { thresholds: 'level2' }));
    }
  };

  const count = { min: 1, max: 10_000, precision: 0 };
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 420 }}
      onFinish={save}
      data-testid="call-tag-settings"
    >
      {error ? <Alert type="error" title={error} style={{ marginBottom: 12 }} /> : null}
      <Form.Item name="tagRequired" label={m('tag.admin.tagRequired')} valuePropName="checked">
        <Switch data-testid="tag-required" />
      </Form.Item>
      <Form.Item name="graceMinutes" label={m('tag.admin.graceMinutes')} rules={[{ required: true }]}>
        <InputNumber min={0} max={1440} precision={0} />
      </Form.Item>
      <Alert type="info" title={m('tag.admin.thresholdHint')} style={{ marginBottom: 12 }} />
      <Form.Item name="level3" label={m('tag.admin.level3')} rules={[{ required: true }]}>
        <InputNumber {...count} />
      </Form.Item>
      <Form.Item name="level2" label={m('tag.admin.level2')} rules={[{ required: true }]}>
        <InputNumber {...count} />
      </Form.Item>
      <Form.Item name="level1" label={m('tag.admin.level1')} rules={[{ required: true }]}>
        <InputNumber {...count} />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="tag-settings-save">
        {m('tag.admin.save')}
      </Button>
    </Form>
  );
}
