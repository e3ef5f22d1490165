import type { Locale } from '@switchboard/shared';
import { translate } from './messages.ts';

/** Joins list items the way the locale writes them: 业务代表、班长 / Agent, Team lead. */
export function joinList(locale: Locale, items: readonly string[]): string {
  return items.join(translate(locale, 'status.listSeparator'));
}
