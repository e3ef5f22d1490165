import type { Locale } from '@switchboard/shared';
import { useCallback } from 'react';
import { useI18n } from './use-i18n.ts';

export type MessageParams = Record<string, string | number>;

/** A module's own string table (zh-CN the reference, en-US the same keys) as a `t` function. */
export function useLocalMessages<K extends string>(
  messages: Record<Locale, Record<K, string>>,
): (key: K, params?: MessageParams) => string {
  const { locale } = useI18n();
  return useCallback(
    (key: K, params?: MessageParams) => {
      const template = messages[locale][key];
      if (!params) return template;
      return template.replace(/\{(\w+)\}/g, (m, name: string) =>
        params[name] === undefined ? m : String(params[name]),
      );
    },
    [messages, locale],
  );
}
