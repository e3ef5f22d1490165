import { ROLE_LABELS, type Staff } from '@switchboard/shared';
import { Alert, App, Button, Input, Popconfirm, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { resetPassword, updateItem, withQuery } from './admin-api.ts';
import { useAdminMessages } from './admin-messages.ts';
import { StaffDrawer } from './StaffDrawer.tsx';
import { usePagedList } from './use-paged-list.ts';

/** 员工: search, page, create/edit, deactivate, reset password, export. */
export function StaffTab() {
  const t = useAdminMessages();
  const { locale } = useI18n();
  const { message, modal } = App.useApp();
  const [q, setQ] = useState('');
  const list = usePagedList<Staff>('/api/staff', { q: q || undefined });
  const [editing, setEditing] = useState<Staff | 'new' | null>(null);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      list.reload();
    } catch (caught) {
      message.error(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const reset = (s: Staff) =>
    act(async () => {
      const { temporaryPassword } = await resetPassword(s.id);
      modal.info({
        title: t('staff.tempPasswordTitle'),
        content: (
          <>
            <Typography.Paragraph>{t('staff.tempPasswordHint', { name: s.name })}</Typography.Paragraph>
            <Typography.Text code copyable data-testid="temporary-password">
              {temporaryPassword}
            </Typography.Text>
          </>
        ),
      });
    });

  const columns: ColumnsType<Staff> = [
    { title: t('staff.employeeNo'), dataIndex: 'employeeNo', width: 90 },
    { title: t('staff.name'), dataIndex: 'name' },
    { title: t('staff.department'), dataIndex: 'departmentName' },
    { title: t('staff.area'), dataIndex: 'areaName' },
    { title: t('staff.extension'), dataIndex: 'extension' },
    {
      title: t('staff.roles'),
      dataIndex: 'roles',
      render: (roles: Staff['roles']) => roles.map((r) => <Tag key={r}>{ROLE_LABELS[r][locale]}</Tag>),
    },
    {
      title: t('staff.skills'),
      dataIndex: 'skills',
      render: (skills: Staff['skills']) => skills.map((k) => `${k.name}·${k.level}`).join(' '),
    },
    {
      title: t('staff.active'),
      dataIndex: 'active',
      render: (active: boolean) =>
        active ? <Tag color="green">{t('staff.activeYes')}</Tag> : <Tag>{t('staff.activeNo')}</Tag>,
    },
    {
      title: t('common.actions'),
      key: 'actions',
      render: (_, s) => (
        <Space size={0} wrap>
          <Button type="link" size="small" onClick={() => setEditing(s)}>
            {t('common.edit')}
          </Button>
          {s.active ? (
            <Popconfirm
              title={t('staff.deactivateConfirm')}
              onConfirm={() => act(() => updateItem('/api/staff', s.id, { active: false }))}
            >
              <Button type="link" size="small" danger>
                {t('staff.deactivate')}
              </Button>
            </Popconfirm>
          ) : (
            <Button
              type="link"
              size="small"
              onClick={() => act(() => updateItem('/api/staff', s.id, { active: true }))}
            >
              {t('staff.reactivate')}
            </Button>
          )}
          <Popconfirm title={t('staff.resetConfirm')} onConfirm={() => reset(s)}>
            <Button type="link" size="small">
              {t('staff.resetPassword')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="admin-staff">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('staff.searchPlaceholder')}
          onSearch={setQ}
          style={{ width: 260 }}
          data-testid="staff-search"
        />
        <Button type="primary" onClick={() => setEditing('new')} data-testid="staff-create">
          {t('common.create')}
        </Button>
        <Button href={withQuery('/api/staff/export', { q: q || undefined })}>{t('common.export')}</Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<Staff>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
      />
      <StaffDrawer
        staff={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </div>
  );
}
