import { Alert, Card, Typography } from 'antd';
import { Navigate, useLocation } from 'react-router';
import { LocaleSwitch } from '../../i18n/LocaleSwitch.tsx';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useCenter } from '../center/use-center.ts';
import { BrandMark } from '../shell/BrandMark.tsx';
import { LoginForm } from './LoginForm.tsx';
import { SessionPending } from './SessionPending.tsx';
import { useSession } from './use-session.ts';
import './login.css';

/** Where to go after signing in: the page that sent us here, if it is a safe in-app path. */
function redirectTarget(locationState: unknown): string {
  if (typeof locationState === 'object' && locationState !== null && 'from' in locationState) {
    const { from } = locationState;
    if (
      typeof from === 'string' &&
      from.startsWith('/') &&
      !from.startsWith('//') &&
      !from.startsWith('/login')
    ) {
      return from;
    }
  }
  return '/';
}

export function LoginPage() {
  const { t } = useI18n();
  const { name: centerName } = useCenter();
  const { state } = useSession();
  const location = useLocation();

  if (state.status === 'authenticated') return <Navigate to={redirectTarget(location.state)} replace />;
  if (state.status === 'loading') return <SessionPending state={state} />;

  const expired = state.status === 'anonymous' && state.expired;
  const loggedOut = state.status === 'anonymous' && state.loggedOut;

  return (
    <div className="sb-login">
      <header className="sb-login__topbar">
        <div className="sb-brand">
          <BrandMark size={28} />
          <span className="sb-brand__name">{t('app.productShort')}</span>
        </div>
        <LocaleSwitch variant="default" />
      </header>

      <main className="sb-login__main">
        <Card className="sb-login__card" variant="borderless">
          <div className="sb-login__heading">
            <BrandMark size={44} />
            <Typography.Title level={1} className="sb-login__title" data-testid="center-name">
              {centerName ?? t('app.productShort')}
            </Typography.Title>
            <Typography.Text type="secondary" className="sb-login__product">
              {t('app.productName')}
            </Typography.Text>
          </div>

          {expired && (
            <Alert
              className="sb-login__notice"
              type="warning"
              showIcon
              title={t('session.expired')}
              data-testid="login-notice"
            />
          )}
          {loggedOut && (
            <Alert
              className="sb-login__notice"
              type="success"
              showIcon
              title={t('session.loggedOut')}
              data-testid="login-notice"
            />
          )}

          <LoginForm />
        </Card>
      </main>

      <footer className="sb-login__footer">{t('login.footer')}</footer>
    </div>
  );
}
