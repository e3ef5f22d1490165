import {
  CALLBACK_STATES,
  type CallbackList as CallbackPage,
  type CallbackRequest,
  type CallbackState,
} from '@switchboard/shared';
import { App, Button, Popconfirm, Radio, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { useLiveData } from '../live/use-live-data.ts';
import { isNotice } from '../live/use-live-refresh.ts';
import { cancelCallback, fetchCallbacks } from './voicemail-api.ts';
import { LEAD_ROLES, time } from './voicemail-format.ts';
import { useVoicemailMessages } from './voicemail-messages.ts';

const isCallbackNotice = isNotice('callback');
const STATE_COLORS: Record<CallbackState, string> = {
  pending: 'blue',
  connected: 'green',
  gave_up: 'red',
  cancelled: 'default',
};

/** 自动回呼 (ACD-6): who asked to be called back, each attempt, and what became of it. */
export function CallbackList() {
  const t = useVoicemailMessages();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const lead = me.roles.some((r) => (LEAD_ROLES as readonly string[]).includes(r));
  const [state, setState] = useState<CallbackState | 'all'>('pending');
  const [page, setPage] = useState(1);
  const fail = useCallback(
    (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
    [message],
  );
  const load = useCallback(
    (signal: AbortSignal) => fetchCallbacks({ state: state === 'all' ? undefined : state, page }, signal),
    [state, page],
  );
  const { data, refresh } = useLiveData<CallbackPage>(load, isCallbackNotice, fail);
  const counts = data?.counts;
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;

  return (
    <div data-testid="callback-list">
      <Radio.Group
        optionType="button"
        value={state}
        style={{ marginBottom: 8 }}
        onChange={(e) => {
          setState(e.target.value as CallbackState | 'all');
          setPage(1);
        }}
        options={[
          ...CALLBACK_STATES.map((s) => ({
            value: s,
            label: (
              <span
                data-testid={`callback-state-${s}`}
              >{`${t(`vm.cb.state.${s}`)} (${counts?.[s] ?? 0})`}</span>
            ),
          })),
          {
            value: 'all',
            label: <span data-testid="callback-state-all">{`${t('vm.all')} (${total})`}</span>,
          },
        ]}
      />
      <Table<CallbackRequest>
        rowKey="callbackId"
        size="small"
        dataSource={data?.items ?? []}
        onRow={(r) =>
          ({ 'data-testid': `callback-row-${r.callbackId}` }) as React.HTMLAttributes<HTMLElement>
        }
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        expandable={{
          rowExpandable: (r) => r.attemptList.length > 0,
          expandedRowRender: (r) => (
            <ol style={{ margin: 0 }}>
              {r.attemptList.map((a) => (
                <li key={a.attempt}>
                  {`${time(a.endedAt ?? a.queuedAt)} ${a.result ? t(`vm.cb.result.${a.result}`) : t('vm.callBack.ongoing')}${a.agent ? ` · ${a.agent.name}` : ''}`}
                </li>
              ))}
            </ol>
          ),
        }}
        columns={[
          {
            title: t('vm.cb.number'),
            render: (_, r) => (
              <span>
                {r.number}
                {r.customer && <Typography.Text type="secondary">{` ${r.customer.name}`}</Typography.Text>}
              </span>
            ),
          },
          { title: t('vm.queue'), render: (_, r) => r.skillGroup?.name ?? r.queueId },
          { title: t('vm.cb.requestedAt'), dataIndex: 'requestedAt', render: time },
          { title: t('vm.cb.waitingSince'), dataIndex: 'waitingSince', render: time },
          { title: t('vm.cb.attempts'), dataIndex: 'attempts' },
          {
            title: t('vm.cb.state'),
            render: (_, r) => (
              <Space size="small">
                <Tag color={STATE_COLORS[r.state]} data-testid={`callback-state-of-${r.callbackId}`}>
                  {t(`vm.cb.state.${r.state}`)}
                </Tag>
                {r.workItemId !== null && (
                  <Typography.Text type="secondary">
                    {t('vm.cb.workItem', { id: r.workItemId })}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
          {
            title: t('vm.cb.lastResult'),
            render: (_, r) => (r.lastResult ? t(`vm.cb.result.${r.lastResult}`) : ''),
          },
          { title: t('vm.cb.nextAttempt'), dataIndex: 'nextAttemptAt', render: time },
          {
            title: t('vm.actions'),
            render: (_, r) =>
              lead && r.state === 'pending' ? (
                <Popconfirm
                  title={t('vm.cb.cancelConfirm', { number: r.number })}
                  okText={t('vm.ok')}
                  cancelText={t('vm.cancel')}
                  onConfirm={() =>
                    cancelCallback(r.callbackId).then(() => {
                      message.success(t('vm.done'));
                      refresh();
                    }, fail)
                  }
                >
                  <Button size="small" danger data-testid={`callback-cancel-${r.callbackId}`}>
                    {t('vm.cb.cancel')}
                  </Button>
                </Popconfirm>
              ) : null,
          },
        ]}
      />
    </div>
  );
}
