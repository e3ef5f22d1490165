import { AudioOutlined, PauseCircleOutlined } from '@ant-design/icons';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { HTMLAttributes } from 'react';
import type { WallCall, WallLine, WallQueue } from './wall-api.ts';
import { formatDuration } from './wall-format.ts';
import { useWallI18n, type WallMessageKey } from './wall-messages.ts';

const PHASES = ['ivr', 'queued', 'offering', 'voicemail', 'releasing', 'connected', 'ended'];
const ROLES = ['customer', 'outside', 'agent', 'consult', 'supervisor'];
const DIRECTIONS = ['inbound', 'outbound', 'internal'];

/** Queues with waiting calls and the longest wait. */
export function QueueTable({ queues }: { queues: WallQueue[] }) {
  const { t } = useWallI18n();
  const columns: ColumnsType<WallQueue> = [
    { key: 'name', title: t('wall.queue.name'), dataIndex: 'name', ellipsis: true },
    { key: 'waiting', title: t('wall.queue.waiting'), dataIndex: 'waiting', width: 72, align: 'right' },
    { key: 'callbacks', title: t('wall.queue.callbacks'), dataIndex: 'callbacks', width: 72, align: 'right' },
    {
      key: 'longest',
      title: t('wall.queue.longestWait'),
      width: 90,
      align: 'right',
      render: (_, q) => (
        <span className={q.longestWaitSeconds >= 60 ? 'sb-wall__alert' : undefined}>
          {q.waiting > 0 ? formatDuration(q.longestWaitSeconds) : '—'}
        </span>
      ),
    },
  ];
  return (
    <Table<WallQueue>
      size="small"
      rowKey="queueId"
      columns={columns}
      dataSource={queues}
      pagination={false}
      onRow={(q) => ({ 'data-testid': `wall-queue-${q.queueId}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}

export interface CallRow extends WallCall {
  liveTalkSeconds: number;
  queueName: string | null;
  agentLabels: string[];
}

/** Calls in progress: direction, caller, callee, queue, agents, talk time, hold, recording. */
export function CallsTable({ calls }: { calls: CallRow[] }) {
  const { t } = useWallI18n();
  const columns: ColumnsType<CallRow> = [
    {
      key: 'direction',
      title: t('wall.call.direction'),
      width: 64,
      render: (_, c) =>
        DIRECTIONS.includes(c.direction) ? t(`wall.call.${c.direction}` as WallMessageKey) : c.direction,
    },
    { key: 'caller', title: t('wall.call.caller'), dataIndex: 'callerNumber', ellipsis: true },
    { key: 'callee', title: t('wall.call.callee'), dataIndex: 'calledNumber', ellipsis: true },
    { key: 'queue', title: t('wall.call.queue'), render: (_, c) => c.queueName ?? '—', ellipsis: true },
    {
      key: 'phase',
      title: t('wall.call.phase'),
      width: 70,
      render: (_, c) => (PHASES.includes(c.phase) ? t(`wall.phase.${c.phase}` as WallMessageKey) : c.phase),
    },
    {
      key: 'agents',
      title: t('wall.call.agents'),
      render: (_, c) => (c.agentLabels.length > 0 ? c.agentLabels.join(', ') : '—'),
      ellipsis: true,
    },
    {
      key: 'talk',
      title: t('wall.call.talkTime'),
      width: 80,
      align: 'right',
      render: (_, c) => (c.phase === 'connected' ? formatDuration(c.liveTalkSeconds) : '—'),
    },
    {
      key: 'flags',
      title: `${t('wall.call.onHold')} / ${t('wall.call.recording')}`,
      width: 92,
      render: (_, c) => (
        <span className="sb-wall__flags">
          {c.onHold && c.phase === 'connected' ? (
            <Tag color="magenta" icon={<PauseCircleOutlined />}>
              {t('wall.call.onHold')}
            </Tag>
          ) : null}
          {c.recording ? (
            <Tag color="red" icon={<AudioOutlined />}>
              {t('wall.call.recording')}
            </Tag>
          ) : null}
        </span>
      ),
    },
  ];
  return (
    <Table<CallRow>
      size="small"
      rowKey="callId"
      columns={columns}
      dataSource={calls}
      pagination={calls.length > 20 ? { pageSize: 20, size: 'small' } : false}
      locale={{ emptyText: t('wall.noCalls') }}
      onRow={(c) => ({ 'data-testid': `wall-call-${c.callId}` }) as HTMLAttributes<HTMLElement>}
    />
  );
}

export interface LineRow extends WallLine {
  liveTalkSeconds: number;
}

/** Trunk (customer, outside) and extension (agent, supervisor) lines in use. */
export function LinesTable({ lines }: { lines: LineRow[] }) {
  const { t } = useWallI18n();
  const columns: ColumnsType<LineRow> = [
    {
      key: 'kind',
      title: t('wall.line.kind'),
      width: 70,
      render: (_, l) => (
        <Tag color={l.kind === 'trunk' ? 'geekblue' : 'cyan'}>
          {t(l.kind === 'trunk' ? 'wall.line.trunk' : 'wall.line.extension')}
        </Tag>
      ),
    },
    { key: 'number', title: t('wall.line.number'), dataIndex: 'number', ellipsis: true },
    {
      key: 'role',
      title: t('wall.line.role'),
      width: 80,
      render: (_, l) => (ROLES.includes(l.role) ? t(`wall.role.${l.role}` as WallMessageKey) : l.role),
    },
    {
      key: 'connected',
      title: t('wall.line.connected'),
      width: 64,
      render: (_, l) => (l.connected ? t('wall.call.yes') : t('wall.call.no')),
    },
    {
      key: 'talk',
      title: t('wall.line.talkTime'),
      width: 72,
      align: 'right',
      render: (_, l) => (l.connected ? formatDuration(l.liveTalkSeconds) : '—'),
    },
  ];
  return (
    <Table<LineRow>
      size="small"
      rowKey="channelId"
      columns={columns}
      dataSource={lines}
      pagination={lines.length > 20 ? { pageSize: 20, size: 'small' } : false}
      locale={{ emptyText: t('wall.noLines') }}
    />
  );
}
