import type { AgentMessage, HelpRequest, MessageStaffRef } from '@switchboard/shared';
import { App, Button, Card, Form, Input, Select, Space, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { useLive } from '../live/use-live.ts';
import { useMessageMessages } from './message-messages.ts';
import {
  askForHelp,
  fetchColleagues,
  fetchHelpRequests,
  fetchMessages,
  markMessageRead,
  messagingNotice,
  sendMessage,
  takeHelpRequest,
} from './messages-api.ts';

const LEADS = ['team_lead', 'duty_lead'];
const time = (iso: string) => new Date(iso).toLocaleString();

/** 站内消息 (CTI-18): write to colleagues, inbox and sent, help requests to the team leads. */
export function MessagesPage() {
  const t = useMessageMessages();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const isLead = me.roles.some((r) => LEADS.includes(r));
  const live = useLive();
  const [colleagues, setColleagues] = useState<MessageStaffRef[]>([]);
  const [inbox, setInbox] = useState<AgentMessage[]>([]);
  const [sent, setSent] = useState<AgentMessage[]>([]);
  const [help, setHelp] = useState<HelpRequest[]>([]);
  const [form] = Form.useForm<{ to: number[]; body: string }>();
  const [helpForm] = Form.useForm<{ body: string; callId?: string }>();

  const fail = useCallback(
    (error: unknown) => message.error(error instanceof Error ? error.message : String(error)),
    [message],
  );
  const reload = useCallback(() => {
    fetchMessages('inbox').then((p) => setInbox(p.items), fail);
    fetchMessages('sent').then((p) => setSent(p.items), fail);
    fetchHelpRequests().then((r) => setHelp(r.items), fail);
  }, [fail]);

  useEffect(() => {
    fetchColleagues().then((r) => setColleagues(r.items), fail);
    reload();
  }, [reload, fail]);
  useEffect(
    () =>
      live.subscribe({
        onEvent: (envelope) => {
          if (messagingNotice(envelope.event)) reload();
        },
      }),
    [live, reload],
  );

  const onSend = async (values: { to: number[]; body: string }) => {
    try {
      await sendMessage(values.to, values.body);
      message.success(t('msg.sent'));
      form.resetFields();
      reload();
    } catch (error) {
      fail(error);
    }
  };
  const onAsk = async (values: { body: string; callId?: string }) => {
    try {
      await askForHelp(values.body, values.callId?.trim() || undefined);
      message.success(t('msg.help.sent'));
      helpForm.resetFields();
      reload();
    } catch (error) {
      fail(error);
    }
  };

  const messageColumns = (box: 'inbox' | 'sent') => [
    {
      title: box === 'inbox' ? t('msg.from') : t('msg.recipient'),
      key: 'who',
      render: (_: unknown, m: AgentMessage) => {
        const who = box === 'inbox' ? m.from : m.to;
        return `${who.name}（${who.employeeNo}）`;
      },
    },
    { title: t('msg.body'), dataIndex: 'body', key: 'body' },
    { title: t('msg.time'), key: 'sentAt', render: (_: unknown, m: AgentMessage) => time(m.sentAt) },
    {
      title: t('msg.read'),
      key: 'read',
      render: (_: unknown, m: AgentMessage) =>
        m.readAt ? (
          <Tag>{t('msg.read')}</Tag>
        ) : box === 'inbox' ? (
          <Button size="small" onClick={() => markMessageRead(m.id).then(reload, fail)}>
            {t('msg.markRead')}
          </Button>
        ) : (
          <Tag color="blue">{t('msg.unread')}</Tag>
        ),
    },
  ];

  const helpColumns = [
    {
      title: t('msg.help.from'),
      key: 'from',
      render: (_: unknown, h: HelpRequest) => `${h.from.name}（${h.from.employeeNo}）`,
    },
    { title: t('msg.help.body'), dataIndex: 'body', key: 'body' },
    { title: t('msg.time'), key: 'createdAt', render: (_: unknown, h: HelpRequest) => time(h.createdAt) },
    {
      title: t('msg.help.state'),
      key: 'state',
      render: (_: unknown, h: HelpRequest) =>
        h.takenBy ? (
          <Tag color="green" data-testid={`help-taken-${h.id}`}>
            {t('msg.help.takenBy', { name: h.takenBy.name })}
          </Tag>
        ) : isLead ? (
          <Button size="small" type="primary" onClick={() => takeHelpRequest(h.id).then(reload, fail)}>
            {t('msg.help.respond')}
          </Button>
        ) : (
          <Tag color="orange">{t('msg.help.open')}</Tag>
        ),
    },
  ];

  return (
    <section data-testid="messages-page">
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card size="small" title={t('msg.compose')}>
          <Form form={form} layout="inline" onFinish={onSend} style={{ rowGap: 8 }}>
            <Form.Item name="to" rules={[{ required: true, message: t('msg.required') }]}>
              <Select
                mode="multiple"
                style={{ minWidth: 260 }}
                placeholder={t('msg.toPlaceholder')}
                data-testid="message-to"
                optionFilterProp="label"
                options={colleagues.map((c) => ({ value: c.id, label: `${c.name}（${c.employeeNo}）` }))}
              />
            </Form.Item>
            <Form.Item name="body" rules={[{ required: true, whitespace: true, message: t('msg.required') }]}>
              <Input
                style={{ width: 360 }}
                maxLength={1000}
                placeholder={t('msg.body')}
                data-testid="message-body"
              />
            </Form.Item>
            <Button type="primary" htmlType="submit" data-testid="message-send">
              {t('msg.send')}
            </Button>
          </Form>
        </Card>
        {!isLead && (
          <Card size="small" title={t('msg.help.ask')}>
            <Form form={helpForm} layout="inline" onFinish={onAsk} style={{ rowGap: 8 }}>
              <Form.Item
                name="body"
                rules={[{ required: true, whitespace: true, message: t('msg.required') }]}
              >
                <Input
                  style={{ width: 360 }}
                  maxLength={1000}
                  placeholder={t('msg.help.body')}
                  data-testid="help-body"
                />
              </Form.Item>
              <Form.Item name="callId">
                <Input style={{ width: 180 }} maxLength={64} placeholder={t('msg.help.callId')} />
              </Form.Item>
              <Button danger htmlType="submit" data-testid="help-send">
                {t('msg.help.send')}
              </Button>
            </Form>
          </Card>
        )}
        <Tabs
          items={[
            {
              key: 'inbox',
              label: t('msg.tab.inbox'),
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  data-testid="message-inbox"
                  dataSource={inbox}
                  columns={messageColumns('inbox')}
                  pagination={{ pageSize: 20 }}
                />
              ),
            },
            {
              key: 'sent',
              label: t('msg.tab.sent'),
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  dataSource={sent}
                  columns={messageColumns('sent')}
                  pagination={{ pageSize: 20 }}
                />
              ),
            },
            {
              key: 'help',
              label: t('msg.tab.help'),
              children: (
                <Table
                  rowKey="id"
                  size="small"
                  data-testid="help-list"
                  dataSource={help}
                  columns={helpColumns}
                  pagination={{ pageSize: 20 }}
                />
              ),
            },
          ]}
        />
      </Space>
    </section>
  );
}
