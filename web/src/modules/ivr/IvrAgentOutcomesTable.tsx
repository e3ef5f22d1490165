import type { IvrAgentOutcomes, IvrAnalytics } from '@switchboard/shared';
import { Card, Table } from 'antd';
import { useLocalMessages } from '../../i18n/local-messages.ts';
import { IVR_MESSAGES } from './ivr-messages.ts';

const EXIT_KEYS = [
  'self_served',
  'abandoned_ivr',
  'abandoned_queue',
  'transferred_agent',
  'unfinished',
] as const;
type ExitKey = (typeof EXIT_KEYS)[number];
const isExitKey = (k: string): k is ExitKey => (EXIT_KEYS as readonly string[]).includes(k);

/**
 * 转IVR by agent (CTI-10): per agent, the calls they sent into the flow and how each ended — one
 * column per self-service node reached (a survey's ratings) or exit class.
 */
export function IvrAgentOutcomesTable({ analytics }: { analytics: IvrAnalytics }) {
  const t = useLocalMessages(IVR_MESSAGES);
  const keys = [...new Set(analytics.byAgent.flatMap((a) => Object.keys(a.outcomes)))];
  const label = (key: string) =>
    analytics.nodes.find((n) => n.nodeId === key)?.name ?? (isExitKey(key) ? t(`exit.${key}`) : key);
  return (
    <Card size="small" title={t('byAgent')} extra={t('byAgentHint')} style={{ marginTop: 12 }}>
      <Table<IvrAgentOutcomes>
        size="small"
        rowKey="staffId"
        pagination={false}
        dataSource={analytics.byAgent}
        data-testid="ivr-analytics-by-agent"
        columns={[
          { title: t('employeeNo'), dataIndex: 'employeeNo' },
          { title: t('staffName'), dataIndex: 'name' },
          { title: t('transferredIn'), dataIndex: 'sessions' },
          ...keys.map((k) => ({
            key: k,
            title: label(k),
            render: (_: unknown, a: IvrAgentOutcomes) => a.outcomes[k] ?? 0,
          })),
        ]}
      />
    </Card>
  );
}
