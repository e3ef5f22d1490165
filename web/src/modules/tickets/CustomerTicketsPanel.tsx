import type { Ticket } from '@switchboard/shared';
import { Empty, List, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { type TicketMessageKey, useTicketMessages } from './ticket-messages.ts';
import { customerTickets } from './tickets-api.ts';

/** A customer's open and recent tickets, for the screen pop and the customer record (CPL-2, CPL-11). */
export function CustomerTicketsPanel(props: { customerId: number }) {
  const t = useTicketMessages();
  const [items, setItems] = useState<Ticket[] | null>(null);
  useEffect(() => {
    let live = true;
    customerTickets(props.customerId)
      .then((r) => live && setItems(r.items))
      .catch(() => live && setItems([]));
    return () => {
      live = false;
    };
  }, [props.customerId]);
  return (
    <section data-testid="customer-tickets">
      <Typography.Title level={5}>{t('tk.history.earlier')}</Typography.Title>
      {items && items.length === 0 ? (
        <Empty description={t('tk.noHistory')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      ) : (
        <List
          size="small"
          loading={items === null}
          dataSource={items ?? []}
          renderItem={(x) => (
            <List.Item>
              <span>
                {new Date(x.createdAt).toLocaleString()} {x.number}{' '}
                <Tag>{t(`tk.cat.${x.category}` as TicketMessageKey)}</Tag>
                <Tag color={x.state === 'closed' ? 'default' : 'blue'}>
                  {t(`tk.state.${x.state}` as TicketMessageKey)}
                </Tag>
                {x.reason}
              </span>
            </List.Item>
          )}
        />
      )}
    </section>
  );
}
