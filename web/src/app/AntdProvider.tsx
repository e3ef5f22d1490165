import type { Locale } from '@switchboard/shared';
import { App as AntdApp, ConfigProvider } from 'antd';
import enUS from 'antd/es/locale/en_US';
import zhCN from 'antd/es/locale/zh_CN';
import { type ReactNode, useMemo } from 'react';
import { useI18n } from '../i18n/use-i18n.ts';
import { APP_THEME } from './theme.ts';
import { useReducedMotion } from './use-reduced-motion.ts';

const ANTD_LOCALES = { 'zh-CN': zhCN, 'en-US': enUS } satisfies Record<Locale, typeof zhCN>;

/**
 * Ant Design theme and component language, following the UI locale. Drawers, menus and dropdowns
 * do not slide or fade for users whose system asks for reduced motion.
 */
export function AntdProvider({ children }: { children: ReactNode }) {
  const { locale } = useI18n();
  const reducedMotion = useReducedMotion();
  const theme = useMemo(
    () => (reducedMotion ? { ...APP_THEME, token: { ...APP_THEME.token, motion: false } } : APP_THEME),
    [reducedMotion],
  );
  return (
    // No space forced into two-character Chinese labels (登录, not 登 录).
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme} button={{ autoInsertSpace: false }}>
      <AntdApp className="sb-app">{children}</AntdApp>
    </ConfigProvider>
  );
}
