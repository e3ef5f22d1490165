import { FOLLOW_UP_CHANNELS, type FollowUpTask, type FollowUpVisitInput } from '@switchboard/shared';
import { Alert, App, type ButtonProps, Checkbox, Form, Input, Modal, Radio } from 'antd';
import { useEffect } from 'react';
import { useFollowUpMessages } from './follow-up-messages.ts';
import { recordVisit } from './follow-ups-api.ts';

type Props = { task: FollowUpTask | null; onClose(): void; onSaved(): void };

/** 回访单 (FUP-1): who was reached, where they heard of us, gift willingness, the outcome. */
export function VisitFormModal({ task, onClose, onSaved }: Props) {
  const t = useFollowUpMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<FollowUpVisitInput & { gift: 'yes' | 'no' | undefined }>();
  useEffect(() => {
    if (!task) return;
    form.resetFields();
    form.setFieldsValue({
      phone: task.phone,
      cardNo: task.cardNo ?? '',
      name: task.customerName,
      gender: (['male', 'female'].includes(task.gender)
        ? task.gender
        : 'unknown') as FollowUpVisitInput['gender'],
      outcome: 'done',
      channels: [],
    });
  }, [task, form]);

  const submit = async () => {
    if (!task) return;
    const { gift, ...values } = await form.validateFields();
    try {
      await recordVisit(task.id, { ...values, giftWilling: gift === undefined ? null : gift === 'yes' });
      message.success(t('fu.saved'));
      onSaved();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Modal
      open={task !== null}
      title={`${t('fu.form.title')} · ${task?.customerName ?? ''}`}
      onCancel={onClose}
      onOk={() => void submit()}
      okText={t('fu.form.save')}
      okButtonProps={{ 'data-testid': 'follow-up-visit-save' } as ButtonProps}
      width={720}
      forceRender
      data-testid="follow-up-visit-form"
    >
      {task?.script ? (
        <Alert type="info" title={`${t('fu.form.script')}：${task.script}`} style={{ marginBottom: 12 }} />
      ) : null}
      <Form form={form} layout="vertical">
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item label={t('fu.form.time')} style={{ flex: 1 }}>
            <Input value={new Date().toLocaleString()} disabled />
          </Form.Item>
          <Form.Item name="phone" label={t('fu.phone')} style={{ flex: 1 }}>
            <Input data-testid="follow-up-visit-phone" />
          </Form.Item>
          <Form.Item name="cardNo" label={t('fu.form.cardNo')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
        </div>
        <div style={{ display: 'flex', gap: 12 }}>
          <Form.Item name="name" label={t('fu.form.name')} style={{ flex: 1 }}>
            <Input />
          </Form.Item>
          <Form.Item name="gender" label={t('fu.form.gender')} style={{ flex: 1 }}>
            <Radio.Group
              options={(['male', 'female', 'unknown'] as const).map((g) => ({
                value: g,
                label: t(`fu.gender.${g}`),
              }))}
            />
          </Form.Item>
        </div>
        <Form.Item name="channels" label={t('fu.form.channels')}>
          <Checkbox.Group
            data-testid="follow-up-visit-channels"
            options={FOLLOW_UP_CHANNELS.map((c) => ({ value: c, label: c }))}
          />
        </Form.Item>
        <Form.Item name="gift" label={t('fu.form.gift')}>
          <Radio.Group
            data-testid="follow-up-visit-gift"
            options={[
              { value: 'yes', label: t('fu.gift.yes') },
              { value: 'no', label: t('fu.gift.no') },
            ]}
          />
        </Form.Item>
        <Form.Item name="outcome" label={t('fu.form.outcome')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="follow-up-visit-outcome"
            options={(['done', 'not_reached', 'refused'] as const).map((o) => ({
              value: o,
              label: t(`fu.outcome.${o}`),
            }))}
          />
        </Form.Item>
        <Form.Item name="result" label={t('fu.form.result')}>
          <Input maxLength={500} data-testid="follow-up-visit-result" />
        </Form.Item>
        <Form.Item name="notes" label={t('fu.form.notes')}>
          <Input.TextArea maxLength={2000} rows={2} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
