import type { Customer, CustomerSaved } from '@switchboard/shared';
import { Alert, Button, Descriptions, Tag } from 'antd';
import { useState } from 'react';
import { CustomerTicketsPanel } from '../tickets/CustomerTicketsPanel.tsx';
import { CustomerForm } from './CustomerForm.tsx';
import { CustomerTimeline } from './CustomerTimeline.tsx';
import { useCustomerMessages } from './customer-messages.ts';
import { useFieldLabels } from './use-field-labels.ts';

/** One customer: the record, its possible duplicates, open tickets and contact history. */
export function CustomerDetail(props: { customer: CustomerSaved; onChanged: (c: CustomerSaved) => void }) {
  const t = useCustomerMessages();
  const [editing, setEditing] = useState(false);
  const c = props.customer;
  if (editing) {
    return (
      <CustomerForm
        customer={c}
        onSaved={(saved) => {
          setEditing(false);
          props.onChanged(saved);
        }}
        onCancel={() => setEditing(false)}
      />
    );
  }
  return (
    <div data-testid="customer-detail">
      <DuplicateWarning customer={c} />
      <CustomerSummary customer={c} />
      <Button style={{ margin: '12px 0' }} onClick={() => setEditing(true)} data-testid="customer-edit">
        {t('crm.edit')}
      </Button>
      <CustomerTicketsPanel customerId={c.id} />
      <h4>{t('crm.timeline')}</h4>
      <CustomerTimeline customerId={c.id} />
    </div>
  );
}

export function DuplicateWarning({ customer }: { customer: CustomerSaved }) {
  const t = useCustomerMessages();
  if (customer.duplicates.length === 0) return null;
  return (
    <Alert
      type="warning"
      data-testid="customer-duplicates"
      title={t('crm.duplicateWarning', {
        names: customer.duplicates.map((d) => `${d.name}(#${d.id})`).join('、'),
      })}
      style={{ marginBottom: 12 }}
    />
  );
}

export function CustomerSummary({ customer: c, column = 2 }: { customer: Customer; column?: number }) {
  const t = useCustomerMessages();
  const labels = useFieldLabels();
  return (
    <Descriptions
      size="small"
      column={column}
      items={[
        {
          key: 'name',
          label: t('crm.name'),
          children: <strong data-testid="customer-detail-name">{c.name}</strong>,
        },
        {
          key: 'vip',
          label: t('crm.vipLevel'),
          children: c.vipLevel > 0 ? <Tag color="gold">VIP{c.vipLevel}</Tag> : '-',
        },
        { key: 'phones', label: t('crm.phones'), children: c.phones.join('、') },
        { key: 'card', label: t('crm.cardNo'), children: c.cardNo ?? '-' },
        { key: 'area', label: t('crm.area'), children: c.areaName ?? '-' },
        { key: 'gender', label: t('crm.gender'), children: t(`crm.gender.${c.gender}`) },
        {
          key: 'address',
          label: t('crm.address'),
          children: <span data-testid="customer-detail-address">{c.address ?? '-'}</span>,
        },
        { key: 'email', label: t('crm.email'), children: c.email ?? '-' },
        {
          key: 'channel',
          label: t('crm.preferredChannel'),
          children: t(`crm.channel.${c.preferredChannel}`),
        },
        {
          key: 'gift',
          label: t('crm.giftWilling'),
          children: c.giftWilling === null ? '-' : t(c.giftWilling ? 'crm.gift.yes' : 'crm.gift.no'),
        },
        { key: 'origin', label: t('crm.originChannels'), children: c.originChannels.join('、') || '-' },
        ...Object.entries(c.custom)
          .filter(([, v]) => v !== null && v !== '')
          .map(([k, v]) => ({ key: `custom-${k}`, label: labels.get(k) ?? k, children: String(v) })),
      ]}
    />
  );
}
