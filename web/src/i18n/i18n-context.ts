import type { Locale } from '@switchboard/shared';
import { createContext } from 'react';
import type { MessageKey, MessageParams } from './messages.ts';

export interface I18nContextValue {
  locale: Locale;
  setLocale: (locale: Locale) => void;
  t: (key: MessageKey, params?: MessageParams) => string;
}

export const I18nContext = createContext<I18nContextValue | null>(null);
