import type { CallTagPurpose, CallTagTree, CallTagType } from '@switchboard/shared';
import { App, Button, Popconfirm, Space, Table, Tabs, Tag } from 'antd';
import { type HTMLAttributes, useCallback, useEffect, useState } from 'react';
import { FaultAlarmHistory } from '../fault-alarms/FaultAlarmHistory.tsx';
import { CallTagSettingsForm } from './CallTagSettingsForm.tsx';
import { CallTagTypeDialog, type TypeDialogMode } from './CallTagTypeDialog.tsx';
import { useCallTagMessages } from './call-tag-messages.ts';
import {
  createCallTagType,
  deleteCallTagType,
  fetchCallTagTree,
  moveCallTagType,
  updateCallTagType,
} from './call-tags-api.ts';

type Row = CallTagType & { children?: CallTagType[] };

/** 系统管理 → 话务标识: the purpose → sub-type tree, the tagging rules, the fault alarm history. */
export function CallTagAdmin() {
  const m = useCallTagMessages();
  return (
    <section data-testid="call-tag-admin">
      <Tabs
        size="small"
        items={[
          { key: 'tree', label: m('tag.admin.tree'), children: <CallTagTreeEditor /> },
          { key: 'settings', label: m('tag.admin.settings'), children: <CallTagSettingsForm /> },
          { key: 'alarms', label: m('tag.admin.alarms'), children: <FaultAlarmHistory /> },
        ]}
      />
    </section>
  );
}

function CallTagTreeEditor() {
  const m = useCallTagMessages();
  const { message } = App.useApp();
  const [tree, setTree] = useState<CallTagTree | null>(null);
  const [dialog, setDialog] = useState<TypeDialogMode>(null);

  const load = useCallback(() => {
    fetchCallTagTree(true).then(setTree, (e: unknown) =>
      message.error(e instanceof Error ? e.message : String(e)),
    );
  }, [message]);
  useEffect(load, [load]);

  const act = (change: () => Promise<unknown>) => async () => {
    try {
      const next = await change();
      if (typeof next === 'object' && next !== null && 'items' in next) setTree(next as CallTagTree);
      else load();
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  const rows: Row[] = (tree?.items ?? []).map((p: CallTagPurpose) => ({
    ...p,
    ...(p.children.length ? { children: p.children } : {}),
  }));

  return (
    <>
      <Space style={{ marginBottom: 12 }}>
        <Button
          type="primary"
          onClick={() => setDialog({ kind: 'add', parentId: null })}
          data-testid="tag-add-purpose"
        >
          {m('tag.admin.addPurpose')}
        </Button>
      </Space>
      <Table<Row>
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={rows}
        expandable={{ defaultExpandAllRows: true }}
        key={tree ? 'loaded' : 'loading'}
        data-testid="call-tag-tree"
        onRow={(r) => ({ 'data-testid': `tag-row-${r.code}` }) as HTMLAttributes<HTMLElement>}
        columns={[
          { title: m('tag.admin.name'), dataIndex: 'name' },
          { title: m('tag.admin.code'), dataIndex: 'code' },
          {
            title: m('tag.admin.status'),
            dataIndex: 'active',
            render: (active: boolean) =>
              active ? (
                <Tag color="green">{m('tag.admin.active')}</Tag>
              ) : (
                <Tag>{m('tag.admin.inactive')}</Tag>
              ),
          },
          { title: m('tag.admin.used'), dataIndex: 'usedBy' },
          {
            title: m('tag.admin.actions'),
            key: 'actions',
            render: (_, r) => (
              <Space size={0} wrap>
                {r.parentId === null ? (
                  <Button
                    type="link"
                    size="small"
                    onClick={() => setDialog({ kind: 'add', parentId: r.id })}
                    data-testid={`tag-add-sub-${r.code}`}
                  >
                    {m('tag.admin.addSub')}
                  </Button>
                ) : null}
                <Button
                  type="link"
                  size="small"
                  onClick={() => setDialog({ kind: 'rename', id: r.id, name: r.name })}
                >
                  {m('tag.admin.rename')}
                </Button>
                <Button type="link" size="small" onClick={act(() => moveCallTagType(r.id, 'up'))}>
                  {m('tag.admin.up')}
                </Button>
                <Button type="link" size="small" onClick={act(() => moveCallTagType(r.id, 'down'))}>
                  {m('tag.admin.down')}
                </Button>
                <Button
                  type="link"
                  size="small"
                  onClick={act(() => updateCallTagType(r.id, { active: !r.active }))}
                >
                  {r.active ? m('tag.admin.deactivate') : m('tag.admin.activate')}
                </Button>
                {r.usedBy === 0 && !r.children?.length ? (
                  <Popconfirm
                    title={m('tag.admin.deleteConfirm')}
                    onConfirm={act(() => deleteCallTagType(r.id))}
                    okText={m('tag.admin.delete')}
                    cancelText={m('tag.admin.cancel')}
                  >
                    <Button type="link" size="small" danger>
                      {m('tag.admin.delete')}
                    </Button>
                  </Popconfirm>
                ) : null}
              </Space>
            ),
          },
        ]}
      />
      <CallTagTypeDialog
        mode={dialog}
        onClose={() => setDialog(null)}
        onSubmit={async (v) => {
          if (!dialog) return;
          const next =
            dialog.kind === 'add'
              ? await createCallTagType({ parentId: dialog.parentId, code: v.code, name: v.name })
              : await updateCallTagType(dialog.id, { name: v.name });
          setTree(next);
        }}
      />
    </>
  );
}
