import { UserAddOutlined } from '@ant-design/icons';
import type { Customer, CustomerSaved } from '@switchboard/shared';
import { Alert, Card, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { isApiRequestError } from '../../api/api-error.ts';
import { CustomerSummary } from '../customers/CustomerDetail.tsx';
import { CustomerForm } from '../customers/CustomerForm.tsx';
import { CustomerTimeline } from '../customers/CustomerTimeline.tsx';
import { useCustomerMessages } from '../customers/customer-messages.ts';
import { fetchCustomerByPhone } from '../customers/customers-api.ts';
import { CustomerTicketsPanel } from '../tickets/CustomerTicketsPanel.tsx';
import { NewTicketButton } from '../tickets/NewTicketButton.tsx';

type Lookup =
  | { status: 'loading' }
  | { status: 'found'; customer: Customer }
  | { status: 'unknown' }
  | { status: 'error'; message: string };

// UI-7: the caller's customer record, found by the caller number; an unknown number gets a
// new-customer form with the number filled in, and saving it links the pop to the new record.
export function PopCustomer({ phone, callId }: { phone: string; callId: string }) {
  const t = useCustomerMessages();
  const [lookup, setLookup] = useState<Lookup>({ status: 'loading' });
  useEffect(() => {
    setLookup({ status: 'loading' });
    void fetchCustomerByPhone(phone).then(
      (customer) => setLookup({ status: 'found', customer }),
      (err: unknown) =>
        setLookup(
          isApiRequestError(err) && err.status === 404
            ? { status: 'unknown' }
            : { status: 'error', message: err instanceof Error ? err.message : String(err) },
        ),
    );
  }, [phone]);

  if (lookup.status === 'loading') return <Spin />;
  if (lookup.status === 'error') return <Alert type="error" title={lookup.message} />;
  if (lookup.status === 'unknown') {
    return (
      <Card
        size="small"
        title={
          <span>
            <UserAddOutlined /> {t('crm.pop.unknown')}
          </span>
        }
        data-testid="pop-new-customer"
      >
        <CustomerForm
          phone={phone}
          onSaved={(saved: CustomerSaved) => setLookup({ status: 'found', customer: saved })}
        />
      </Card>
    );
  }
  const c = lookup.customer;
  return (
    <div data-testid="pop-customer" data-customer-id={c.id}>
      <Card
        size="small"
        title={t('crm.pop.customer')}
        extra={<NewTicketButton callId={callId} phone={phone} customerId={c.id} />}
      >
        <CustomerSummary customer={c} column={2} />
      </Card>
      <CustomerTicketsPanel customerId={c.id} />
      <Card size="small" title={t('crm.pop.recent')} style={{ marginTop: 8 }}>
        <CustomerTimeline customerId={c.id} limit={5} />
      </Card>
    </div>
  );
}
