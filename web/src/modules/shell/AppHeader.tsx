import { KeyOutlined, LogoutOutlined, UserOutlined } from '@ant-design/icons';
import { App, Avatar, Button, Divider, Layout, Space, Typography } from 'antd';
import { useState } from 'react';
import { LocaleSwitch } from '../../i18n/LocaleSwitch.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { useSession } from '../auth/use-session.ts';
import { useCenter } from '../center/use-center.ts';
import { BrandMark } from './BrandMark.tsx';

interface AppHeaderProps {
  onChangePassword: () => void;
}

export function AppHeader({ onChangePassword }: AppHeaderProps) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const { name: centerName } = useCenter();
  const { logout } = useSession();
  const user = useCurrentUser();
  const [loggingOut, setLoggingOut] = useState(false);

  const onLogout = () => {
    setLoggingOut(true);
    logout().catch((caught: unknown) => {
      setLoggingOut(false);
      message.error(caught instanceof Error ? caught.message : t('shell.logoutFailed'));
    });
  };

  return (
    <Layout.Header className="sb-header">
      <div className="sb-brand">
        <BrandMark size={30} />
        <Typography.Title
          level={1}
          className="sb-header__center"
          data-testid="header-center-name"
          title={centerName ?? undefined}
        >
          {centerName ?? t('app.productShort')}
        </Typography.Title>
        <Divider orientation="vertical" className="sb-header__divider" />
        <span className="sb-header__product">{t('app.productName')}</span>
      </div>
      <Space size={4} className="sb-header__actions">
        <span className="sb-header__user">
          <Avatar size={26} icon={<UserOutlined />} className="sb-header__avatar" />
          <span className="sb-header__user-name">{user.name}</span>
        </span>
        <Divider orientation="vertical" />
        <Button type="text" icon={<KeyOutlined />} onClick={onChangePassword} data-testid="change-password">
          {t('shell.changePassword')}
        </Button>
        <LocaleSwitch />
        <Button
          type="text"
          icon={<LogoutOutlined />}
          onClick={onLogout}
          loading={loggingOut}
          data-testid="logout"
        >
          {t('shell.logout')}
        </Button>
      </Space>
    </Layout.Header>
  );
}
