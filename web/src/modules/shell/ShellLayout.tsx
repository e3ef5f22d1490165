import { Alert, Layout } from 'antd';
import { useMemo, useState } from 'react';
import { Outlet } from 'react-router';
import { useI18n } from '../../i18n/use-i18n.ts';
import { ChangePasswordDialog } from '../auth/ChangePasswordDialog.tsx';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { LiveProvider } from '../live/LiveProvider.tsx';
import { useLive } from '../live/use-live.ts';
import { MessageNotifier } from '../messages/MessageNotifier.tsx';
import { Softphone } from '../softphone/Softphone.tsx';
import { SoftphoneProvider } from '../softphone/SoftphoneProvider.tsx';
import { useSoftphone } from '../softphone/use-softphone.ts';
import { AppHeader } from './AppHeader.tsx';
import { StatusBar } from './StatusBar.tsx';
import type { ShellOutletContext } from './shell-outlet.ts';
import './shell.css';

/** Shown at once when the live connection drops; it goes away by itself once re-synced. */
function LiveBanner() {
  const { t } = useI18n();
  const { status } = useLive();
  if (status !== 'reconnecting') return null;
  return <Alert banner type="warning" showIcon title={t('live.banner')} data-testid="live-banner" />;
}

function SoftphoneBar() {
  const { takesCalls } = useSoftphone();
  return takesCalls ? <Softphone /> : null;
}

/** Frame of every signed-in page: header, softphone toolbar, page content, bottom status bar. */
export function ShellLayout() {
  const user = useCurrentUser();
  const [passwordDialogOpen, setPasswordDialogOpen] = useState(false);
  const forced = user.mustChangePassword;
  const outlet = useMemo<ShellOutletContext>(
    () => ({ openPasswordDialog: () => setPasswordDialogOpen(true) }),
    [],
  );

  return (
    <LiveProvider>
      <SoftphoneProvider>
        <Layout className="sb-shell">
          <div className="sb-shell__top">
            <AppHeader onChangePassword={() => setPasswordDialogOpen(true)} />
            <SoftphoneBar />
            <LiveBanner />
          </div>
          <Layout.Content className="sb-shell__content">
            <Outlet context={outlet} />
          </Layout.Content>
          <StatusBar user={user} />
          <MessageNotifier />
          <ChangePasswordDialog
            open={forced || passwordDialogOpen}
            forced={forced}
            onClose={() => setPasswordDialogOpen(false)}
          />
        </Layout>
      </SoftphoneProvider>
    </LiveProvider>
  );
}
