import { ClockCircleOutlined } from '@ant-design/icons';
import { Result } from 'antd';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';

/** A menu item whose feature is not built yet: says so, and which release brings it. */
export function PlannedFeature({ feature, release }: { feature: MessageKey; release: MessageKey }) {
  const { t } = useI18n();
  return (
    <Result
      icon={<ClockCircleOutlined className="sb-planned__icon" />}
      title={t('planned.title', { feature: t(feature) })}
      subTitle={<span data-testid="planned-release">{t('planned.body', { release: t(release) })}</span>}
    />
  );
}
