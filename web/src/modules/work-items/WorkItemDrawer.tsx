import type { WorkItemDetail } from '@switchboard/shared';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Radio,
  Space,
  Tag,
  Timeline,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { NewTicketButton } from '../tickets/NewTicketButton.tsx';
import { STATE_COLORS, time } from './WorkItemsPage.tsx';
import { useWorkItemMessages } from './work-item-messages.ts';
import {
  closeWorkItem,
  convertWorkItem,
  fetchWorkItem,
  replyToWorkItem,
  takeWorkItem,
} from './work-items-api.ts';

type Props = { id: number | null; onClose: () => void; onChanged: () => void };
type ReplyValues = { channel: 'sms' | 'email'; to?: string; body: string };

/** One work item: take it, answer by SMS or e-mail, link a ticket, or close it. */
export function WorkItemDrawer({ id, onClose, onChanged }: Props) {
  const t = useWorkItemMessages();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const [item, setItem] = useState<WorkItemDetail | null>(null);
  const [ticketId, setTicketId] = useState<number | null>(null);
  const [form] = Form.useForm<ReplyValues>();

  const fail = useCallback(
    (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
    [message],
  );
  useEffect(() => {
    setItem(null);
    if (id !== null) fetchWorkItem(id).then(setItem, fail);
  }, [id, fail]);

  const act = (run: () => Promise<WorkItemDetail | unknown>, done = t('wi.done')) =>
    run().then(async () => {
      message.success(done);
      if (id !== null) setItem(await fetchWorkItem(id));
      onChanged();
    }, fail);

  const open = item !== null && (item.state === 'new' || item.state === 'taken');
  const mine = item?.takenBy?.id === me.id;

  return (
    <Drawer open={id !== null} onClose={onClose} size="large" title={item?.subject} destroyOnHidden>
      {item && (
        <div data-testid="work-item-detail">
          <Descriptions column={1} size="small" bordered>
            <Descriptions.Item label={t('wi.channel')}>{t(`wi.channel.${item.channel}`)}</Descriptions.Item>
            <Descriptions.Item label={t('wi.from')}>
              {[item.fromName, item.from, item.contactPhone].filter(Boolean).join(' · ')}
            </Descriptions.Item>
            <Descriptions.Item label={t('wi.customer')}>{item.customer?.name ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('wi.takenBy')}>
              <Tag color={STATE_COLORS[item.state]} data-testid="work-item-state">
                {t(`wi.state.${item.state}`)}
              </Tag>
              {item.takenBy?.name}
            </Descriptions.Item>
            {item.ticketId !== null && (
              <Descriptions.Item label={t('wi.ticket')}>#{item.ticketId}</Descriptions.Item>
            )}
            {item.attachments.length > 0 && (
              <Descriptions.Item label={t('wi.attachments')}>
                {item.attachments.map((a) => `${a.filename} (${Math.ceil(a.size / 1024)} KB)`).join('，')}
              </Descriptions.Item>
            )}
          </Descriptions>
          <pre style={{ whiteSpace: 'pre-wrap', margin: '12px 0' }} data-testid="work-item-body">
            {item.body}
          </pre>
          {open && (
            <Space wrap style={{ marginBottom: 12 }}>
              {!mine && (
                <Button
                  type="primary"
                  data-testid="work-item-take"
                  onClick={() => act(() => takeWorkItem(item.id))}
                >
                  {t('wi.take')}
                </Button>
              )}
              <Button
                data-testid="work-item-resolve"
                onClick={() => act(() => closeWorkItem(item.id, { state: 'resolved' }))}
              >
                {t('wi.resolve')}
              </Button>
              <Button
                danger
                data-testid="work-item-spam"
                onClick={() => act(() => closeWorkItem(item.id, { state: 'spam' }))}
              >
                {t('wi.spam')}
              </Button>
            </Space>
          )}
          {open && (
            <Form<ReplyValues>
              form={form}
              layout="vertical"
              initialValues={{ channel: item.contactPhone ? 'sms' : 'email' }}
              onFinish={(v) =>
                act(
                  () =>
                    replyToWorkItem(item.id, {
                      channel: v.channel,
                      body: v.body,
                      requestId: crypto.randomUUID(),
                      ...(v.to ? { to: v.to } : {}),
                    }).then(() => form.resetFields(['body'])),
                  t('wi.reply.sent'),
                )
              }
            >
              <Form.Item name="channel" label={t('wi.reply')}>
                <Radio.Group data-testid="work-item-reply-channel">
                  <Radio value="sms">{t('wi.reply.sms')}</Radio>
                  <Radio value="email">{t('wi.reply.email')}</Radio>
                </Radio.Group>
              </Form.Item>
              <Form.Item name="to" label={t('wi.reply.to')}>
                <Input data-testid="work-item-reply-to" maxLength={120} />
              </Form.Item>
              <Form.Item name="body" label={t('wi.reply.body')} rules={[{ required: true }]}>
                <Input.TextArea rows={3} maxLength={1000} data-testid="work-item-reply-body" />
              </Form.Item>
              <Button htmlType="submit" data-testid="work-item-reply-send">
                {t('wi.reply')}
              </Button>
            </Form>
          )}
          {open && (
            <Space wrap style={{ margin: '12px 0' }}>
              <NewTicketButton
                {...(item.customer ? { customerId: item.customer.id } : {})}
                {...(item.contactPhone ? { phone: item.contactPhone } : {})}
              />
              <InputNumber<number>
                min={1}
                placeholder={t('wi.convert.ticketId')}
                style={{ width: 200 }}
                value={ticketId}
                onChange={setTicketId}
                data-testid="work-item-ticket-id"
              />
              <Button
                disabled={ticketId === null}
                data-testid="work-item-convert"
                onClick={() => ticketId !== null && act(() => convertWorkItem(item.id, ticketId))}
              >
                {t('wi.convert')}
              </Button>
            </Space>
          )}
          <h4>{t('wi.history')}</h4>
          <Timeline
            items={item.events.map((e) => ({
              key: e.id,
              content: `${time(e.at)} ${e.actor?.name ?? ''} ${e.action}${e.note ? `：${e.note}` : ''}`,
            }))}
          />
        </div>
      )}
    </Drawer>
  );
}
