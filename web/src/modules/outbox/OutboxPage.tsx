import type { OutboxMessage, SinkMessage, SmsInbound } from '@switchboard/shared';
import { App, Button, Form, Input, Radio, Select, Space, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { CampaignsPanel } from './CampaignsPanel.tsx';
import { fetchInbound, fetchOutbox, fetchSink, retryOutbox, sendOutbound } from './outbox-api.ts';
import { type OutboxMessageKey, useOutboxMessages } from './outbox-messages.ts';
import { SubscriptionsPanel } from './SubscriptionsPanel.tsx';
import { useSubscriptionMessages } from './subscription-messages.ts';

const LEADS = ['team_lead', 'duty_lead', 'admin'];
const STATE_COLORS = { queued: 'default', sending: 'processing', sent: 'success', failed: 'error' } as const;
const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

export const useFail = () => {
  const { message } = App.useApp();
  return useCallback(
    (error: unknown) => message.error(error instanceof Error ? error.message : String(error)),
    [message],
  );
};

/** 短信与邮件 (MSG-2 … MSG-4): outbox, single send, bulk SMS with approval, replies, demo sink. */
export function OutboxPage() {
  const t = useOutboxMessages();
  const ts = useSubscriptionMessages();
  const me = useCurrentUser();
  const isLead = me.roles.some((r) => LEADS.includes(r));
  const items = [
    ...(isLead ? [{ key: 'outbox', label: t('ob.tab.outbox'), children: <OutboxList /> }] : []),
    { key: 'send', label: t('ob.tab.send'), children: <SendForm /> },
    { key: 'campaigns', label: t('ob.tab.campaigns'), children: <CampaignsPanel /> },
    { key: 'subscriptions', label: ts('sub.tab'), children: <SubscriptionsPanel /> },
    ...(isLead
      ? [
          { key: 'inbound', label: t('ob.tab.inbound'), children: <InboundList /> },
          { key: 'sink', label: t('ob.tab.sink'), children: <SinkList /> },
        ]
      : []),
  ];
  return (
    <section data-testid="outbox-page">
      <Tabs items={items} destroyOnHidden />
    </section>
  );
}

function OutboxList() {
  const t = useOutboxMessages();
  const fail = useFail();
  const [filter, setFilter] = useState<{ state?: string; channel?: string; q?: string; page: number }>({
    page: 1,
  });
  const [data, setData] = useState<{ items: OutboxMessage[]; total: number }>({ items: [], total: 0 });
  const load = useCallback(() => {
    fetchOutbox(filter).then(setData, fail);
  }, [filter, fail]);
  useEffect(load, [load]);
  const stateLabel = (s: OutboxMessage['state']) => t(`ob.state.${s}` as OutboxMessageKey);
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Space wrap>
        <Select
          allowClear
          style={{ width: 140 }}
          placeholder={t('ob.state')}
          onChange={(state?: string) => setFilter((f) => ({ ...f, state, page: 1 }))}
          options={(['queued', 'sending', 'sent', 'failed'] as const).map((s) => ({
            value: s,
            label: stateLabel(s),
          }))}
        />
        <Select
          allowClear
          style={{ width: 120 }}
          placeholder={t('ob.channel')}
          onChange={(channel?: string) => setFilter((f) => ({ ...f, channel, page: 1 }))}
          options={(['sms', 'email'] as const).map((c) => ({ value: c, label: t(`ob.channel.${c}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('ob.search')}
          onSearch={(q) => setFilter((f) => ({ ...f, q: q || undefined, page: 1 }))}
        />
        <Button onClick={load}>{t('ob.refresh')}</Button>
      </Space>
      <Table
        rowKey="id"
        size="small"
        data-testid="outbox-list"
        dataSource={data.items}
        pagination={{
          current: filter.page,
          pageSize: 20,
          total: data.total,
          onChange: (page) => setFilter((f) => ({ ...f, page })),
        }}
        columns={[
          { title: t('ob.channel'), key: 'channel', render: (_, m) => t(`ob.channel.${m.channel}`) },
          { title: t('ob.to'), dataIndex: 'to', key: 'to' },
          {
            title: t('ob.body'),
            key: 'body',
            render: (_, m) => (m.subject ? `${m.subject}：${m.body}` : m.body),
          },
          { title: t('ob.source'), dataIndex: 'source', key: 'source' },
          {
            title: t('ob.state'),
            key: 'state',
            render: (_, m) => <Tag color={STATE_COLORS[m.state]}>{stateLabel(m.state)}</Tag>,
          },
          { title: t('ob.attempts'), dataIndex: 'attempts', key: 'attempts' },
          { title: t('ob.error'), dataIndex: 'lastError', key: 'lastError' },
          { title: t('ob.time'), key: 'time', render: (_, m) => time(m.sentAt ?? m.createdAt) },
          {
            key: 'retry',
            render: (_, m) =>
              m.state === 'failed' ? (
                <Button size="small" onClick={() => retryOutbox(m.id).then(load, fail)}>
                  {t('ob.retry')}
                </Button>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}

type SendValues = { channel: 'sms' | 'email'; to: string; subject?: string; body: string };

function SendForm() {
  const t = useOutboxMessages();
  const fail = useFail();
  const { message } = App.useApp();
  const [form] = Form.useForm<SendValues>();
  const channel = Form.useWatch('channel', form) ?? 'sms';
  const onFinish = async (v: SendValues) => {
    try {
      const requestId = crypto.randomUUID();
      await sendOutbound(
        v.channel === 'sms'
          ? { channel: 'sms', to: v.to, body: v.body, requestId }
          : { channel: 'email', to: v.to, subject: v.subject ?? '', body: v.body, requestId },
      );
      message.success(t('ob.queued'));
      form.resetFields(['to', 'subject', 'body']);
    } catch (error) {
      fail(error);
    }
  };
  const required = [{ required: true, whitespace: true, message: t('ob.required') }];
  return (
    <Form
      form={form}
      layout="vertical"
      style={{ maxWidth: 560 }}
      initialValues={{ channel: 'sms' }}
      onFinish={onFinish}
    >
      <Form.Item name="channel" label={t('ob.channel')}>
        <Radio.Group
          options={(['sms', 'email'] as const).map((c) => ({ value: c, label: t(`ob.channel.${c}`) }))}
        />
      </Form.Item>
      <Form.Item name="to" label={t('ob.to')} rules={required}>
        <Input
          data-testid="outbox-send-to"
          placeholder={channel === 'sms' ? '139xxxxxxxx' : 'name@example.com'}
        />
      </Form.Item>
      {channel === 'email' && (
        <Form.Item name="subject" label={t('ob.subject')} rules={required}>
          <Input maxLength={200} />
        </Form.Item>
      )}
      <Form.Item name="body" label={t('ob.body')} rules={required}>
        <Input.TextArea
          rows={4}
          maxLength={channel === 'sms' ? 500 : 20000}
          showCount
          data-testid="outbox-send-body"
        />
      </Form.Item>
      <Button type="primary" htmlType="submit" data-testid="outbox-send">
        {t('ob.send')}
      </Button>
    </Form>
  );
}

function InboundList() {
  const t = useOutboxMessages();
  const fail = useFail();
  const [items, setItems] = useState<SmsInbound[]>([]);
  useEffect(() => {
    fetchInbound().then((r) => setItems(r.items), fail);
  }, [fail]);
  return (
    <Table
      rowKey="id"
      size="small"
      dataSource={items}
      columns={[
        { title: t('ob.in.from'), dataIndex: 'fromNumber', key: 'from' },
        { title: t('ob.body'), dataIndex: 'body', key: 'body' },
        {
          title: t('ob.in.customer'),
          key: 'customer',
          render: (_, s) => (s.customerId === null ? <Tag>{t('ob.in.unknown')}</Tag> : `#${s.customerId}`),
        },
        { title: t('ob.time'), key: 'time', render: (_, s) => time(s.receivedAt) },
      ]}
    />
  );
}

function SinkList() {
  const t = useOutboxMessages();
  const fail = useFail();
  const [items, setItems] = useState<SinkMessage[]>([]);
  useEffect(() => {
    fetchSink().then((r) => setItems(r.items), fail);
  }, [fail]);
  return (
    <Table
      rowKey="id"
      size="small"
      data-testid="outbox-sink"
      dataSource={items}
      columns={[
        { title: t('ob.channel'), key: 'channel', render: (_, m) => t(`ob.channel.${m.channel}`) },
        { title: t('ob.to'), dataIndex: 'to', key: 'to' },
        {
          title: t('ob.body'),
          key: 'body',
          render: (_, m) => (m.subject ? `${m.subject}：${m.body}` : m.body),
        },
        { title: t('ob.time'), key: 'time', render: (_, m) => time(m.deliveredAt) },
      ]}
    />
  );
}
