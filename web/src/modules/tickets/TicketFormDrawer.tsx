import {
  categoriesOfKind,
  TICKET_ASPECTS,
  TICKET_KINDS,
  type TicketDetail,
  type TicketInput,
  type TicketKind,
} from '@switchboard/shared';
import { Alert, App, Button, Checkbox, Drawer, Form, Input, Radio, Select, Space } from 'antd';
import { useEffect, useState } from 'react';
import { ApiRequestError } from '../../api/api-error.ts';
import { applyFieldErrors } from '../auth/form-errors.ts';
import { CustomerTicketsPanel } from './CustomerTicketsPanel.tsx';
import { type TicketMessageKey, useTicketMessages } from './ticket-messages.ts';
import { createTicket, getCustomerPrefill } from './tickets-api.ts';

export type TicketPrefill = { callId?: string; customerId?: number; phone?: string };
type FormValues = Omit<TicketInput, 'occurredAt' | 'customerId' | 'callId'>;
const FIELDS = [
  'kind',
  'category',
  'phone',
  'cardNo',
  'customerName',
  'gender',
  'firstCode',
  'aspects',
  'reason',
  'remarks',
];

/** The complaint / suggestion / service request form (CPL-1, BIZ-1), pre-filled from the call. */
export function TicketFormDrawer(props: {
  open: boolean;
  prefill: TicketPrefill;
  onClose: () => void;
  onCreated?: (t: TicketDetail) => void;
}) {
  const t = useTicketMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<FormValues>();
  const [saving, setSaving] = useState(false);
  const [unmatched, setUnmatched] = useState<string[]>([]);
  const kind = (Form.useWatch('kind', form) ?? 'complaint') as TicketKind;
  const { open, prefill } = props;

  useEffect(() => {
    if (!open) return;
    form.resetFields();
    setUnmatched([]);
    form.setFieldsValue({ kind: 'complaint', gender: 'unknown', aspects: [], phone: prefill.phone ?? '' });
    if (prefill.customerId) {
      getCustomerPrefill(prefill.customerId)
        .then((c) =>
          form.setFieldsValue({
            customerName: c.name,
            gender: c.gender,
            cardNo: c.cardNo,
            phone: prefill.phone || (c.phones[0] ?? ''),
          }),
        )
        .catch(() => undefined); // The customer record is optional help; the agent types what is missing.
    }
  }, [open, prefill.customerId, prefill.phone, form]);

  const submit = async (values: FormValues) => {
    setSaving(true);
    setUnmatched([]);
    try {
      const created = await createTicket({
        ...values,
        cardNo: values.cardNo || null,
        customerName: values.customerName || null,
        firstCode: values.firstCode || null,
        remarks: values.remarks || null,
        customerId: prefill.customerId ?? null,
        callId: prefill.callId ?? null,
      });
      message.success(t('tk.created', { number: created.number }));
      props.onCreated?.(created);
      props.onClose();
    } catch (caught) {
      if (caught instanceof ApiRequestError && caught.fields.length)
        setUnmatched(applyFieldErrors(form, caught.fields, FIELDS));
      else message.error(caught instanceof Error ? caught.message : String(caught));
    } finally {
      setSaving(false);
    }
  };
  const required = [{ required: true, message: t('tk.required') }];

  return (
    <Drawer
      open={open}
      onClose={props.onClose}
      title={t('tk.new')}
      size="large"
      destroyOnHidden
      data-testid="ticket-form"
    >
      <Form form={form} layout="vertical" onFinish={submit} requiredMark>
        <Form.Item name="kind" label={t('tk.kind')} rules={required}>
          <Radio.Group
            data-testid="ticket-kind"
            onChange={() => form.setFieldValue('category', undefined)}
            options={TICKET_KINDS.map((k) => ({ value: k, label: t(`tk.kind.${k}` as TicketMessageKey) }))}
          />
        </Form.Item>
        <Form.Item name="category" label={t('tk.category')} rules={required}>
          <Select
            data-testid="ticket-category"
            options={categoriesOfKind(kind).map((c) => ({
              value: c,
              label: t(`tk.cat.${c}` as TicketMessageKey),
            }))}
          />
        </Form.Item>
        <Space wrap>
          <Form.Item
            name="phone"
            label={t('tk.phone')}
            rules={[...required, { pattern: /^\+?[0-9][0-9 -]{2,30}$/, message: t('tk.phone') }]}
          >
            <Input data-testid="ticket-phone" maxLength={32} />
          </Form.Item>
          <Form.Item name="customerName" label={t('tk.name')}>
            <Input data-testid="ticket-name" maxLength={40} />
          </Form.Item>
          <Form.Item name="gender" label={t('tk.gender')}>
            <Select
              style={{ width: 100 }}
              options={(['male', 'female', 'unknown'] as const).map((g) => ({
                value: g,
                label: t(`tk.gender.${g}`),
              }))}
            />
          </Form.Item>
          <Form.Item name="cardNo" label={t('tk.cardNo')}>
            <Input maxLength={40} />
          </Form.Item>
        </Space>
        <Form.Item name="firstCode" label={t('tk.firstCode')}>
          <Input maxLength={40} data-testid="ticket-first-code" />
        </Form.Item>
        <Form.Item name="aspects" label={t('tk.aspects')}>
          <Checkbox.Group options={TICKET_ASPECTS.map((a) => ({ value: a, label: t(`tk.aspect.${a}`) }))} />
        </Form.Item>
        <Form.Item name="reason" label={t('tk.reason')} rules={required}>
          <Input.TextArea data-testid="ticket-reason" rows={3} maxLength={2000} showCount />
        </Form.Item>
        <Form.Item name="remarks" label={t('tk.remarks')}>
          <Input.TextArea rows={2} maxLength={2000} />
        </Form.Item>
        {unmatched.length > 0 && (
          <Alert type="error" title={unmatched.join('；')} style={{ marginBottom: 12 }} />
        )}
        <Space>
          <Button type="primary" htmlType="submit" loading={saving} data-testid="ticket-submit">
            {t('tk.submit')}
          </Button>
          <Button onClick={props.onClose}>{t('tk.cancel')}</Button>
        </Space>
      </Form>
      {prefill.customerId !== undefined && (
        <div style={{ marginTop: 24 }}>
          <CustomerTicketsPanel customerId={prefill.customerId} />
        </div>
      )}
    </Drawer>
  );
}
