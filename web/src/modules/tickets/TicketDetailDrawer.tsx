import {
  categoriesOfKind,
  REPLY_CHANNELS,
  SATISFACTIONS,
  type TicketCommandName,
  type TicketDetail,
} from '@switchboard/shared';
import {
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useContext, useEffect, useState } from 'react';
import { SoftphoneContext } from '../softphone/softphone-context.ts';
import { FeedbackFormModal } from './FeedbackFormModal.tsx';
import { type TicketMessageKey, useTicketMessages } from './ticket-messages.ts';
import { type DepartmentOption, getTicket, listDepartments, ticketCommand } from './tickets-api.ts';

const fmt = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '—');

/** One ticket: its fields, its history with times (CPL-6) and the actions its state and my role allow. */
export function TicketDetailDrawer(props: {
  ticketId: number | null;
  onClose: () => void;
  onChanged: () => void;
}) {
  const t = useTicketMessages();
  const { message } = App.useApp();
  const [ticket, setTicket] = useState<TicketDetail | null>(null);
  const [departments, setDepartments] = useState<DepartmentOption[]>([]);
  const [busy, setBusy] = useState(false);
  const [printing, setPrinting] = useState(false);
  const softphone = useContext(SoftphoneContext);
  const { ticketId } = props;

  useEffect(() => {
    setTicket(null);
    if (ticketId === null) return;
    getTicket(ticketId)
      .then(setTicket)
      .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)));
  }, [ticketId, message]);
  useEffect(() => {
    listDepartments()
      .then(setDepartments)
      .catch(() => setDepartments([]));
  }, []);

  const act = async (action: TicketCommandName, body: Record<string, unknown>) => {
    if (!ticket) return;
    setBusy(true);
    try {
      setTicket(await ticketCommand(ticket.id, action, body));
      message.success(t('tk.saved'));
      props.onChanged();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const can = (a: TicketCommandName) => ticket?.allowedActions.includes(a) ?? false;
  const label = (k: string) => t(k as TicketMessageKey);

  return (
    <Drawer
      open={ticketId !== null}
      onClose={props.onClose}
      size="large"
      title={ticket ? `${t('tk.detail')} ${ticket.number}` : t('tk.detail')}
      data-testid="ticket-detail"
    >
      {ticket && (
        <>
          <Space style={{ marginBottom: 12 }}>
            <Tag color="blue" data-testid="ticket-state">
              {label(`tk.state.${ticket.state}`)}
            </Tag>
            {ticket.overdue && <Tag color="red">{t('tk.overdue')}</Tag>}
            <Button onClick={() => setPrinting(true)} data-testid="ticket-print">
              {t('tk.print')}
            </Button>
          </Space>
          <Descriptions size="small" column={2} bordered>
            <Descriptions.Item label={t('tk.kind')}>{label(`tk.kind.${ticket.kind}`)}</Descriptions.Item>
            <Descriptions.Item label={t('tk.category')}>
              {label(`tk.cat.${ticket.category}`)}
            </Descriptions.Item>
            <Descriptions.Item label={t('tk.phone')}>{ticket.phone}</Descriptions.Item>
            <Descriptions.Item label={t('tk.name')}>{ticket.customerName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('tk.reason')} span={2}>
              {ticket.reason}
            </Descriptions.Item>
            <Descriptions.Item label={t('tk.owner')}>{ticket.ownerName}</Descriptions.Item>
            <Descriptions.Item label={t('tk.department')}>{ticket.departmentName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('tk.responsible')}>{ticket.responsibleName ?? '—'}</Descriptions.Item>
            <Descriptions.Item label={t('tk.deadline')}>{fmt(ticket.deadlineAt)}</Descriptions.Item>
            {ticket.validity && (
              <Descriptions.Item label={t('tk.validity')}>
                {label(`tk.validity.${ticket.validity}`)}
              </Descriptions.Item>
            )}
            {ticket.invalidReason && (
              <Descriptions.Item label={t('tk.invalidReason')}>{ticket.invalidReason}</Descriptions.Item>
            )}
            {ticket.answer && (
              <Descriptions.Item label={t('tk.answer')} span={2}>
                <span data-testid="ticket-answer">{ticket.answer}</span>
              </Descriptions.Item>
            )}
            {ticket.satisfaction && (
              <Descriptions.Item label={t('tk.satisfaction')}>
                {label(`tk.sat.${ticket.satisfaction}`)}
              </Descriptions.Item>
            )}
          </Descriptions>

          <div style={{ marginTop: 16 }}>
            {can('dispatch') && (
              <Form
                layout="inline"
                onFinish={(v: { departmentId: number }) => act('dispatch', v)}
                data-testid="ticket-dispatch-form"
              >
                <Form.Item name="departmentId" rules={[{ required: true, message: t('tk.required') }]}>
                  <Select
                    data-testid="ticket-dispatch-department"
                    style={{ width: 200 }}
                    placeholder={t('tk.department')}
                    options={departments.map((d) => ({ value: d.id, label: d.name }))}
                  />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="ticket-dispatch">
                  {t('tk.action.dispatch')}
                </Button>
              </Form>
            )}
            {can('review') && <ReviewForm ticket={ticket} busy={busy} onSubmit={(v) => act('review', v)} />}
            {can('finish') && (
              <Form layout="vertical" onFinish={(v: { answer: string }) => act('finish', v)}>
                <Form.Item
                  name="answer"
                  label={t('tk.answer')}
                  rules={[{ required: true, message: t('tk.required') }]}
                >
                  <Input.TextArea rows={3} maxLength={2000} data-testid="ticket-answer-input" />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="ticket-finish">
                  {t('tk.action.finish')}
                </Button>
              </Form>
            )}
            {can('reply') && (
              <Form
                layout="vertical"
                initialValues={{ channel: 'phone' }}
                onFinish={(v: Record<string, unknown>) => act('reply', { ...v, note: v.note || null })}
              >
                {softphone?.takesCalls && (
                  <Button
                    style={{ marginBottom: 12 }}
                    data-testid="ticket-call"
                    onClick={() =>
                      void softphone.run({ path: 'dial', body: { target: { number: ticket.phone } } })
                    }
                  >
                    {t('tk.callCustomer')} {ticket.phone}
                  </Button>
                )}
                <Form.Item name="channel" label={t('tk.channel')}>
                  <Radio.Group
                    options={REPLY_CHANNELS.map((c) => ({ value: c, label: t(`tk.channel.${c}`) }))}
                  />
                </Form.Item>
                <Form.Item
                  name="satisfaction"
                  label={t('tk.satisfaction')}
                  rules={[{ required: true, message: t('tk.required') }]}
                >
                  <Radio.Group
                    data-testid="ticket-satisfaction"
                    options={SATISFACTIONS.map((s) => ({ value: s, label: t(`tk.sat.${s}`) }))}
                  />
                </Form.Item>
                <Form.Item name="note" label={t('tk.replyNote')}>
                  <Input.TextArea rows={2} maxLength={1000} />
                </Form.Item>
                <Button type="primary" htmlType="submit" loading={busy} data-testid="ticket-reply">
                  {t('tk.action.reply')}
                </Button>
              </Form>
            )}
            {can('close') && (
              <Button onClick={() => act('close', {})} loading={busy} data-testid="ticket-close">
                {t('tk.action.close')}
              </Button>
            )}
          </div>

          <Typography.Title level={5} style={{ marginTop: 24 }}>
            {t('tk.history')}
          </Typography.Title>
          <Timeline
            data-testid="ticket-history"
            items={ticket.events.map((e) => ({
              key: e.id,
              content: (
                <span data-testid="ticket-history-item">
                  {fmt(e.at)} · {label(`tk.action.${e.action}`)} · {e.actorName ?? '系统'} →{' '}
                  {label(`tk.state.${e.toState}`)}
                  {e.note ? `（${e.note}）` : ''}
                </span>
              ),
            }))}
          />
          <FeedbackFormModal ticket={ticket} open={printing} onClose={() => setPrinting(false)} />
        </>
      )}
    </Drawer>
  );
}

function ReviewForm(props: {
  ticket: TicketDetail;
  busy: boolean;
  onSubmit: (v: Record<string, unknown>) => void;
}) {
  const t = useTicketMessages();
  const [form] = Form.useForm();
  const valid = Form.useWatch('valid', form) as boolean | undefined;
  return (
    <Form
      form={form}
      layout="vertical"
      initialValues={{ valid: true, category: props.ticket.category }}
      data-testid="ticket-review-form"
      onFinish={(v: { valid: boolean; category: string; deadline?: string; note?: string }) =>
        props.onSubmit({
          valid: v.valid,
          category: v.category,
          ...(v.deadline ? { deadlineAt: new Date(v.deadline).toISOString() } : {}),
          note: v.note || null,
        })
      }
    >
      <Form.Item name="valid" label={t('tk.validity')}>
        <Radio.Group
          data-testid="ticket-review-valid"
          options={[
            { value: true, label: t('tk.validity.valid') },
            { value: false, label: t('tk.validity.invalid') },
          ]}
        />
      </Form.Item>
      <Form.Item name="category" label={t('tk.review.amend')}>
        <Select
          options={categoriesOfKind(props.ticket.kind).map((c) => ({
            value: c,
            label: t(`tk.cat.${c}` as TicketMessageKey),
          }))}
        />
      </Form.Item>
      <Form.Item name="deadline" label={t('tk.deadline')}>
        <Input type="datetime-local" data-testid="ticket-review-deadline" />
      </Form.Item>
      <Form.Item
        name="note"
        label={t('tk.invalidReason')}
        rules={valid === false ? [{ required: true, message: t('tk.required') }] : []}
      >
        <Input.TextArea rows={2} maxLength={1000} />
      </Form.Item>
      <Button type="primary" htmlType="submit" loading={props.busy} data-testid="ticket-review">
        {t('tk.action.review')}
      </Button>
    </Form>
  );
}
