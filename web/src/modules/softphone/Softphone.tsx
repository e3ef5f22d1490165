import {
  AudioMutedOutlined,
  AudioOutlined,
  CheckCircleOutlined,
  CheckOutlined,
  CoffeeOutlined,
  DownOutlined,
  FormOutlined,
  InteractionOutlined,
  LoginOutlined,
  LogoutOutlined,
  NumberOutlined,
  PauseCircleOutlined,
  PhoneOutlined,
  PlayCircleOutlined,
  PoweroffOutlined,
  QuestionCircleOutlined,
  RollbackOutlined,
  ShareAltOutlined,
  SoundOutlined,
  SwapOutlined,
  TeamOutlined,
} from '@ant-design/icons';
import { Button, Divider, Dropdown, Input, Modal, Switch, Tooltip } from 'antd';
import { createContext, type ReactNode, useContext, useMemo, useState } from 'react';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { DialDialog } from './DialDialog.tsx';
import { type AgentCommand, type AgentCommandPath, SELECTABLE_REASONS } from './softphone-api.ts';
import { agentStateKey, allowedActions, reasonKey } from './softphone-rules.ts';
import { TalkTime } from './TalkTime.tsx';
import { TargetDialog } from './TargetDialog.tsx';
import { useSoftphone } from './use-softphone.ts';
import { SHORTCUTS, useSoftphoneShortcuts } from './use-softphone-shortcuts.ts';
import { useWrapUpTagging } from './WrapUpTagging.tsx';

type ToolButtonProps = {
  action: AgentCommandPath;
  label: MessageKey;
  icon: ReactNode;
  testId: string;
  onClick: () => void;
  shortcut?: string;
  danger?: boolean;
  primary?: boolean;
};

const ToolbarState = createContext<{
  allowed: ReadonlySet<AgentCommandPath>;
  pending: AgentCommandPath | null;
}>({
  allowed: new Set(),
  pending: null,
});

function ToolButton({ action, label, icon, testId, onClick, shortcut, danger, primary }: ToolButtonProps) {
  const { t } = useI18n();
  const { allowed, pending } = useContext(ToolbarState);
  const text = t(label);
  const enabled = allowed.has(action);
  return (
    <Tooltip title={shortcut ? `${text} · ${t('softphone.shortcut', { key: shortcut })}` : undefined}>
      <Button
        size="small"
        type={primary && enabled ? 'primary' : 'default'}
        danger={danger && enabled}
        icon={icon}
        disabled={!enabled}
        loading={pending === action}
        onClick={onClick}
        data-testid={testId}
        aria-keyshortcuts={shortcut}
      >
        {text}
      </Button>
    </Tooltip>
  );
}

/**
 * The softphone (UI-3, UI-8): every call-control function as an icon + text button, enabled only
 * when the agent's state allows it, with the live talk time beside it.
 */
export function Softphone() {
  const { t } = useI18n();
  const { agent, currentCall, pending, run } = useSoftphone();
  const allowed = useMemo(() => allowedActions(agent, currentCall), [agent, currentCall]);
  const [targetMode, setTargetMode] = useState<'transfer' | 'consult' | null>(null);
  const [dialOpen, setDialOpen] = useState(false);
  const [forwardOpen, setForwardOpen] = useState(false);
  const [forwardTo, setForwardTo] = useState('');
  const muted = currentCall?.muted ?? false;
  useSoftphoneShortcuts(allowed, muted, run);
  const tagging = useWrapUpTagging(agent, run);

  const state = agent?.state ?? 'signed_out';
  const reason = state === 'not_ready' ? reasonKey(agent?.notReadyReason ?? null) : null;
  const exec = (command: AgentCommand) => () => void run(command);

  const recordingPaused = currentCall?.recordingPaused ?? false;

  const toolbarState = useMemo(() => ({ allowed, pending }), [allowed, pending]);

  return (
    <ToolbarState value={toolbarState}>
      <section className="sb-softphone" data-testid="softphone" aria-label={t('softphone.label')}>
        <span className={`sb-softphone__state sb-state sb-state--${state}`} data-testid="sp-state">
          {t(agentStateKey(state))}
          {reason ? ` · ${t(reason)}` : ''}
        </span>
        <div className="sb-softphone__live">
          <TalkTime />
          <span className="sb-softphone__auto">
            <Switch
              size="small"
              checked={agent?.autoAnswer ?? false}
              disabled={!allowed.has('auto-answer')}
              loading={pending === 'auto-answer'}
              onChange={(on) => void run({ path: 'auto-answer', body: { on } })}
              data-testid="sp-auto-answer"
              aria-label={t('softphone.autoAnswer')}
            />
            <span aria-hidden="true">{t('softphone.autoAnswer')}</span>
          </span>
        </div>
        <Divider orientation="vertical" />
        <div className="sb-softphone__group">
          <ToolButton
            action="sign-in"
            label="softphone.signIn"
            icon={<LoginOutlined />}
            testId="sp-sign-in"
            primary
            onClick={exec({ path: 'sign-in', body: {} })}
          />
          <ToolButton
            action="sign-out"
            label="softphone.signOut"
            icon={<LogoutOutlined />}
            testId="sp-sign-out"
            onClick={exec({ path: 'sign-out' })}
          />
          <ToolButton
            action="ready"
            label="softphone.ready"
            icon={<CheckCircleOutlined />}
            testId="sp-ready"
            onClick={exec({ path: 'ready' })}
          />
          <Dropdown
            disabled={!allowed.has('not-ready')}
            trigger={['click']}
            menu={{
              items: SELECTABLE_REASONS.map((r) => ({
                key: r,
                label: <span data-testid={`sp-reason-${r}`}>{t(`reason.${r}`)}</span>,
              })),
              onClick: ({ key }) =>
                void run({ path: 'not-ready', body: { reason: key as (typeof SELECTABLE_REASONS)[number] } }),
            }}
          >
            <Button
              size="small"
              icon={<CoffeeOutlined />}
              disabled={!allowed.has('not-ready')}
              loading={pending === 'not-ready'}
              data-testid="sp-not-ready"
            >
              {t('softphone.notReady')}
              <DownOutlined className="sb-softphone__caret" />
            </Button>
          </Dropdown>
        </div>
        <Divider orientation="vertical" />
        <div className="sb-softphone__group">
          <ToolButton
            action="answer"
            label="softphone.answer"
            icon={<PhoneOutlined />}
            testId="sp-answer"
            shortcut={SHORTCUTS.answer}
            primary
            onClick={exec({ path: 'answer' })}
          />
          <ToolButton
            action="hangup"
            label="softphone.hangup"
            icon={<PoweroffOutlined />}
            testId="sp-hangup"
            shortcut={SHORTCUTS.hangup}
            danger
            onClick={exec({ path: 'hangup' })}
          />
          <ToolButton
            action="hold"
            label="softphone.hold"
            icon={<PauseCircleOutlined />}
            testId="sp-hold"
            shortcut={SHORTCUTS.hold}
            onClick={exec({ path: 'hold' })}
          />
          <ToolButton
            action="retrieve"
            label="softphone.retrieve"
            icon={<PlayCircleOutlined />}
            testId="sp-retrieve"
            shortcut={SHORTCUTS.hold}
            onClick={exec({ path: 'retrieve' })}
          />
          <ToolButton
            action="mute"
            label={muted ? 'softphone.unmute' : 'softphone.mute'}
            icon={muted ? <AudioMutedOutlined /> : <AudioOutlined />}
            testId="sp-mute"
            shortcut={SHORTCUTS.mute}
            onClick={exec({ path: 'mute', body: { muted: !muted } })}
          />
        </div>
        <Divider orientation="vertical" />
        <div className="sb-softphone__group">
          <ToolButton
            action="transfer"
            label="softphone.transfer"
            icon={<SwapOutlined />}
            testId="sp-transfer"
            onClick={() => setTargetMode('transfer')}
          />
          <ToolButton
            action="consult"
            label="softphone.consult"
            icon={<QuestionCircleOutlined />}
            testId="sp-consult"
            onClick={() => setTargetMode('consult')}
          />
          <ToolButton
            action="consult/complete"
            label="softphone.complete"
            icon={<CheckOutlined />}
            testId="sp-complete"
            onClick={exec({ path: 'consult/complete' })}
          />
          <ToolButton
            action="conference"
            label="softphone.conference"
            icon={<TeamOutlined />}
            testId="sp-conference"
            onClick={exec({ path: 'conference' })}
          />
          <ToolButton
            action="consult/cancel"
            label="softphone.cancelConsult"
            icon={<RollbackOutlined />}
            testId="sp-consult-cancel"
            onClick={exec({ path: 'consult/cancel' })}
          />
        </div>
        <Divider orientation="vertical" />
        <div className="sb-softphone__group">
          <ToolButton
            action="dial"
            label="softphone.dial"
            icon={<NumberOutlined />}
            testId="sp-dial"
            onClick={() => setDialOpen(true)}
          />
          <ToolButton
            action="pickup"
            label="softphone.pickup"
            icon={<InteractionOutlined />}
            testId="sp-pickup"
            onClick={exec({ path: 'pickup' })}
          />
          <ToolButton
            action="wrap-up/finish"
            label="softphone.wrapUp"
            icon={<FormOutlined />}
            testId="sp-wrap-up"
            onClick={tagging.finishWrapUp}
          />
          <ToolButton
            action="recording"
            label={recordingPaused ? 'softphone.recordResume' : 'softphone.recordPause'}
            icon={<SoundOutlined />}
            testId="sp-recording"
            onClick={exec({ path: 'recording', body: { action: recordingPaused ? 'resume' : 'pause' } })}
          />
          <Tooltip
            title={agent?.forwardTo ? t('softphone.forwardingOn', { number: agent.forwardTo }) : undefined}
          >
            <Button
              size="small"
              icon={<ShareAltOutlined />}
              type={agent?.forwardTo ? 'primary' : 'default'}
              ghost={Boolean(agent?.forwardTo)}
              disabled={!allowed.has('forwarding')}
              onClick={() => {
                setForwardTo(agent?.forwardTo ?? '');
                setForwardOpen(true);
              }}
              data-testid="sp-forwarding"
            >
              {t('softphone.forwarding')}
            </Button>
          </Tooltip>
        </div>
        {tagging.panel}
        <TargetDialog mode={targetMode} onClose={() => setTargetMode(null)} />
        <DialDialog open={dialOpen} onClose={() => setDialOpen(false)} />
        <Modal
          open={forwardOpen}
          title={t('softphone.forwarding')}
          onCancel={() => setForwardOpen(false)}
          okText={t('softphone.ok')}
          cancelText={t('softphone.cancel')}
          confirmLoading={pending === 'forwarding'}
          onOk={async () => {
            const ok = await run({ path: 'forwarding', body: { forwardTo: forwardTo || null } });
            if (ok) setForwardOpen(false);
          }}
          destroyOnHidden
        >
          <Input
            value={forwardTo}
            onChange={(e) => setForwardTo(e.target.value.trim())}
            placeholder={t('softphone.forwardingPrompt')}
            inputMode="tel"
            maxLength={21}
          />
        </Modal>
      </section>
    </ToolbarState>
  );
}
