import type { Announcement, AnnouncementStatus } from '@switchboard/shared';
import { Alert, App, Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { deleteItem } from '../admin/admin-api.ts';
import { usePagedList } from '../admin/use-paged-list.ts';
import { AnnouncementDrawer } from './AnnouncementDrawer.tsx';
import { useAnnouncementMessages } from './announcement-messages.ts';
import { ANNOUNCEMENTS_PATH } from './announcements-api.ts';

const STATUS_COLOURS: Record<AnnouncementStatus, string> = {
  scheduled: 'blue',
  active: 'green',
  expired: 'default',
};

/** 公告 in the back office: list, search, publish, edit, delete (MSG-1). */
export function AnnouncementsAdminTab() {
  const t = useAnnouncementMessages();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const list = usePagedList<Announcement>(ANNOUNCEMENTS_PATH, { q: q || undefined });
  const [editing, setEditing] = useState<Announcement | 'new' | null>(null);

  const remove = async (a: Announcement) => {
    try {
      await deleteItem(ANNOUNCEMENTS_PATH, a.id);
      message.success(t('ann.admin.deleted'));
      list.reload();
    } catch (caught) {
      message.error(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const columns: ColumnsType<Announcement> = [
    {
      title: t('ann.admin.title'),
      dataIndex: 'title',
      render: (title: string, a) => (
        <>
          {a.urgent && <Tag color="red">{t('ann.urgent')}</Tag>}
          {title}
        </>
      ),
    },
    {
      title: t('ann.admin.audience'),
      key: 'audience',
      render: (_, a) =>
        a.audience === 'all'
          ? t('ann.admin.audience.all')
          : `${t(`ann.admin.audience.${a.audience}`)}：${a.targets.map((x) => x.label).join('、')}`,
    },
    {
      title: t('ann.admin.validity'),
      key: 'validity',
      render: (_, a) =>
        `${new Date(a.validFrom).toLocaleString()} – ${a.validTo ? new Date(a.validTo).toLocaleString() : t('ann.validOpen')}`,
    },
    {
      title: t('ann.admin.status'),
      dataIndex: 'status',
      render: (s: AnnouncementStatus) => <Tag color={STATUS_COLOURS[s]}>{t(`ann.admin.status.${s}`)}</Tag>,
    },
    { title: t('ann.admin.reads'), dataIndex: 'readCount', width: 90 },
    { title: t('ann.admin.createdBy'), dataIndex: 'createdByName', width: 100 },
    {
      title: t('ann.admin.actions'),
      key: 'actions',
      width: 140,
      render: (_, a) => (
        <Space>
          <Button type="link" size="small" onClick={() => setEditing(a)}>
            {t('ann.admin.edit')}
          </Button>
          <Popconfirm title={t('ann.admin.deleteConfirm')} onConfirm={() => remove(a)}>
            <Button type="link" size="small" danger>
              {t('ann.admin.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid="admin-announcements">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('ann.admin.search')} onSearch={setQ} style={{ width: 260 }} />
        <Button type="primary" onClick={() => setEditing('new')} data-testid="announcement-create">
          {t('ann.admin.create')}
        </Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<Announcement>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
      />
      <AnnouncementDrawer
        announcement={editing}
        onClose={() => setEditing(null)}
        onSaved={() => {
          setEditing(null);
          list.reload();
        }}
      />
    </div>
  );
}
