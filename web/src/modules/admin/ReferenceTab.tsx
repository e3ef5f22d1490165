import { Alert, App, Button, Drawer, Form, Input, Popconfirm, Space, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { type ReactNode, useState } from 'react';
import { createItem, deleteItem, type QueryParams, updateItem } from './admin-api.ts';
import { useAdminMessages } from './admin-messages.ts';
import { showServerErrors } from './server-errors.ts';
import { usePagedList } from './use-paged-list.ts';

type Props<T extends { id: number }, V extends object> = {
  path: string;
  testId: string;
  columns: ColumnsType<T>;
  /** Form field names, so the server's field errors land on them. */
  fieldNames: readonly string[];
  fields: ReactNode;
  titles: { create: string; edit: string };
  toValues: (item: T) => V;
  toBody: (values: V) => unknown;
  initialValues?: Partial<V>;
  filters?: QueryParams;
  toolbar?: ReactNode;
};

/** List, search, create, edit and delete for one small reference table (areas, skill groups …). */
export function ReferenceTab<T extends { id: number }, V extends object>(props: Props<T, V>) {
  const t = useAdminMessages();
  const { message } = App.useApp();
  const [q, setQ] = useState('');
  const list = usePagedList<T>(props.path, { q: q || undefined, ...props.filters });
  const [form] = Form.useForm<V>();
  const [editing, setEditing] = useState<T | 'new' | null>(null);
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const open = (item: T | 'new') => {
    setError(null);
    form.resetFields();
    form.setFieldsValue((item === 'new' ? (props.initialValues ?? {}) : props.toValues(item)) as never);
    setEditing(item);
  };

  const save = async (values: V) => {
    setSaving(true);
    setError(null);
    try {
      const body = props.toBody(values);
      if (editing === 'new') await createItem(props.path, body);
      else if (editing) await updateItem(props.path, editing.id, body);
      message.success(t('common.saved'));
      setEditing(null);
      list.reload();
    } catch (caught) {
      setError(showServerErrors(form, caught, props.fieldNames));
    } finally {
      setSaving(false);
    }
  };

  const remove = async (item: T) => {
    try {
      await deleteItem(props.path, item.id);
      message.success(t('common.deleted'));
      list.reload();
    } catch (caught) {
      message.error(caught instanceof Error ? caught.message : String(caught));
    }
  };

  const columns: ColumnsType<T> = [
    ...props.columns,
    {
      title: t('common.actions'),
      key: 'actions',
      width: 140,
      render: (_, item) => (
        <Space>
          <Button type="link" size="small" onClick={() => open(item)}>
            {t('common.edit')}
          </Button>
          <Popconfirm title={t('common.deleteConfirm')} onConfirm={() => remove(item)}>
            <Button type="link" size="small" danger>
              {t('common.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <div data-testid={props.testId}>
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search allowClear placeholder={t('common.search')} onSearch={setQ} style={{ width: 240 }} />
        {props.toolbar}
        <Button type="primary" onClick={() => open('new')}>
          {t('common.create')}
        </Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<T>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
      />
      <Drawer
        open={editing !== null}
        title={editing === 'new' ? props.titles.create : props.titles.edit}
        onClose={() => setEditing(null)}
        forceRender
        extra={
          <Space>
            <Button onClick={() => setEditing(null)}>{t('common.cancel')}</Button>
            <Button type="primary" loading={saving} onClick={() => form.submit()}>
              {t('common.save')}
            </Button>
          </Space>
        }
      >
        {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
        <Form<V> form={form} layout="vertical" onFinish={save} disabled={saving}>
          {props.fields}
        </Form>
      </Drawer>
    </div>
  );
}
