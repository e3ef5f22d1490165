import type { FeedbackLog, Ticket, TicketSummary } from '@switchboard/shared';
import { App, Button, Card, Input, Segmented, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type TicketMessageKey, useTicketMessages } from './ticket-messages.ts';
import { feedbackLog, feedbackLogExportUrl, ticketSummary } from './tickets-api.ts';

type Period = 'day' | 'week' | 'month';
const today = () => new Date().toISOString().slice(0, 10);

/** 投诉反馈日志: summary by type / department / state, and the day / week / month feedback log (CPL-9). */
export function TicketReportsPage() {
  const t = useTicketMessages();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<Period>('day');
  const [date, setDate] = useState(today());
  const [log, setLog] = useState<FeedbackLog | null>(null);
  const [summary, setSummary] = useState<TicketSummary | null>(null);
  const label = (k: string) => t(k as TicketMessageKey);

  const load = useCallback(async () => {
    try {
      const l = await feedbackLog(period, date);
      setLog(l);
      setSummary(await ticketSummary({ from: l.from, to: l.to }));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  }, [period, date, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const countTable = (
    title: string,
    rows: { key: string; label: string; count: number }[],
    prefix: string,
  ) => (
    <Card size="small" title={title} style={{ minWidth: 220 }}>
      {rows.map((r) => (
        <div key={r.key}>
          {prefix ? label(`${prefix}${r.key}`) : r.label}：{r.count}
        </div>
      ))}
    </Card>
  );

  return (
    <section data-testid="ticket-reports-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<Period>
          value={period}
          onChange={setPeriod}
          options={[
            { value: 'day', label: t('tk.rpt.day') },
            { value: 'week', label: t('tk.rpt.week') },
            { value: 'month', label: t('tk.rpt.month') },
          ]}
        />
        <Input
          type="date"
          value={date}
          onChange={(e) => setDate(e.target.value || today())}
          data-testid="ticket-report-date"
        />
        <Button onClick={() => void load()}>{t('tk.rpt.query')}</Button>
        <Button href={feedbackLogExportUrl(period, date)} data-testid="ticket-report-export">
          {t('tk.rpt.export')}
        </Button>
      </Space>
      {summary && (
        <Space wrap align="start" style={{ marginBottom: 16 }} data-testid="ticket-report-summary">
          <Card size="small" title={t('tk.rpt.total')}>
            {summary.total}
          </Card>
          {countTable(t('tk.category'), summary.byCategory, 'tk.cat.')}
          {countTable(t('tk.department'), summary.byDepartment, '')}
          {countTable(t('tk.state'), summary.byState, 'tk.state.')}
        </Space>
      )}
      <Table<Ticket>
        rowKey="id"
        size="small"
        data-testid="ticket-feedback-log"
        dataSource={log?.items ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('tk.number'), dataIndex: 'number' },
          {
            title: t('tk.occurredAt'),
            dataIndex: 'createdAt',
            render: (v: string) => new Date(v).toLocaleString(),
          },
          { title: t('tk.category'), dataIndex: 'category', render: (c: string) => label(`tk.cat.${c}`) },
          { title: t('tk.phone'), dataIndex: 'phone' },
          { title: t('tk.name'), dataIndex: 'customerName' },
          { title: t('tk.reason'), dataIndex: 'reason', ellipsis: true },
          { title: t('tk.department'), dataIndex: 'departmentName' },
          {
            title: t('tk.state'),
            dataIndex: 'state',
            render: (s: string) => <Tag>{label(`tk.state.${s}`)}</Tag>,
          },
          { title: t('tk.answer'), dataIndex: 'answer', ellipsis: true },
          {
            title: t('tk.satisfaction'),
            dataIndex: 'satisfaction',
            render: (s: string | null) => (s ? label(`tk.sat.${s}`) : ''),
          },
        ]}
      />
    </section>
  );
}
