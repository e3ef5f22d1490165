import {
  VOICEMAIL_REASONS,
  VOICEMAIL_STATES,
  type Voicemail,
  type VoicemailList,
  type VoicemailState,
} from '@switchboard/shared';
import { App, Button, Checkbox, Radio, Select, Space, Table, Tag, Typography } from 'antd';
import { useCallback, useState } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { useLiveData } from '../live/use-live-data.ts';
import { isNotice } from '../live/use-live-refresh.ts';
import { AssignModal, HandleModal } from './VoicemailDialogs.tsx';
import { VoicemailDrawer } from './VoicemailDrawer.tsx';
import { assignVoicemail, callBackVoicemail, fetchVoicemails, handleVoicemail } from './voicemail-api.ts';
import { LEAD_ROLES, time, VOICEMAIL_STATE_COLORS } from './voicemail-format.ts';
import { useVoicemailMessages, type VoicemailMessageKey } from './voicemail-messages.ts';

const isVoicemailNotice = isNotice('voicemail');
type Reason = (typeof VOICEMAIL_REASONS)[number];

/** 语音信箱 (VM-1): the messages, who has them, and what can be done with each. */
export function VoicemailBox() {
  const t = useVoicemailMessages();
  const me = useCurrentUser();
  const { message } = App.useApp();
  const lead = me.roles.some((r) => (LEAD_ROLES as readonly string[]).includes(r));
  const [state, setState] = useState<VoicemailState | 'all'>('new');
  const [mine, setMine] = useState(false);
  const [reason, setReason] = useState<Reason | undefined>();
  const [page, setPage] = useState(1);
  const [playing, setPlaying] = useState<number | null>(null);
  const [assigning, setAssigning] = useState<number | null>(null);
  const [handling, setHandling] = useState<number | null>(null);

  const fail = useCallback(
    (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
    [message],
  );
  const load = useCallback(
    (signal: AbortSignal) =>
      fetchVoicemails({ state: state === 'all' ? undefined : state, mine, reason, page }, signal),
    [state, mine, reason, page],
  );
  const { data, refresh } = useLiveData<VoicemailList>(load, isVoicemailNotice, fail);
  /** Runs an action; true when it succeeded (a dialog then closes), false after showing the error. */
  const act = (run: () => Promise<unknown>, done = t('vm.done')) =>
    run().then(
      () => {
        message.success(done);
        refresh();
        return true;
      },
      (e: unknown) => {
        fail(e);
        return false;
      },
    );

  const disposition = (r: string | null) =>
    r === null
      ? t('vm.callBack.ongoing')
      : `vm.disposition.${r}` in DISPOSITION_KEYS
        ? t(`vm.disposition.${r}` as VoicemailMessageKey)
        : r;
  const mayAct = (v: Voicemail) => v.state !== 'handled' && (lead || v.assignedTo?.id === me.id);
  const counts = data?.counts;
  const total = counts ? Object.values(counts).reduce((a, b) => a + b, 0) : 0;

  return (
    <div data-testid="voicemail-box">
      <Space wrap style={{ marginBottom: 8 }}>
        <Radio.Group
          optionType="button"
          value={state}
          onChange={(e) => {
            setState(e.target.value as VoicemailState | 'all');
            setPage(1);
          }}
          options={[
            ...VOICEMAIL_STATES.map((s) => ({
              value: s,
              label: (
                <span
                  data-testid={`voicemail-state-${s}`}
                >{`${t(`vm.state.${s}`)} (${counts?.[s] ?? 0})`}</span>
              ),
            })),
            {
              value: 'all',
              label: <span data-testid="voicemail-state-all">{`${t('vm.all')} (${total})`}</span>,
            },
          ]}
        />
        <Select
          allowClear
          style={{ width: 150 }}
          placeholder={t('vm.reason')}
          value={reason}
          data-testid="voicemail-reason-filter"
          onChange={(v: Reason | undefined) => {
            setReason(v);
            setPage(1);
          }}
          options={VOICEMAIL_REASONS.map((r) => ({ value: r, label: t(`vm.reason.${r}`) }))}
        />
        <Checkbox
          checked={mine}
          data-testid="voicemail-mine"
          onChange={(e) => {
            setMine(e.target.checked);
            setPage(1);
          }}
        >
          {t('vm.mine')}
        </Checkbox>
      </Space>
      <Table<Voicemail>
        rowKey="id"
        size="small"
        dataSource={data?.items ?? []}
        onRow={(r) => ({ 'data-testid': `voicemail-row-${r.id}` }) as React.HTMLAttributes<HTMLElement>}
        pagination={{ current: page, pageSize: 20, total: data?.total ?? 0, onChange: setPage }}
        columns={[
          { title: t('vm.time'), dataIndex: 'recordedAt', render: time, width: 170 },
          {
            title: t('vm.caller'),
            render: (_, r) => (
              <span>
                {r.callerNumber}
                {r.customer && <Typography.Text type="secondary">{` ${r.customer.name}`}</Typography.Text>}
              </span>
            ),
          },
          { title: t('vm.queue'), render: (_, r) => r.skillGroup?.name ?? r.queueId ?? '—' },
          {
            title: t('vm.reason'),
            dataIndex: 'reason',
            render: (x: Reason) => <Tag>{t(`vm.reason.${x}`)}</Tag>,
          },
          {
            title: t('vm.duration'),
            dataIndex: 'durationMs',
            render: (ms: number) => t('vm.seconds', { n: Math.round(ms / 1000) }),
          },
          {
            title: t('vm.stateCol'),
            render: (_, r) => (
              <Tag color={VOICEMAIL_STATE_COLORS[r.state]} data-testid={`voicemail-state-of-${r.id}`}>
                {t(`vm.state.${r.state}`)}
              </Tag>
            ),
          },
          {
            title: t('vm.assignee'),
            render: (_, r) => (
              <span data-testid={`voicemail-assignee-${r.id}`}>{r.assignedTo?.name ?? ''}</span>
            ),
          },
          {
            title: t('vm.actions'),
            render: (_, r) => (
              <Space wrap size="small">
                <Button size="small" data-testid={`voicemail-play-${r.id}`} onClick={() => setPlaying(r.id)}>
                  {t('vm.play')}
                </Button>
                {!lead && r.state === 'new' && (
                  <Button
                    size="small"
                    type="primary"
                    data-testid={`voicemail-take-${r.id}`}
                    onClick={() => act(() => assignVoicemail(r.id))}
                  >
                    {t('vm.take')}
                  </Button>
                )}
                {lead && r.state !== 'handled' && (
                  <Button
                    size="small"
                    data-testid={`voicemail-assign-${r.id}`}
                    onClick={() => setAssigning(r.id)}
                  >
                    {t('vm.assign')}
                  </Button>
                )}
                {mayAct(r) && (
                  <Button
                    size="small"
                    data-testid={`voicemail-call-back-${r.id}`}
                    onClick={() =>
                      act(() => callBackVoicemail(r.id), t('vm.callBack.started', { number: r.callerNumber }))
                    }
                  >
                    {t('vm.callBack')}
                  </Button>
                )}
                {mayAct(r) && (
                  <Button
                    size="small"
                    data-testid={`voicemail-handle-${r.id}`}
                    onClick={() => setHandling(r.id)}
                  >
                    {t('vm.handle')}
                  </Button>
                )}
                {r.lastCallBack && (
                  <Typography.Text type="secondary" data-testid={`voicemail-call-back-result-${r.id}`}>
                    {t('vm.callBack.last', { result: disposition(r.lastCallBack.result) })}
                  </Typography.Text>
                )}
                {r.result && (
                  <Typography.Text
                    data-testid={`voicemail-result-${r.id}`}
                    ellipsis
                    style={{ maxWidth: 200 }}
                  >
                    {r.result}
                  </Typography.Text>
                )}
              </Space>
            ),
          },
        ]}
      />
      <VoicemailDrawer id={playing} onClose={() => setPlaying(null)} disposition={disposition} />
      <AssignModal
        id={assigning}
        onClose={() => setAssigning(null)}
        onSubmit={(id, agentId) =>
          act(() => assignVoicemail(id, agentId)).then((ok) => ok && setAssigning(null))
        }
      />
      <HandleModal
        id={handling}
        onClose={() => setHandling(null)}
        onSubmit={(id, result) =>
          act(() => handleVoicemail(id, result)).then((ok) => ok && setHandling(null))
        }
      />
    </div>
  );
}

const DISPOSITION_KEYS = {
  'vm.disposition.answered': true,
  'vm.disposition.unanswered': true,
  'vm.disposition.abandoned': true,
  'vm.disposition.failed': true,
};
