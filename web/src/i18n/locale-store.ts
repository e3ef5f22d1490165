import type { Locale } from '@switchboard/shared';
import { MESSAGES } from './messages.ts';

export const DEFAULT_LOCALE: Locale = 'zh-CN';
const STORAGE_KEY = 'switchboard.locale';

/** A locale the UI has a dictionary for (`MESSAGES` is typed to cover every shared `Locale`). */
export function isLocale(value: unknown): value is Locale {
  return typeof value === 'string' && Object.hasOwn(MESSAGES, value);
}

function readStoredLocale(): Locale {
  try {
    const stored = window.localStorage.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

let currentLocale: Locale = readStoredLocale();

/** The UI locale right now; read by the API client for `Accept-Language`. */
export function getCurrentLocale(): Locale {
  return currentLocale;
}

export function setCurrentLocale(locale: Locale): void {
  currentLocale = locale;
  try {
    window.localStorage.setItem(STORAGE_KEY, locale);
  } catch {
    // Storage may be unavailable (private mode); the choice then lasts for this page only.
  }
  document.documentElement.lang = locale;
}
