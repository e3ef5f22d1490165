import { App, Button, Form, Input, Space, Table } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useFollowUpMessages } from './follow-up-messages.ts';
import { addDoNotCall, doNotCallList, removeDoNotCall } from './follow-ups-api.ts';

type Entry = { phone: string; reason: string; createdAt: string };

/** 禁呼名单 (FUP-7): numbers no rule or campaign may call. */
export function DoNotCallAdmin() {
  const t = useFollowUpMessages();
  const { message } = App.useApp();
  const [items, setItems] = useState<Entry[]>([]);
  const [form] = Form.useForm<{ phone: string; reason: string }>();
  const fail = useCallback(
    (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
    [message],
  );
  const load = useCallback(() => doNotCallList().then((r) => setItems(r.items), fail), [fail]);
  useEffect(() => {
    void load();
  }, [load]);

  const add = async ({ phone, reason }: { phone: string; reason?: string }) => {
    try {
      await addDoNotCall(phone, reason ?? '');
      form.resetFields();
      await load();
    } catch (e) {
      fail(e);
    }
  };

  return (
    <section data-testid="follow-up-dnc">
      <Form form={form} layout="inline" onFinish={(v) => void add(v)} style={{ marginBottom: 12 }}>
        <Form.Item name="phone" rules={[{ required: true, pattern: /^[0-9]{3,20}$/ }]}>
          <Input placeholder={t('fu.dnc.phone')} data-testid="follow-up-dnc-phone" />
        </Form.Item>
        <Form.Item name="reason">
          <Input placeholder={t('fu.dnc.reason')} maxLength={200} />
        </Form.Item>
        <Button htmlType="submit" data-testid="follow-up-dnc-add">
          {t('fu.dnc.add')}
        </Button>
      </Form>
      <Table<Entry>
        rowKey="phone"
        size="small"
        dataSource={items}
        pagination={{ pageSize: 20 }}
        columns={[
          { title: t('fu.dnc.phone'), dataIndex: 'phone' },
          { title: t('fu.dnc.reason'), dataIndex: 'reason' },
          { title: '', render: (_, e) => new Date(e.createdAt).toLocaleString() },
          {
            title: '',
            render: (_, e) => (
              <Space>
                <Button size="small" danger onClick={() => void removeDoNotCall(e.phone).then(load, fail)}>
                  {t('fu.dnc.remove')}
                </Button>
              </Space>
            ),
          },
        ]}
      />
    </section>
  );
}
