import {
  WORK_ITEM_CHANNELS,
  WORK_ITEM_STATES,
  type WorkItem,
  type WorkItemChannelName,
  type WorkItemList,
  type WorkItemState,
} from '@switchboard/shared';
import { App, Button, Select, Space, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLive } from '../live/use-live.ts';
import { WorkItemDrawer } from './WorkItemDrawer.tsx';
import { useWorkItemMessages, type WorkItemMessageKey } from './work-item-messages.ts';
import { fetchWorkItems } from './work-items-api.ts';

export const STATE_COLORS: Record<WorkItemState, string> = {
  new: 'blue',
  taken: 'orange',
  resolved: 'green',
  converted: 'purple',
  spam: 'default',
};
export const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString() : '');

/** 工作项 (MSG-5): e-mail, web form, fax, voicemail and failed callbacks waiting for an agent. */
export function WorkItemsPage() {
  const t = useWorkItemMessages();
  const live = useLive();
  const { message } = App.useApp();
  const [state, setState] = useState<WorkItemState | 'all'>('new');
  const [channel, setChannel] = useState<WorkItemChannelName | undefined>();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<WorkItemList | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);

  const load = useCallback(() => {
    fetchWorkItems({ state: state === 'all' ? undefined : state, channel, page }).then(
      setData,
      (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
    );
  }, [state, channel, page, message]);
  useEffect(load, [load]);
  useEffect(
    () =>
      live.subscribe({
        onEvent: (envelope) => {
          const e = envelope.event as { type?: unknown; topic?: unknown };
          if (e.type === 'notice' && e.topic === 'work_item') load();
        },
      }),
    [live, load],
  );

  const counts = data?.counts;
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;
  const tabs = [
    ...WORK_ITEM_STATES.map((s) => ({
      key: s,
      label: <span data-testid={`work-items-tab-${s}`}>{`${t(`wi.state.${s}`)} (${counts?.[s] ?? 0})`}</span>,
    })),
    { key: 'all', label: <span data-testid="work-items-tab-all">{`${t('wi.all')} (${total})`}</span> },
  ];

  return (
    <section data-testid="work-items-page">
      <Space style={{ marginBottom: 8 }}>
        <span>{t('wi.channel')}</span>
        <Select
          allowClear
          style={{ width: 160 }}
          value={channel}
          placeholder={t('wi.all')}
          data-testid="work-items-channel"
          onChange={(v: WorkItemChannelName | undefined) => {
            setChannel(v);
            setPage(1);
          }}
          options={WORK_ITEM_CHANNELS.map((c) => ({ value: c, label: t(`wi.channel.${c}`) }))}
        />
      </Space>
      <Tabs
        activeKey={state}
        items={tabs}
        onChange={(k) => {
          setState(k as WorkItemState | 'all');
          setPage(1);
        }}
      />
      <Table<WorkItem>
        rowKey="id"
        size="small"
        dataSource={data?.items ?? []}
        onRow={(r) => ({ 'data-testid': `work-item-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('wi.createdAt'), dataIndex: 'createdAt', render: time, width: 170 },
          {
            title: t('wi.channel'),
            dataIndex: 'channel',
            width: 100,
            render: (c: WorkItemChannelName) => t(`wi.channel.${c}` as WorkItemMessageKey),
          },
          { title: t('wi.from'), render: (_, r) => r.fromName ?? r.from },
          { title: t('wi.subject'), dataIndex: 'subject' },
          { title: t('wi.customer'), render: (_, r) => r.customer?.name ?? '' },
          {
            title: t('wi.state.taken'),
            render: (_, r) => (
              <Space>
                <Tag color={STATE_COLORS[r.state]}>{t(`wi.state.${r.state}`)}</Tag>
                {r.takenBy?.name}
              </Space>
            ),
          },
          {
            title: '',
            width: 80,
            render: (_, r) => (
              <Button size="small" data-testid={`work-item-open-${r.id}`} onClick={() => setOpenId(r.id)}>
                {t('wi.open')}
              </Button>
            ),
          },
        ]}
      />
      <WorkItemDrawer id={openId} onClose={() => setOpenId(null)} onChanged={load} />
    </section>
  );
}
