import {
  CONTACT_CHANNELS,
  CUSTOMER_GENDERS,
  type Customer,
  type CustomerSaved,
  type CustomFieldDef,
  ORIGIN_CHANNELS,
} from '@switchboard/shared';
import { Alert, Button, Checkbox, Form, Input, InputNumber, Radio, Select } from 'antd';
import { useEffect, useState } from 'react';
import { isApiRequestError } from '../../api/api-error.ts';
import { useCustomerMessages } from './customer-messages.ts';
import { createCustomer, fetchAreaOptions, fetchFieldDefs, updateCustomer } from './customers-api.ts';

type Values = {
  name: string;
  gender: Customer['gender'];
  phones: string;
  cardNo?: string;
  address?: string;
  areaId?: number | null;
  vipLevel: number;
  email?: string;
  preferredChannel: Customer['preferredChannel'];
  originChannels: string[];
  giftWilling?: 'yes' | 'no' | null;
  custom: Record<string, string | number | null>;
};

const blank = (v: string | undefined) => (v?.trim() ? v.trim() : null);

/** Create or edit a customer (CRM-1); server field errors show on their field. */
export function CustomerForm(props: {
  customer?: Customer;
  phone?: string;
  onSaved: (saved: CustomerSaved) => void;
  onCancel?: () => void;
}) {
  const t = useCustomerMessages();
  const [form] = Form.useForm<Values>();
  const [areas, setAreas] = useState<{ id: number; name: string }[]>([]);
  const [defs, setDefs] = useState<CustomFieldDef[]>([]);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const c = props.customer;

  useEffect(() => {
    void fetchAreaOptions().then(
      (r) => setAreas(r.items),
      () => setAreas([]),
    );
    void fetchFieldDefs().then(
      (r) => setDefs(r.items),
      () => setDefs([]),
    );
  }, []);

  const submit = async (v: Values) => {
    setSaving(true);
    setError(null);
    const custom = Object.fromEntries(
      Object.entries(v.custom ?? {}).map(([k, val]) => [k, val === undefined || val === '' ? null : val]),
    );
    const body = {
      name: v.name,
      gender: v.gender,
      phones: v.phones.split(/[,，;；\s]+/).filter(Boolean),
      cardNo: blank(v.cardNo),
      address: blank(v.address),
      areaId: v.areaId ?? null,
      vipLevel: v.vipLevel ?? 0,
      email: blank(v.email),
      preferredChannel: v.preferredChannel,
      originChannels: v.originChannels as (typeof ORIGIN_CHANNELS)[number][],
      giftWilling: v.giftWilling === 'yes' ? true : v.giftWilling === 'no' ? false : null,
      custom,
    };
    try {
      const saved = c ? await updateCustomer(c.id, body) : await createCustomer(body);
      props.onSaved(saved);
    } catch (err) {
      if (isApiRequestError(err) && err.fields.length) {
        form.setFields(
          err.fields.map((f) => {
            const parts = f.path.split('.').filter((p) => !/^\d+$/.test(p));
            return { name: parts.length > 1 ? parts : (parts[0] ?? f.path), errors: [f.message] };
          }) as Parameters<typeof form.setFields>[0],
        );
      } else setError(err instanceof Error ? err.message : String(err));
    } finally {
      setSaving(false);
    }
  };

  return (
    <Form<Values>
      form={form}
      layout="vertical"
      data-testid="customer-form"
      onFinish={(v) => void submit(v)}
      initialValues={{
        name: c?.name ?? '',
        gender: c?.gender ?? 'unknown',
        phones: c?.phones.join(', ') ?? props.phone ?? '',
        cardNo: c?.cardNo ?? '',
        address: c?.address ?? '',
        areaId: c?.areaId ?? null,
        vipLevel: c?.vipLevel ?? 0,
        email: c?.email ?? '',
        preferredChannel: c?.preferredChannel ?? 'phone',
        originChannels: c?.originChannels ?? [],
        giftWilling: c?.giftWilling === true ? 'yes' : c?.giftWilling === false ? 'no' : null,
        custom: c?.custom ?? {},
      }}
    >
      {error && <Alert type="error" title={error} style={{ marginBottom: 12 }} />}
      <Form.Item name="name" label={t('crm.name')} rules={[{ required: true }]}>
        <Input data-testid="customer-name" maxLength={50} />
      </Form.Item>
      <Form.Item
        name="phones"
        label={t('crm.phones')}
        extra={t('crm.phonesHint')}
        rules={[{ required: true }]}
      >
        <Input data-testid="customer-phones" />
      </Form.Item>
      <Form.Item name="cardNo" label={t('crm.cardNo')}>
        <Input data-testid="customer-card" />
      </Form.Item>
      <Form.Item name="gender" label={t('crm.gender')}>
        <Radio.Group options={CUSTOMER_GENDERS.map((g) => ({ value: g, label: t(`crm.gender.${g}`) }))} />
      </Form.Item>
      <Form.Item name="address" label={t('crm.address')}>
        <Input data-testid="customer-address" maxLength={200} />
      </Form.Item>
      <Form.Item name="areaId" label={t('crm.area')}>
        <Select allowClear options={areas.map((a) => ({ value: a.id, label: a.name }))} />
      </Form.Item>
      <Form.Item name="vipLevel" label={t('crm.vipLevel')}>
        <InputNumber min={0} max={5} />
      </Form.Item>
      <Form.Item name="email" label={t('crm.email')}>
        <Input data-testid="customer-email" />
      </Form.Item>
      <Form.Item name="preferredChannel" label={t('crm.preferredChannel')}>
        <Radio.Group options={CONTACT_CHANNELS.map((ch) => ({ value: ch, label: t(`crm.channel.${ch}`) }))} />
      </Form.Item>
      <Form.Item name="originChannels" label={t('crm.originChannels')}>
        <Checkbox.Group options={ORIGIN_CHANNELS.map((o) => ({ value: o, label: o }))} />
      </Form.Item>
      <Form.Item name="giftWilling" label={t('crm.giftWilling')}>
        <Radio.Group
          options={[
            { value: 'yes', label: t('crm.gift.yes') },
            { value: 'no', label: t('crm.gift.no') },
          ]}
        />
      </Form.Item>
      {defs.map((d) => (
        <Form.Item key={d.key} name={['custom', d.key]} label={d.label}>
          {d.type === 'choice' ? (
            <Select allowClear options={d.choices.map((o) => ({ value: o, label: o }))} />
          ) : d.type === 'number' ? (
            <InputNumber />
          ) : (
            <Input placeholder={d.type === 'date' ? 'YYYY-MM-DD' : undefined} />
          )}
        </Form.Item>
      ))}
      <Button type="primary" htmlType="submit" loading={saving} data-testid="customer-save">
        {t('crm.save')}
      </Button>
      {props.onCancel && (
        <Button style={{ marginLeft: 8 }} onClick={props.onCancel}>
          {t('crm.cancel')}
        </Button>
      )}
    </Form>
  );
}
