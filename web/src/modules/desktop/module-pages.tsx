import type { ReactNode } from 'react';
import { CustomersPage } from '../customers/CustomersPage.tsx';
import { MessagesPage } from '../messages/MessagesPage.tsx';
import { OutboxPage } from '../outbox/OutboxPage.tsx';
import { SearchPage } from '../search/SearchPage.tsx';
import { TicketReportsPage } from '../tickets/TicketReportsPage.tsx';
import { TicketsPage } from '../tickets/TicketsPage.tsx';
import type { ModulePage } from './desktop-menu.ts';

/** The page a menu item of kind 'page' opens in a desktop tab. */
export function ModulePageView({ page }: { page: ModulePage }): ReactNode {
  switch (page) {
    case 'customers':
      return <CustomersPage />;
    case 'search':
      return <SearchPage />;
    case 'tickets':
      return <TicketsPage />;
    case 'ticket-reports':
      return <TicketReportsPage />;
    case 'messages':
      return <MessagesPage />;
    case 'outbox':
      return <OutboxPage />;
  }
}
