import type { IvrAnalytics, IvrFlow, IvrNodeStats, IvrServiceStats } from '@switchboard/shared';
import { App as AntApp, Button, Card, DatePicker, Select, Space, Statistic, Table } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { useLocalMessages } from '../../i18n/local-messages.ts';
import { IvrAgentOutcomesTable } from './IvrAgentOutcomesTable.tsx';
import { IvrSankey } from './IvrSankey.tsx';
import { fetchAnalytics, fetchFlows } from './ivr-api.ts';
import { IVR_MESSAGES } from './ivr-messages.ts';

const pct = (r: number) => `${(r * 100).toFixed(1)}%`;

/** 业务报表 → IVR 分析 (IVR-6): per node and per service figures over a period, and the menu paths. */
export function IvrAnalyticsPage() {
  const t = useLocalMessages(IVR_MESSAGES);
  const { message } = AntApp.useApp();
  const [flows, setFlows] = useState<IvrFlow[]>([]);
  const [flowId, setFlowId] = useState<number | null>(null);
  const [period, setPeriod] = useState<[Dayjs, Dayjs]>([
    dayjs().subtract(7, 'day').startOf('day'),
    dayjs().endOf('day'),
  ]);
  const [data, setData] = useState<IvrAnalytics | null>(null);

  useEffect(() => {
    fetchFlows().then(
      (r) => {
        setFlows(r.items);
        setFlowId((id) => id ?? r.items[0]?.id ?? null);
      },
      () => setFlows([]),
    );
  }, []);

  const load = async () => {
    if (flowId === null) return;
    try {
      setData(await fetchAnalytics(flowId, period[0].toISOString(), period[1].toISOString()));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: reload when the flow is first known
  useEffect(() => {
    void load();
  }, [flowId]);

  return (
    <section data-testid="ivr-analytics-page">
      <Card size="small" title={t('analytics')}>
        <Space wrap>
          <span>{t('flow')}</span>
          <Select
            style={{ width: 240 }}
            value={flowId}
            onChange={setFlowId}
            options={flows.map((f) => ({ value: f.id, label: `${f.name} (${f.accessCode ?? '-'})` }))}
            data-testid="ivr-analytics-flow"
          />
          <span>{t('period')}</span>
          <DatePicker.RangePicker
            showTime
            value={period}
            onChange={(v) => v?.[0] && v[1] && setPeriod([v[0], v[1]])}
          />
          <Button type="primary" onClick={load} data-testid="ivr-analytics-load">
            OK
          </Button>
        </Space>
      </Card>
      {data && (
        <>
          <Card size="small" style={{ marginTop: 12 }}>
            <Space size="large" wrap>
              <Statistic title={t('calls')} value={data.calls} data-testid="ivr-analytics-calls" />
              {(['self_served', 'abandoned_ivr', 'abandoned_queue', 'transferred_agent'] as const).map(
                (k) => (
                  <Statistic key={k} title={t(`exit.${k}`)} value={data.exits[k] ?? 0} />
                ),
              )}
            </Space>
          </Card>
          <Card size="small" title={t('service')} style={{ marginTop: 12 }}>
            <Table<IvrServiceStats>
              size="small"
              rowKey="service"
              pagination={false}
              dataSource={data.services}
              columns={[
                { title: t('service'), dataIndex: 'service' },
                { title: t('calls'), dataIndex: 'calls' },
                { title: t('selfServiceRate'), render: (_, s) => pct(s.selfServiceRate) },
                { title: t('transferRate'), render: (_, s) => pct(s.transferRate) },
              ]}
            />
          </Card>
          <Card size="small" title={t('nodes')} style={{ marginTop: 12 }}>
            <Table<IvrNodeStats>
              size="small"
              rowKey="nodeId"
              pagination={false}
              dataSource={data.nodes}
              data-testid="ivr-analytics-nodes"
              columns={[
                { title: t('nodeId'), dataIndex: 'nodeId' },
                { title: t('name'), dataIndex: 'name' },
                { title: t('visits'), dataIndex: 'visits' },
                {
                  title: t('nodeExits'),
                  render: (_, n) =>
                    Object.entries(n.exits)
                      .map(([k, v]) => `${k}: ${v}`)
                      .join('，'),
                },
                { title: t('timeouts'), dataIndex: 'timeouts' },
                { title: t('errors'), dataIndex: 'errors' },
                { title: t('abandonRate'), render: (_, n) => pct(n.abandonRate) },
                { title: t('meanTime'), render: (_, n) => (n.meanTimeMs / 1000).toFixed(1) },
              ]}
            />
          </Card>
          {data.byAgent.length > 0 && <IvrAgentOutcomesTable analytics={data} />}
          <Card size="small" title={t('tree')} style={{ marginTop: 12 }}>
            <IvrSankey analytics={data} />
          </Card>
        </>
      )}
    </section>
  );
}
