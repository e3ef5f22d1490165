import { App, Button, Descriptions, Drawer, Popconfirm, Space, Tag, Tooltip, Typography } from 'antd';
import { type ReactNode, useState } from 'react';
import { isApiRequestError } from '../../api/api-error.ts';
import {
  type ForceState,
  forceRelease,
  forceState,
  interceptCall,
  type MonitorMode,
  monitorAgent,
  recordAgent,
  type SkillGroupRef,
  stopMonitoring,
} from './wall-api.ts';
import { formatDuration, STATE_COLORS } from './wall-format.ts';
import { useWallI18n, type WallMessageKey } from './wall-messages.ts';
import { type AgentView, ON_CALL_STATES, stateLabel } from './wall-model.ts';

interface AgentDrawerProps {
  agent: AgentView | null;
  open: boolean;
  canAct: boolean;
  skillGroups: readonly SkillGroupRef[];
  onClose: () => void;
  /** Read the snapshot again right away (after an action). */
  onChanged: () => void;
}

interface ActionSpec {
  key: string;
  testId: string;
  label: WallMessageKey;
  /** Why the button is disabled; null when enabled. */
  blocked: WallMessageKey | null;
  confirm?: WallMessageKey;
  danger?: boolean;
  run: () => Promise<unknown>;
}

/** The agent's details and the team lead's actions on them (SUP-1 … SUP-5, SUP-8). */
export function AgentDrawer({ agent, open, canAct, skillGroups, onClose, onChanged }: AgentDrawerProps) {
  const { t } = useWallI18n();
  const { message } = App.useApp();
  const [busy, setBusy] = useState<string | null>(null);
  const [lastMode, setLastMode] = useState<{ agentId: number; mode: MonitorMode } | null>(null);

  const perform = async (spec: ActionSpec) => {
    setBusy(spec.key);
    try {
      await spec.run();
      message.success(t('wall.action.done', { action: t(spec.label) }));
    } catch (cause) {
      message.error(isApiRequestError(cause) ? cause.message : String(cause));
    } finally {
      setBusy(null);
      onChanged();
    }
  };

  const renderAction = (spec: ActionSpec): ReactNode => {
    const blocked = !canAct ? 'wall.hint.notLead' : spec.blocked;
    const button = (
      <Button
        size="small"
        danger={spec.danger}
        disabled={blocked !== null}
        loading={busy === spec.key}
        data-testid={spec.testId}
        onClick={spec.confirm ? undefined : () => void perform(spec)}
      >
        {t(spec.label)}
      </Button>
    );
    const withConfirm =
      spec.confirm && blocked === null ? (
        <Popconfirm
          title={t(spec.confirm)}
          okText={t('wall.confirm.ok')}
          cancelText={t('wall.confirm.cancel')}
          okButtonProps={{ danger: spec.danger, 'data-testid': 'wall-confirm-ok' }}
          onConfirm={() => perform(spec)}
        >
          {button}
        </Popconfirm>
      ) : (
        button
      );
    return (
      <Tooltip key={spec.key} title={blocked ? t(blocked) : undefined}>
        <span className="sb-wall-action">{withConfirm}</span>
      </Tooltip>
    );
  };

  let body: ReactNode = <Typography.Text type="secondary">{t('wall.agent.gone')}</Typography.Text>;
  if (agent) {
    const id = agent.agentId;
    const onCall = ON_CALL_STATES.includes(agent.state);
    const connected = agent.call?.phase === 'connected';
    const signedOut = agent.state === 'signed_out';
    const needConnected: WallMessageKey | null = connected ? null : 'wall.hint.needCall';
    const needMonitoring: WallMessageKey | null = !connected
      ? 'wall.hint.needCall'
      : agent.monitoredByMe
        ? null
        : 'wall.hint.needMonitoring';
    const monitor = (key: string, mode: MonitorMode, label: WallMessageKey): ActionSpec => ({
      key,
      testId: `wall-action-${key}`,
      label,
      blocked: needConnected,
      run: async () => {
        await monitorAgent(id, mode);
        setLastMode({ agentId: id, mode });
      },
    });
    const force = (key: string, state: ForceState, label: WallMessageKey, already: boolean): ActionSpec => ({
      key,
      testId: `wall-action-${key}`,
      label,
      blocked: signedOut ? 'wall.hint.signedOut' : already ? 'wall.hint.already' : null,
      run: () => forceState(id, state),
    });
    const callActions: ActionSpec[] = [
      monitor('listen', 'listen', 'wall.action.listen'),
      monitor('whisper', 'whisper', 'wall.action.whisper'),
      monitor('barge', 'barge', 'wall.action.barge'),
      {
        key: 'stop-monitor',
        testId: 'wall-action-stop-monitor',
        label: 'wall.action.stopMonitor',
        blocked: needMonitoring,
        run: () => stopMonitoring(id),
      },
      {
        key: 'intercept',
        testId: 'wall-action-intercept',
        label: 'wall.action.intercept',
        blocked: needMonitoring,
        confirm: 'wall.confirm.intercept',
        danger: true,
        run: () => interceptCall(id),
      },
      {
        key: 'force-release',
        testId: 'wall-action-force-release',
        label: 'wall.action.forceRelease',
        blocked: onCall ? null : 'wall.hint.needCall',
        confirm: 'wall.confirm.forceRelease',
        danger: true,
        run: () => forceRelease(id),
      },
    ];
    const forced = agent.state === 'not_ready' && agent.reason === 'forced';
    const stateActions: ActionSpec[] = [
      force('force-ready', 'force_ready', 'wall.action.forceReady', agent.state === 'ready'),
      force('force-not-ready', 'force_not_ready', 'wall.action.forceNotReady', forced),
      force('force-pause', 'force_pause', 'wall.action.forcePause', forced),
      {
        ...force('force-sign-out', 'force_sign_out', 'wall.action.forceSignOut', false),
        blocked: signedOut ? 'wall.hint.signedOut' : onCall ? 'wall.hint.releaseFirst' : null,
        confirm: 'wall.confirm.forceSignOut',
        danger: true,
      },
    ];
    const recordActions: ActionSpec[] = [
      {
        key: 'record-on',
        testId: 'wall-action-record-on',
        label: 'wall.action.recordOn',
        blocked: null,
        run: () => recordAgent(id, true),
      },
      {
        key: 'record-off',
        testId: 'wall-action-record-off',
        label: 'wall.action.recordOff',
        blocked: null,
        run: () => recordAgent(id, false),
      },
    ];
    const skillNames = agent.skills
      .map(
        (s) =>
          `${skillGroups.find((g) => g.id === s.skillGroupId)?.name ?? `#${s.skillGroupId}`} (${s.level})`,
      )
      .join(' · ');
    const mode = lastMode?.agentId === id ? lastMode.mode : null;

    body = (
      <Space orientation="vertical" size={16} className="sb-wall-drawer">
        <Descriptions size="small" column={1} bordered styles={{ label: { width: 120 } }}>
          <Descriptions.Item label={t('wall.agent.state')}>
            <Tag color={STATE_COLORS[agent.state]} data-testid="wall-drawer-state">
              {stateLabel(t, agent)}
            </Tag>
            <span className="sb-wall-drawer__time">{formatDuration(agent.liveSeconds)}</span>
          </Descriptions.Item>
          <Descriptions.Item label={t('wall.agent.extension')}>
            {agent.extension ?? '—'}
            {agent.autoAnswer ? (
              <Tag className="sb-wall-drawer__tag">{t('wall.agent.autoAnswer')}</Tag>
            ) : null}
          </Descriptions.Item>
          <Descriptions.Item label={t('wall.agent.skills')}>{skillNames || '—'}</Descriptions.Item>
          <Descriptions.Item label={t('wall.agent.caller')}>{agent.partyNumber ?? '—'}</Descriptions.Item>
          <Descriptions.Item label={t('wall.agent.talkTime')}>
            {agent.call?.phase === 'connected' ? formatDuration(agent.talkSeconds) : '—'}
          </Descriptions.Item>
        </Descriptions>
        {agent.monitoredByMe ? (
          <Tag color="blue" data-testid="wall-monitoring">
            {t('wall.agent.monitoring', { mode: t(`wall.action.${mode ?? 'listen'}`) })}
          </Tag>
        ) : null}
        <ActionGroup title={t('wall.group.call')}>{callActions.map(renderAction)}</ActionGroup>
        <ActionGroup title={t('wall.group.state')}>{stateActions.map(renderAction)}</ActionGroup>
        <ActionGroup title={t('wall.group.record')}>{recordActions.map(renderAction)}</ActionGroup>
      </Space>
    );
  }

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={420}
      mask={false}
      title={agent ? `${agent.employeeNo} ${agent.name}` : ''}
      rootClassName="sb-wall-drawer-root"
      data-testid="wall-drawer"
    >
      {body}
    </Drawer>
  );
}

function ActionGroup({ title, children }: { title: string; children: ReactNode }) {
  return (
    <section>
      <Typography.Text type="secondary" className="sb-wall-drawer__group">
        {title}
      </Typography.Text>
      <div className="sb-wall-drawer__actions">{children}</div>
    </section>
  );
}
