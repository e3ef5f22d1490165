import type { KbCategory } from '@switchboard/shared';
import { Alert, Button, Form, Input, Modal, Popconfirm, Select, Space, Switch, Table } from 'antd';
import { useState } from 'react';
import { createCategory, deleteCategory, updateCategory } from './knowledge-api.ts';
import { useKnowledgeMessages } from './knowledge-messages.ts';

type Values = { name: string; parentId?: number; requiresReview?: boolean };
type Props = { open: boolean; categories: KbCategory[]; onClose: () => void; onChanged: () => void };

/** The two-level category tree: add, rename, switch the review rule, delete when empty. */
export function CategoriesModal({ open, categories, onClose, onChanged }: Props) {
  const t = useKnowledgeMessages();
  const [form] = Form.useForm<Values>();
  const [error, setError] = useState<string | null>(null);
  const run = async (change: () => Promise<unknown>) => {
    try {
      await change();
      setError(null);
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  const add = (v: Values) =>
    run(async () => {
      await createCategory({
        name: v.name,
        parentId: v.parentId ?? null,
        requiresReview: v.requiresReview ?? false,
      });
      form.resetFields();
    });
  const tops = categories.filter((c) => c.parentId === null);
  const ordered = tops.flatMap((top) => [top, ...categories.filter((c) => c.parentId === top.id)]);

  return (
    <Modal open={open} title={t('kb.manage.categories')} onCancel={onClose} footer={null} width={720}>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<KbCategory>
        rowKey="id"
        size="small"
        pagination={false}
        dataSource={ordered}
        columns={[
          {
            title: t('kb.manage.categoryName'),
            render: (_, c) => (
              <Input
                defaultValue={c.name}
                maxLength={40}
                style={{ marginLeft: c.parentId === null ? 0 : 24, width: 200 }}
                onBlur={(e) => {
                  const name = e.target.value.trim();
                  if (name && name !== c.name) void run(() => updateCategory(c.id, { name }));
                }}
              />
            ),
          },
          {
            title: t('kb.manage.requiresReview'),
            render: (_, c) => (
              <Switch
                checked={c.requiresReview}
                onChange={(requiresReview) => run(() => updateCategory(c.id, { requiresReview }))}
              />
            ),
          },
          {
            title: t('kb.col.actions'),
            render: (_, c) => (
              <Popconfirm
                title={t('kb.manage.deleteCategory')}
                onConfirm={() => run(() => deleteCategory(c.id))}
              >
                <Button size="small" danger>
                  {t('kb.manage.deleteCategory')}
                </Button>
              </Popconfirm>
            ),
          },
        ]}
      />
      <Form form={form} layout="inline" onFinish={add} style={{ marginTop: 16 }}>
        <Form.Item
          name="name"
          rules={[{ required: true, whitespace: true, message: t('kb.editor.required') }]}
        >
          <Input maxLength={40} placeholder={t('kb.manage.categoryName')} />
        </Form.Item>
        <Form.Item name="parentId">
          <Select
            allowClear
            placeholder={t('kb.manage.parent')}
            style={{ width: 220 }}
            options={tops.map((c) => ({ value: c.id, label: c.name }))}
          />
        </Form.Item>
        <Form.Item name="requiresReview" valuePropName="checked" label={t('kb.manage.reviewShort')}>
          <Switch />
        </Form.Item>
        <Space>
          <Button type="primary" htmlType="submit">
            {t('kb.manage.newCategory')}
          </Button>
        </Space>
      </Form>
    </Modal>
  );
}
