import type { CustomerSaved } from '@switchboard/shared';
import { Alert, Spin } from 'antd';
import { useEffect, useState } from 'react';
import { CustomerDetail } from './CustomerDetail.tsx';
import { fetchCustomer } from './customers-api.ts';

/** Loads one customer by id and shows it. */
export function CustomDetailLoader({ id, onChanged }: { id: number; onChanged?: () => void }) {
  const [customer, setCustomer] = useState<CustomerSaved | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    void fetchCustomer(id).then(setCustomer, (e: Error) => setError(e.message));
  }, [id]);
  if (error) return <Alert type="error" title={error} />;
  if (!customer) return <Spin />;
  return (
    <CustomerDetail
      customer={customer}
      onChanged={(c) => {
        setCustomer(c);
        onChanged?.();
      }}
    />
  );
}
