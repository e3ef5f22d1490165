import type { Customer, CustomerSaved } from '@switchboard/shared';
import { Button, Drawer, Input, Space, Table, Tabs, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { CustomFieldsPanel, DuplicatesPanel, ImportExportPanel } from './CustomerBackOffice.tsx';
import { CustomDetailLoader } from './CustomerDetailLoader.tsx';
import { CustomerForm } from './CustomerForm.tsx';
import { useCustomerMessages } from './customer-messages.ts';
import { fetchCustomers } from './customers-api.ts';

// 服务支撑 → 客户资料 (CRM-1…4).
const BACK_OFFICE = ['team_lead', 'data_maintenance', 'admin'];

export function CustomersPage() {
  const t = useCustomerMessages();
  const me = useCurrentUser();
  const backOffice = me.roles.some((r) => BACK_OFFICE.includes(r));
  const isAdmin = me.roles.includes('admin');
  const tabs = [
    { key: 'list', label: t('crm.tab.list'), children: <CustomerList /> },
    { key: 'dup', label: t('crm.tab.duplicates'), children: <DuplicatesPanel /> },
    ...(backOffice ? [{ key: 'import', label: t('crm.tab.import'), children: <ImportExportPanel /> }] : []),
    ...(isAdmin ? [{ key: 'fields', label: t('crm.tab.fields'), children: <CustomFieldsPanel /> }] : []),
  ];
  return (
    <section data-testid="customers-page">
      <Tabs items={tabs} destroyOnHidden />
    </section>
  );
}

function CustomerList() {
  const t = useCustomerMessages();
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [data, setData] = useState<{ items: Customer[]; total: number }>({ items: [], total: 0 });
  const [openId, setOpenId] = useState<number | null>(null);
  const [creating, setCreating] = useState(false);
  const load = useCallback(() => {
    void fetchCustomers(q, page).then(setData);
  }, [q, page]);
  useEffect(load, [load]);
  const saved = (c: CustomerSaved) => {
    setCreating(false);
    setOpenId(c.id);
    load();
  };
  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('crm.search')}
          style={{ width: 360 }}
          data-testid="customer-search"
          onSearch={(v) => {
            setPage(1);
            setQ(v);
          }}
        />
        <Button type="primary" onClick={() => setCreating(true)} data-testid="customer-new">
          {t('crm.new')}
        </Button>
      </Space>
      <Table<Customer>
        size="small"
        rowKey="id"
        dataSource={data.items}
        data-testid="customer-table"
        onRow={(c) => ({ onClick: () => setOpenId(c.id), style: { cursor: 'pointer' } })}
        pagination={{
          current: page,
          total: data.total,
          pageSize: 20,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          { title: t('crm.name'), dataIndex: 'name' },
          { title: t('crm.phones'), render: (_, c) => c.phones.join('、') },
          { title: t('crm.cardNo'), dataIndex: 'cardNo' },
          { title: t('crm.area'), dataIndex: 'areaName' },
          {
            title: t('crm.vipLevel'),
            render: (_, c) => (c.vipLevel > 0 ? <Tag color="gold">VIP{c.vipLevel}</Tag> : null),
          },
          { title: t('crm.address'), dataIndex: 'address' },
        ]}
      />
      <Drawer open={openId !== null} size={720} onClose={() => setOpenId(null)} destroyOnHidden>
        {openId !== null && <CustomDetailLoader id={openId} onChanged={load} />}
      </Drawer>
      <Drawer
        open={creating}
        size={560}
        title={t('crm.new')}
        onClose={() => setCreating(false)}
        destroyOnHidden
      >
        <CustomerForm onSaved={saved} />
      </Drawer>
    </>
  );
}
