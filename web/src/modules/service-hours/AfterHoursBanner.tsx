import type { Role } from '@switchboard/shared';
import { Alert } from 'antd';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { formatChangeTime } from './format-change-time.ts';
import { useServiceHoursMessages } from './service-hours-messages.ts';
import { useServiceHoursStatus } from './use-service-hours-status.ts';

/** Roles that watch the whole centre: they see every closed group, not only their own skills. */
const WHOLE_CENTRE: readonly Role[] = ['team_lead', 'duty_lead', 'admin'];

/**
 * The desktop's after-hours notice (VM-1): which of the user's skill groups (every group for
 * leads) are outside service hours now, and when each opens again. Nothing while all are open.
 */
export function AfterHoursBanner() {
  const t = useServiceHoursMessages();
  const { locale } = useI18n();
  const user = useCurrentUser();
  const status = useServiceHoursStatus();
  const wholeCentre = user.roles.some((r) => WHOLE_CENTRE.includes(r));
  const mine = new Set(user.skills.map((s) => s.skillGroupId));
  const closed = (status?.items ?? []).filter((i) => !i.open && (wholeCentre || mine.has(i.skillGroupId)));
  if (closed.length === 0) return null;

  const when = (iso: string) => formatChangeTime(locale, iso);

  return (
    <Alert
      type="warning"
      showIcon
      banner
      style={{ marginBottom: 6 }}
      data-testid="after-hours-banner"
      title={
        <span>
          <strong>{t('sh.banner.title')}</strong>
          {' · '}
          {closed
            .map((g) =>
              g.nextChange
                ? t('sh.banner.group', { name: g.name, time: when(g.nextChange) })
                : t('sh.banner.groupLong', { name: g.name }),
            )
            .join('；')}
        </span>
      }
      description={t('sh.banner.hint')}
    />
  );
}
