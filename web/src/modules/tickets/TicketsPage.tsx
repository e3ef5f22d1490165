import type { Ticket, TicketScope } from '@switchboard/shared';
import { App, Button, Space, Table, Tabs, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useCallback, useEffect, useState } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { useLive } from '../live/use-live.ts';
import { TicketDetailDrawer } from './TicketDetailDrawer.tsx';
import { TicketFormDrawer } from './TicketFormDrawer.tsx';
import { type TicketMessageKey, useTicketMessages } from './ticket-messages.ts';
import { listTickets } from './tickets-api.ts';
import { WorkflowsAdmin } from './WorkflowsAdmin.tsx';

const CENTRE_READERS = ['team_lead', 'duty_lead', 'admin', 'qa'];

/** 工单处理: my open items, my department's tickets, all tickets (by role), workflow settings (admin). */
export function TicketsPage() {
  const t = useTicketMessages();
  const me = useCurrentUser();
  const isDept = me.roles.some((r) => r === 'dept_supervisor' || r === 'dept_handler');
  const canCreate = me.roles.some((r) => ['agent', 'team_lead', 'duty_lead', 'admin'].includes(r));
  const tabs: TicketScope[] = [
    'mine',
    ...(isDept ? (['department'] as const) : []),
    ...(me.roles.some((r) => CENTRE_READERS.includes(r)) ? (['all'] as const) : []),
  ];
  const [scope, setScope] = useState<string>(tabs[0] ?? 'mine');
  const [creating, setCreating] = useState(false);
  const [openId, setOpenId] = useState<number | null>(null);
  const [version, setVersion] = useState(0);
  const reload = useCallback(() => setVersion((v) => v + 1), []);
  const { subscribe } = useLive();
  useEffect(
    () =>
      subscribe({
        onEvent: (envelope) => {
          const event = envelope.event as { type?: string; topic?: string };
          if (event.type === 'notice' && (event.topic === 'ticket' || event.topic === 'ticket_alert'))
            reload();
        },
      }),
    [subscribe, reload],
  );

  const items = [
    ...tabs.map((s) => ({
      key: s,
      label: t(`tk.tab.${s}` as TicketMessageKey),
      children: <TicketTable scope={s} version={version} onOpen={setOpenId} />,
    })),
    ...(me.roles.includes('admin')
      ? [{ key: 'workflows', label: t('tk.tab.workflows'), children: <WorkflowsAdmin /> }]
      : []),
  ];
  return (
    <section data-testid="tickets-page">
      <Tabs
        activeKey={scope}
        onChange={setScope}
        items={items}
        tabBarExtraContent={
          <Space>
            <Button onClick={reload}>{t('tk.refresh')}</Button>
            {canCreate && (
              <Button type="primary" onClick={() => setCreating(true)} data-testid="tickets-new">
                {t('tk.new')}
              </Button>
            )}
          </Space>
        }
      />
      <TicketFormDrawer
        open={creating}
        prefill={{}}
        onClose={() => setCreating(false)}
        onCreated={(x) => {
          reload();
          setOpenId(x.id);
        }}
      />
      <TicketDetailDrawer ticketId={openId} onClose={() => setOpenId(null)} onChanged={reload} />
    </section>
  );
}

function TicketTable(props: { scope: TicketScope; version: number; onOpen: (id: number) => void }) {
  const t = useTicketMessages();
  const { message } = App.useApp();
  const [rows, setRows] = useState<Ticket[] | null>(null);
  useEffect(() => {
    void props.version;
    listTickets(props.scope)
      .then((p) => setRows(p.items))
      .catch((e: unknown) => {
        setRows([]);
        message.error(e instanceof Error ? e.message : String(e));
      });
  }, [props.scope, props.version, message]);
  const label = (k: string) => t(k as TicketMessageKey);
  const columns: ColumnsType<Ticket> = [
    {
      title: t('tk.number'),
      dataIndex: 'number',
      render: (n: string, x) => (
        <Button type="link" size="small" onClick={() => props.onOpen(x.id)} data-testid="ticket-open">
          {n}
        </Button>
      ),
    },
    {
      title: t('tk.kind'),
      dataIndex: 'kind',
      render: (k: string, x) => `${label(`tk.kind.${k}`)} / ${label(`tk.cat.${x.category}`)}`,
    },
    { title: t('tk.phone'), dataIndex: 'phone' },
    { title: t('tk.reason'), dataIndex: 'reason', ellipsis: true },
    { title: t('tk.department'), dataIndex: 'departmentName', render: (v: string | null) => v ?? '—' },
    { title: t('tk.responsible'), dataIndex: 'responsibleName', render: (v: string | null) => v ?? '—' },
    {
      title: t('tk.state'),
      dataIndex: 'state',
      render: (s: string, x) => (
        <>
          <Tag color="blue">{label(`tk.state.${s}`)}</Tag>
          {x.overdue && <Tag color="red">{t('tk.overdue')}</Tag>}
        </>
      ),
    },
    {
      title: t('tk.deadline'),
      dataIndex: 'deadlineAt',
      render: (v: string | null) => (v ? new Date(v).toLocaleString() : '—'),
    },
  ];
  return (
    <Table<Ticket>
      data-testid={`tickets-table-${props.scope}`}
      rowKey="id"
      size="small"
      loading={rows === null}
      dataSource={rows ?? []}
      columns={columns}
      locale={{ emptyText: t('tk.empty') }}
      pagination={{ pageSize: 20 }}
    />
  );
}
