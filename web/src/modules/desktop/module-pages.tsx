import { Button, Result, Spin } from 'antd';
import { lazy, type ReactNode, Suspense } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import type { ModulePage } from './desktop-menu.ts';

// Pages behind the menu load when first opened, so the desktop's first screen downloads only what
// an agent needs at sign-in (PLAT-4: page complete within 3 s cold).

const named = <K extends string>(load: () => Promise<Record<K, () => ReactNode>>, name: K) =>
  lazy(() =>
    load().then(
      (m) => ({ default: m[name] }),
      // The server now has a newer build than this page (an upgrade while the desktop was open):
      // the old chunk is gone. Say so instead of failing the whole desktop.
      () => ({ default: NewVersionNotice }),
    ),
  );

function NewVersionNotice(): ReactNode {
  const { t } = useI18n();
  return (
    <Result
      status="info"
      title={t('app.newVersion')}
      data-testid="new-version"
      extra={
        <Button type="primary" onClick={() => window.location.reload()}>
          {t('app.reload')}
        </Button>
      }
    />
  );
}

const PAGES: Record<ModulePage, ReturnType<typeof named>> = {
  customers: named(() => import('../customers/CustomersPage.tsx'), 'CustomersPage'),
  search: named(() => import('../search/SearchPage.tsx'), 'SearchPage'),
  tickets: named(() => import('../tickets/TicketsPage.tsx'), 'TicketsPage'),
  'ticket-reports': named(() => import('../tickets/TicketReportsPage.tsx'), 'TicketReportsPage'),
  messages: named(() => import('../messages/MessagesPage.tsx'), 'MessagesPage'),
  outbox: named(() => import('../outbox/OutboxPage.tsx'), 'OutboxPage'),
  'work-items': named(() => import('../work-items/WorkItemsPage.tsx'), 'WorkItemsPage'),
  knowledge: named(() => import('../knowledge/KnowledgePage.tsx'), 'KnowledgePage'),
  'follow-ups': named(() => import('../follow-ups/FollowUpsPage.tsx'), 'FollowUpsPage'),
  'follow-up-reports': named(() => import('../follow-ups/FollowUpReportsPage.tsx'), 'FollowUpReportsPage'),
  'ivr-flows': named(() => import('../ivr/IvrFlowsPage.tsx'), 'IvrFlowsPage'),
  'ivr-analytics': named(() => import('../ivr/IvrAnalyticsPage.tsx'), 'IvrAnalyticsPage'),
  voicemail: named(() => import('../voicemail/VoicemailPage.tsx'), 'VoicemailPage'),
  'service-hours': named(() => import('../service-hours/ServiceHoursPage.tsx'), 'ServiceHoursPage'),
};

export const LazyAdminPage = named(() => import('../admin/AdminPage.tsx'), 'AdminPage');
export const LazyWallPage = named(() => import('../wall/WallPage.tsx'), 'WallPage');

/** Waits for a page's code with a spinner in its place. */
export function PageLoader({ children }: { children: ReactNode }) {
  return (
    <Suspense
      fallback={<Spin style={{ display: 'block', margin: '48px auto' }} data-testid="page-loading" />}
    >
      {children}
    </Suspense>
  );
}

/** The page a menu item of kind 'page' opens in a desktop tab. */
export function ModulePageView({ page }: { page: ModulePage }) {
  const Page = PAGES[page];
  return (
    <PageLoader>
      <Page />
    </PageLoader>
  );
}
