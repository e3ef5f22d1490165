import type { FollowUpLog } from '@switchboard/shared';
import { App, Button, Card, Input, Segmented, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type FollowUpMessageKey, useFollowUpMessages } from './follow-up-messages.ts';
import { followUpLog, followUpLogExportUrl } from './follow-ups-api.ts';

type Period = 'day' | 'week' | 'month';
type Visit = FollowUpLog['visits'][number];
type Member = FollowUpLog['byMember'][number];
/** Today in China time, the log's calendar. */
const today = () => new Date(Date.now() + 8 * 3_600_000).toISOString().slice(0, 10);

/** 回访日志 (FUP-6): day / week / month counts, completion by member, and every visit. */
export function FollowUpReportsPage() {
  const t = useFollowUpMessages();
  const { message } = App.useApp();
  const [period, setPeriod] = useState<Period>('day');
  const [date, setDate] = useState(today());
  const [log, setLog] = useState<FollowUpLog | null>(null);

  const load = useCallback(async () => {
    try {
      setLog(await followUpLog(period, date));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  }, [period, date, message]);
  useEffect(() => {
    void load();
  }, [load]);

  const counts = (title: string, rows: { key: string; label: string; count: number }[]) => (
    <Card size="small" title={title} style={{ minWidth: 200 }}>
      {rows.map((r) => (
        <div key={r.key}>
          {r.label}：{r.count}
        </div>
      ))}
    </Card>
  );

  return (
    <section data-testid="follow-up-reports-page">
      <Space wrap style={{ marginBottom: 16 }}>
        <Segmented<Period>
          value={period}
          onChange={setPeriod}
          options={(['day', 'week', 'month'] as const).map((p) => ({ value: p, label: t(`fu.rpt.${p}`) }))}
        />
        <Input type="date" value={date} onChange={(e) => setDate(e.target.value || today())} />
        <Button onClick={() => void load()}>{t('fu.rpt.query')}</Button>
        <Button href={followUpLogExportUrl(period, date)} data-testid="follow-up-report-export">
          {t('fu.rpt.export')}
        </Button>
      </Space>
      {log && (
        <Space wrap align="start" style={{ marginBottom: 16 }} data-testid="follow-up-report-summary">
          <Card size="small" title={t('fu.rpt.total')}>
            {log.total}
          </Card>
          <Card size="small" title={t('fu.rpt.completed')}>
            {log.completed}
          </Card>
          <Card size="small" title={t('fu.rpt.overdue')}>
            {log.overdue}
          </Card>
          <Card size="small" title={t('fu.rpt.rate')}>
            {log.completionRate}%
          </Card>
          {counts(t('fu.rpt.byCategory'), log.byCategory)}
          {counts(t('fu.rpt.byOutcome'), log.byOutcome)}
        </Space>
      )}
      <Table<Member>
        rowKey="staffId"
        size="small"
        title={() => t('fu.rpt.byMember')}
        dataSource={log?.byMember ?? []}
        pagination={false}
        style={{ marginBottom: 16 }}
        columns={[
          { title: t('fu.assignee'), dataIndex: 'name' },
          { title: t('fu.rpt.assigned'), dataIndex: 'assigned' },
          { title: t('fu.rpt.completed'), dataIndex: 'completed' },
          { title: t('fu.rpt.overdue'), dataIndex: 'overdue' },
          { title: t('fu.rpt.rate'), render: (_, m) => `${m.completionRate}%` },
        ]}
      />
      <Table<Visit>
        rowKey="id"
        size="small"
        title={() => t('fu.rpt.visits')}
        data-testid="follow-up-log-visits"
        dataSource={log?.visits ?? []}
        pagination={{ pageSize: 50 }}
        columns={[
          { title: t('fu.form.time'), render: (_, v) => new Date(v.at).toLocaleString() },
          { title: t('fu.category'), dataIndex: 'categoryName' },
          { title: t('fu.customer'), dataIndex: 'customerName' },
          { title: t('fu.phone'), dataIndex: 'phone' },
          { title: t('fu.form.channels'), render: (_, v) => v.channels.join('、') },
          {
            title: t('fu.form.gift'),
            render: (_, v) => (v.giftWilling === null ? '' : t(v.giftWilling ? 'fu.gift.yes' : 'fu.gift.no')),
          },
          {
            title: t('fu.form.outcome'),
            render: (_, v) =>
              t(`fu.status.${v.outcome === 'not_reached' ? 'unreachable' : v.outcome}` as FollowUpMessageKey),
          },
          { title: t('fu.form.result'), dataIndex: 'result', ellipsis: true },
          { title: t('fu.assignee'), dataIndex: 'staffName' },
        ]}
      />
    </section>
  );
}
