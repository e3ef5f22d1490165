import type { Role } from '@switchboard/shared';
import type { ReactNode } from 'react';
import type { MessageKey } from '../../i18n/messages.ts';

// The main menu (UI-4): seven groups, each shown to the roles that use it. A leaf opens a tab;
// features that are not built yet open a tab naming the release that brings them.

export type MenuGroupKey = 'calls' | 'support' | 'reports' | 'recordings' | 'monitor' | 'mine' | 'admin';

export type TabKind =
  | { kind: 'home' }
  | { kind: 'current-call' }
  | { kind: 'call-records'; focus: 'history' | 'recordings' }
  | { kind: 'wall' }
  | { kind: 'admin' }
  | { kind: 'profile' }
  | { kind: 'planned'; release: MessageKey }
  | { kind: 'screen-pop'; callId: string }
  | { kind: 'page'; page: ModulePage }
  /** Opened by a page through OpenTabContext (open-tab-context.ts), e.g. a search hit's record. */
  | { kind: 'element'; label: string; element: ReactNode };

/** Business modules' pages, each a component of `web/src/modules/<domain>/` (see module-pages.tsx). */
export type ModulePage =
  | 'customers'
  | 'search'
  | 'tickets'
  | 'ticket-reports'
  | 'messages'
  | 'outbox'
  | 'work-items'
  | 'knowledge'
  | 'follow-ups'
  | 'follow-up-reports'
  | 'ivr-flows'
  | 'ivr-analytics'
  | 'voicemail'
  | 'service-hours';

export type MenuLeaf = {
  key: string;
  label: MessageKey;
  /** What the item does: open a tab, or the change-password dialog. */
  opens: TabKind | 'password-dialog';
  roles?: readonly Role[];
};

export type MenuGroup = {
  key: MenuGroupKey;
  label: MessageKey;
  roles: readonly Role[] | 'all';
  items: MenuLeaf[];
};

const TAKES_CALLS: Role[] = ['agent', 'team_lead', 'duty_lead'];
const LEADS: Role[] = ['team_lead', 'duty_lead', 'qa', 'admin'];

export const MENU: readonly MenuGroup[] = [
  {
    key: 'calls',
    label: 'menu.calls',
    roles: TAKES_CALLS,
    items: [
      { key: 'current-call', label: 'menu.currentCall', opens: { kind: 'current-call' } },
      { key: 'call-history', label: 'menu.callHistory', opens: { kind: 'call-records', focus: 'history' } },
      { key: 'work-items', label: 'menu.workItems', opens: { kind: 'page', page: 'work-items' } },
      { key: 'voicemail', label: 'menu.voicemail', opens: { kind: 'page', page: 'voicemail' } },
    ],
  },
  {
    key: 'support',
    label: 'menu.support',
    roles: 'all',
    items: [
      { key: 'customers', label: 'menu.customers', opens: { kind: 'page', page: 'customers' } },
      { key: 'tickets', label: 'menu.tickets', opens: { kind: 'page', page: 'tickets' } },
      { key: 'search', label: 'menu.search', opens: { kind: 'page', page: 'search' } },
      { key: 'outbox', label: 'menu.outbox', opens: { kind: 'page', page: 'outbox' } },
      { key: 'knowledge', label: 'menu.knowledge', opens: { kind: 'page', page: 'knowledge' } },
      { key: 'follow-ups', label: 'menu.followUps', opens: { kind: 'page', page: 'follow-ups' } },
    ],
  },
  {
    key: 'reports',
    label: 'menu.reports',
    roles: 'all',
    items: [
      { key: 'my-stats', label: 'menu.myStats', opens: { kind: 'planned', release: 'release.reports' } },
      { key: 'ticket-reports', label: 'menu.ticketReports', opens: { kind: 'page', page: 'ticket-reports' } },
      {
        key: 'follow-up-reports',
        label: 'menu.followUpReports',
        opens: { kind: 'page', page: 'follow-up-reports' },
      },
      {
        key: 'ivr-analytics',
        label: 'menu.ivrAnalytics',
        opens: { kind: 'page', page: 'ivr-analytics' },
        roles: LEADS,
      },
      {
        key: 'team-reports',
        label: 'menu.teamReports',
        opens: { kind: 'planned', release: 'release.reports' },
        roles: LEADS,
      },
    ],
  },
  {
    key: 'recordings',
    label: 'menu.recordings',
    roles: [...TAKES_CALLS, 'qa', 'admin'],
    items: [
      {
        key: 'my-recordings',
        label: 'menu.myRecordings',
        opens: { kind: 'call-records', focus: 'recordings' },
      },
    ],
  },
  {
    key: 'monitor',
    label: 'menu.monitor',
    roles: LEADS,
    items: [{ key: 'wall', label: 'menu.wall', opens: { kind: 'wall' } }],
  },
  {
    key: 'mine',
    label: 'menu.mine',
    roles: 'all',
    items: [
      { key: 'profile', label: 'menu.profile', opens: { kind: 'profile' } },
      { key: 'messages', label: 'menu.messages', opens: { kind: 'page', page: 'messages' } },
      { key: 'password', label: 'menu.password', opens: 'password-dialog' },
    ],
  },
  {
    key: 'admin',
    label: 'menu.admin',
    roles: ['admin'],
    items: [
      { key: 'admin', label: 'menu.adminHome', opens: { kind: 'admin' } },
      { key: 'ivr-flows', label: 'menu.ivrFlows', opens: { kind: 'page', page: 'ivr-flows' } },
      { key: 'service-hours', label: 'menu.serviceHours', opens: { kind: 'page', page: 'service-hours' } },
    ],
  },
];

function visibleTo(roles: readonly Role[] | 'all' | undefined, mine: readonly Role[]): boolean {
  return roles === undefined || roles === 'all' || roles.some((role) => mine.includes(role));
}

/** The menu as this user sees it: groups and items their roles may use. */
export function menuFor(roles: readonly Role[]): MenuGroup[] {
  return MENU.filter((group) => visibleTo(group.roles, roles))
    .map((group) => ({ ...group, items: group.items.filter((item) => visibleTo(item.roles, roles)) }))
    .filter((group) => group.items.length > 0);
}

export function findLeaf(key: string): MenuLeaf | undefined {
  for (const group of MENU) {
    const leaf = group.items.find((item) => item.key === key);
    if (leaf) return leaf;
  }
  return undefined;
}
