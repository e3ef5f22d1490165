import type { FaultAlarmEvent } from '@switchboard/shared';
import { Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useLive } from '../live/use-live.ts';
import { LEVEL_COLORS, useFaultAlarmMessages } from './fault-alarm-messages.ts';
import { fetchFaultAlarmEvents } from './fault-alarms-api.ts';

const PAGE_SIZE = 20;

/** The alarm history for team leads and administrators, newest first, refreshed on each change. */
export function FaultAlarmHistory() {
  const m = useFaultAlarmMessages();
  const live = useLive();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: FaultAlarmEvent[]; total: number }>({ items: [], total: 0 });
  const [loading, setLoading] = useState(false);

  const load = useCallback(() => {
    setLoading(true);
    fetchFaultAlarmEvents(page, PAGE_SIZE)
      .then(setData, () => undefined)
      .finally(() => setLoading(false));
  }, [page]);

  useEffect(load, [load]);
  useEffect(
    () =>
      live.subscribe({
        onEvent: (envelope) => {
          const e = envelope.event as { type?: unknown; topic?: unknown };
          if (e.type === 'notice' && e.topic === 'fault_alarm') load();
        },
      }),
    [live, load],
  );

  const level = (l: FaultAlarmEvent['toLevel']) =>
    l === null ? '—' : <Tag color={LEVEL_COLORS[l]}>{m(`alarm.level.${l}`)}</Tag>;

  return (
    <Table<FaultAlarmEvent>
      size="small"
      rowKey="id"
      loading={loading}
      dataSource={data.items}
      data-testid="fault-alarm-history"
      pagination={{ current: page, pageSize: PAGE_SIZE, total: data.total, onChange: setPage }}
      columns={[
        {
          title: m('alarm.history.time'),
          dataIndex: 'at',
          render: (at: string) => new Date(at).toLocaleString(),
        },
        { title: m('alarm.history.area'), dataIndex: 'areaName' },
        {
          title: m('alarm.history.kind'),
          dataIndex: 'kind',
          render: (k: FaultAlarmEvent['kind']) => m(`alarm.kind.${k}`),
        },
        {
          title: m('alarm.history.level'),
          key: 'level',
          render: (_, e) => (e.kind === 'cleared' ? level(e.fromLevel) : level(e.toLevel)),
        },
        { title: m('alarm.history.count'), dataIndex: 'count' },
        { title: m('alarm.history.actor'), dataIndex: 'actorName', render: (n: string | null) => n ?? '—' },
      ]}
    />
  );
}
