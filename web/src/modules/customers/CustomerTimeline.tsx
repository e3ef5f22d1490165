import type { TimelineItem } from '@switchboard/shared';
import { Empty, Tag, Timeline } from 'antd';
import { useEffect, useState } from 'react';
import { type CustomerMessageKey, useCustomerMessages } from './customer-messages.ts';
import { fetchTimeline } from './customers-api.ts';

/** The customer's contact history (CRM-2), newest first. */
export function CustomerTimeline({ customerId, limit = 20 }: { customerId: number; limit?: number }) {
  const t = useCustomerMessages();
  const [items, setItems] = useState<TimelineItem[] | null>(null);
  useEffect(() => {
    void fetchTimeline(customerId, limit).then(
      (r) => setItems(r.items),
      () => setItems([]),
    );
  }, [customerId, limit]);
  if (items === null) return null;
  if (items.length === 0) return <Empty description={t('crm.timelineEmpty')} />;
  return (
    <Timeline
      data-testid="customer-timeline"
      items={items.map((i) => ({
        key: `${i.kind}-${i.refId}`,
        content: (
          <span>
            <Tag>{t(`crm.kind.${i.kind}` as CustomerMessageKey)}</Tag>
            {new Date(i.at).toLocaleString()} · {i.summary}
            {i.staffName ? ` · ${i.staffName}` : ''}
          </span>
        ),
      }))}
    />
  );
}
