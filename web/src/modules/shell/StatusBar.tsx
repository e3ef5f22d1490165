import type { Me } from '@switchboard/shared';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { LiveStatus } from '../live/live-client.ts';
import { useLive } from '../live/use-live.ts';
import { agentStateKey, reasonKey } from '../softphone/softphone-rules.ts';
import { useSoftphone } from '../softphone/use-softphone.ts';
import { formatRoles, formatSkills } from './status-format.ts';

const LIVE_KEYS: Record<LiveStatus, MessageKey> = {
  connecting: 'live.connecting',
  live: 'live.live',
  reconnecting: 'live.reconnecting',
};

interface StatusItemProps {
  label: string;
  children: ReactNode;
  testId?: string;
  /** Long values (roles, skills) may shrink and end in an ellipsis; the full text is in the tooltip. */
  flexible?: boolean;
  title?: string;
}

function StatusItem({ label, children, testId, flexible = false, title }: StatusItemProps) {
  return (
    <div className={flexible ? 'sb-status__item sb-status__item--flexible' : 'sb-status__item'} title={title}>
      <span className="sb-status__label">{label}</span>
      <span className="sb-status__value" data-testid={testId}>
        {children}
      </span>
    </div>
  );
}

/** Bottom status bar (UI-2): who is signed in, where they work and their agent state. */
export function StatusBar({ user }: { user: Me }) {
  const { locale, t } = useI18n();
  const { status } = useLive();
  const { agent } = useSoftphone();
  const state = agent?.state ?? 'signed_out';
  const reason = state === 'not_ready' ? reasonKey(agent?.notReadyReason ?? null) : null;
  const stateText = `${t(agentStateKey(state))}${reason ? ` · ${t(reason)}` : ''}`;
  const none = t('status.none');
  const roles = formatRoles(locale, user.roles) || none;
  const skills = formatSkills(locale, user.skills) || none;
  const department = user.departmentName ?? none;

  return (
    <section className="sb-status" data-testid="status-bar" aria-label={t('status.barLabel')}>
      <StatusItem label={t('status.employeeNo')} testId="status-employee-no">
        {user.employeeNo}
      </StatusItem>
      <StatusItem label={t('status.name')} testId="status-name">
        {user.name}
      </StatusItem>
      <StatusItem label={t('status.roles')} testId="status-roles" flexible title={roles}>
        {roles}
      </StatusItem>
      <StatusItem label={t('status.department')} testId="status-department" flexible title={department}>
        {department}
      </StatusItem>
      <StatusItem label={t('status.skills')} testId="status-skills" flexible title={skills}>
        {skills}
      </StatusItem>
      <StatusItem label={t('status.extension')} testId="status-extension">
        {agent?.extension ?? user.extension ?? none}
      </StatusItem>
      <div className="sb-status__spacer" />
      <StatusItem label={t('status.live')} testId="status-live">
        <span className={`sb-status__dot sb-status__dot--live-${status}`} aria-hidden="true" />
        <span data-testid="live-status" data-status={status}>
          {t(LIVE_KEYS[status])}
        </span>
      </StatusItem>
      <StatusItem label={t('status.agentState')} testId="status-agent-state">
        <span className={`sb-status__dot sb-status__dot--${state}`} aria-hidden="true" />
        <span data-testid="agent-state" data-state={state}>
          {stateText}
        </span>
      </StatusItem>
    </section>
  );
}
