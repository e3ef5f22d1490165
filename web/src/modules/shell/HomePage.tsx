import { CustomerServiceOutlined } from '@ant-design/icons';
import { Result, Typography } from 'antd';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { useSoftphone } from '../softphone/use-softphone.ts';

/** The desktop's first tab (工作台): a welcome and how calls reach the agent. */
export function HomePage() {
  const { t } = useI18n();
  const user = useCurrentUser();
  const { takesCalls } = useSoftphone();

  return (
    <Result
      className="sb-home"
      icon={<CustomerServiceOutlined className="sb-home__icon" />}
      title={<span data-testid="welcome">{t('shell.welcome', { name: user.name })}</span>}
      subTitle={
        <>
          <Typography.Paragraph className="sb-home__lead">
            {t(takesCalls ? 'home.hint' : 'home.noSoftphone')}
          </Typography.Paragraph>
          {takesCalls && <Typography.Text type="secondary">{t('softphone.shortcuts')}</Typography.Text>}
        </>
      }
    />
  );
}
