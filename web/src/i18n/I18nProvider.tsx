import type { Locale } from '@switchboard/shared';
import { type ReactNode, useCallback, useEffect, useMemo, useState } from 'react';
import { I18nContext, type I18nContextValue } from './i18n-context.ts';
import { getCurrentLocale, setCurrentLocale } from './locale-store.ts';
import { type MessageKey, type MessageParams, translate } from './messages.ts';

export function I18nProvider({ children }: { children: ReactNode }) {
  const [locale, setLocaleState] = useState<Locale>(getCurrentLocale);

  useEffect(() => {
    setCurrentLocale(locale);
  }, [locale]);

  const setLocale = useCallback((next: Locale) => {
    setCurrentLocale(next);
    setLocaleState(next);
  }, []);

  const value = useMemo<I18nContextValue>(
    () => ({
      locale,
      setLocale,
      t: (key: MessageKey, params?: MessageParams) => translate(locale, key, params),
    }),
    [locale, setLocale],
  );

  return <I18nContext value={value}>{children}</I18nContext>;
}
