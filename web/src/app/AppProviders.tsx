import type { ReactNode } from 'react';
import { I18nProvider } from '../i18n/I18nProvider.tsx';
import { SessionProvider } from '../modules/auth/SessionProvider.tsx';
import { CenterProvider } from '../modules/center/CenterProvider.tsx';
import { AntdProvider } from './AntdProvider.tsx';

export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <I18nProvider>
      <AntdProvider>
        <CenterProvider>
          <SessionProvider>{children}</SessionProvider>
        </CenterProvider>
      </AntdProvider>
    </I18nProvider>
  );
}
