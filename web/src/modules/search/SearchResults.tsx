import { PhoneOutlined } from '@ant-design/icons';
import type { SearchGroup, SearchHit, SearchResult } from '@switchboard/shared';
import { Badge, Button, Card, Drawer, List, Modal, Typography } from 'antd';
import { useContext, useState } from 'react';
import { CustomDetailLoader } from '../customers/CustomerDetailLoader.tsx';
import { useCustomerMessages } from '../customers/customer-messages.ts';
import { recordingUrl } from '../desktop/call-records-api.ts';
import { useOpenTab } from '../desktop/open-tab-context.ts';
import { SoftphoneContext } from '../softphone/softphone-context.ts';
import { TicketDetailDrawer } from '../tickets/TicketDetailDrawer.tsx';

// QRY-1 results: each hit opens what it shows. A customer opens its record in a desktop tab
// (`customer-<id>`), a ticket the tickets module's detail drawer, a call its details and
// recordings, a phone-book entry offers click-to-dial through the softphone. A group that has
// more hits than it shows offers 更多 (the next page of that group).

type Group = SearchResult['groups'][number];

export function SearchResults(props: {
  groups: Group[];
  loadingMore: SearchGroup | null;
  onMore: (group: SearchGroup) => void;
}) {
  const t = useCustomerMessages();
  const openTab = useOpenTab();
  const softphone = useContext(SoftphoneContext);
  const [customerId, setCustomerId] = useState<number | null>(null);
  const [ticketId, setTicketId] = useState<number | null>(null);
  const [call, setCall] = useState<SearchHit | null>(null);

  const openHit = (group: SearchGroup, hit: SearchHit) => {
    if (group === 'customers') {
      const id = Number(hit.id);
      const name = hit.title.split(' · ')[0] ?? hit.title;
      if (openTab) {
        openTab({
          key: `customer-${id}`,
          title: t('qry.customerTab', { name }),
          element: <CustomDetailLoader id={id} />,
        });
      } else setCustomerId(id);
    } else if (group === 'tickets') setTicketId(Number(hit.id));
    else if (group === 'calls') setCall(hit);
  };
  const canDial = softphone?.takesCalls === true;

  return (
    <>
      {props.groups.map((g) => (
        <Card
          key={g.group}
          size="small"
          data-testid={`search-group-${g.group}`}
          title={
            <span>
              {t(`qry.group.${g.group}`)} <Badge count={g.count} overflowCount={199} color="blue" />
            </span>
          }
        >
          <List
            size="small"
            dataSource={g.items}
            renderItem={(hit) => (
              <List.Item
                key={hit.id}
                actions={
                  g.group === 'staff' && hit.dial && canDial
                    ? [
                        <Button
                          key="dial"
                          size="small"
                          icon={<PhoneOutlined />}
                          data-testid={`search-dial-${hit.id}`}
                          onClick={() =>
                            void softphone?.run({
                              path: 'dial',
                              body: { target: { number: hit.dial ?? '' } },
                            })
                          }
                        >
                          {t('qry.dial')} {hit.dial}
                        </Button>,
                      ]
                    : []
                }
              >
                {g.group === 'staff' ? (
                  <strong>{hit.title}</strong>
                ) : (
                  <Typography.Link
                    strong
                    data-testid={`search-hit-${g.group}-${hit.id}`}
                    onClick={() => openHit(g.group, hit)}
                  >
                    {hit.title}
                  </Typography.Link>
                )}
                &nbsp;<span style={{ color: '#888' }}>{hit.detail}</span>
              </List.Item>
            )}
          />
          {g.hasMore && (
            <Button
              type="link"
              size="small"
              loading={props.loadingMore === g.group}
              onClick={() => props.onMore(g.group)}
              data-testid={`search-more-${g.group}`}
            >
              {t('qry.more')}
            </Button>
          )}
        </Card>
      ))}
      <Drawer
        open={customerId !== null}
        onClose={() => setCustomerId(null)}
        size="large"
        destroyOnHidden
        title={t('qry.openCustomer')}
      >
        {customerId !== null && <CustomDetailLoader id={customerId} />}
      </Drawer>
      <TicketDetailDrawer ticketId={ticketId} onClose={() => setTicketId(null)} onChanged={() => undefined} />
      <Modal
        open={call !== null}
        onCancel={() => setCall(null)}
        footer={null}
        title={t('qry.openCall')}
        destroyOnHidden
      >
        {call && (
          <div data-testid="search-call-detail">
            <p>
              <strong>{call.title}</strong>
            </p>
            <p>{call.detail}</p>
            <Typography.Title level={5}>{t('qry.recordings')}</Typography.Title>
            {call.recordingIds?.length ? (
              call.recordingIds.map((r) => (
                // biome-ignore lint/a11y/useMediaCaption: call recordings have no captions to offer
                <audio
                  key={r}
                  controls
                  preload="none"
                  src={recordingUrl(call.id, r)}
                  style={{ width: '100%' }}
                />
              ))
            ) : (
              <Typography.Text type="secondary">{t('qry.noRecording')}</Typography.Text>
            )}
          </div>
        )}
      </Modal>
    </>
  );
}
