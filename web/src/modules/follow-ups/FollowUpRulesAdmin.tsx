import {
  FOLLOW_UP_PURPOSES,
  type FollowUpCategory,
  type FollowUpGroup,
  type FollowUpRule,
  type FollowUpRuleInput,
} from '@switchboard/shared';
import { App, Button, Form, Input, InputNumber, Modal, Select, Switch, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { type FollowUpMessageKey, useFollowUpMessages } from './follow-up-messages.ts';
import {
  createRule,
  followUpCategories,
  followUpGroups,
  followUpRules,
  runRuleNow,
} from './follow-ups-api.ts';

/** Team leads and admins: extraction rules and outbound campaigns (FUP-3, FUP-7). */
export function FollowUpRulesAdmin() {
  const t = useFollowUpMessages();
  const { message } = App.useApp();
  const [rules, setRules] = useState<FollowUpRule[]>([]);
  const [categories, setCategories] = useState<FollowUpCategory[]>([]);
  const [groups, setGroups] = useState<FollowUpGroup[]>([]);
  const [editing, setEditing] = useState(false);
  const [form] = Form.useForm<FollowUpRuleInput>();
  const fail = useCallback(
    (e: unknown) => message.error(e instanceof Error ? e.message : String(e)),
    [message],
  );

  const load = useCallback(async () => {
    try {
      const [r, c, g] = await Promise.all([followUpRules(), followUpCategories(), followUpGroups()]);
      setRules(r.items);
      setCategories(c.items);
      setGroups(g.items);
    } catch (e) {
      fail(e);
    }
  }, [fail]);
  useEffect(() => {
    void load();
  }, [load]);
  // A form opened before the groups arrived gets the first group as soon as they do.
  useEffect(() => {
    if (editing && groups[0] && form.getFieldValue('groupId') === undefined)
      form.setFieldsValue({ groupId: groups[0].id });
  }, [editing, groups, form]);

  const save = async () => {
    const values = await form.validateFields();
    try {
      await createRule({ ...values, serviceCategory: values.serviceCategory || null });
      setEditing(false);
      await load();
    } catch (e) {
      fail(e);
    }
  };
  const run = async (rule: FollowUpRule) => {
    try {
      const r = await runRuleNow(rule.id);
      message.success(t('fu.rule.ran', { created: r.created, skipped: r.skippedDoNotCall }));
      await load();
    } catch (e) {
      fail(e);
    }
  };
  const nameOf = (list: { id: number; name: string }[], id: number) =>
    list.find((x) => x.id === id)?.name ?? id;

  return (
    <section data-testid="follow-up-rules">
      <Button
        type="primary"
        style={{ marginBottom: 12 }}
        data-testid="follow-up-rule-new"
        onClick={() => {
          form.resetFields();
          form.setFieldsValue({
            purpose: 'follow_up',
            deadlineDays: 3,
            daysAfterService: 7,
            callFrom: '09:00',
            callTo: '20:00',
            retryHours: 4,
            maxAttempts: 3,
            active: true,
            ...(groups[0] ? { groupId: groups[0].id } : {}),
          });
          setEditing(true);
        }}
      >
        {t('fu.rule.new')}
      </Button>
      <Table<FollowUpRule>
        rowKey="id"
        size="small"
        dataSource={rules}
        pagination={false}
        onRow={(rule) => ({ 'data-testid': `follow-up-rule-${rule.id}` }) as object}
        columns={[
          { title: t('fu.rule.name'), dataIndex: 'name' },
          {
            title: t('fu.rule.purpose'),
            render: (_, r) => t(`fu.purpose.${r.purpose}` as FollowUpMessageKey),
          },
          { title: t('fu.category'), render: (_, r) => nameOf(categories, r.categoryId) },
          { title: t('fu.rule.days'), dataIndex: 'daysAfterService' },
          { title: t('fu.rule.group'), render: (_, r) => nameOf(groups, r.groupId) },
          { title: t('fu.rule.callFrom'), render: (_, r) => `${r.callFrom}–${r.callTo}` },
          {
            title: t('fu.rule.active'),
            render: (_, r) => (r.active ? <Tag color="green">✓</Tag> : <Tag>—</Tag>),
          },
          { title: t('fu.rule.lastRun'), dataIndex: 'lastRunOn' },
          {
            title: '',
            render: (_, r) => (
              <Button size="small" onClick={() => void run(r)} data-testid={`follow-up-rule-run-${r.id}`}>
                {t('fu.rule.runNow')}
              </Button>
            ),
          },
        ]}
      />
      <Modal
        open={editing}
        title={t('fu.rule.new')}
        onCancel={() => setEditing(false)}
        onOk={() => void save()}
        okText={t('fu.rule.save')}
        forceRender
        data-testid="follow-up-rule-form"
      >
        <Form form={form} layout="vertical">
          <Form.Item name="name" label={t('fu.rule.name')} rules={[{ required: true, max: 60 }]}>
            <Input data-testid="follow-up-rule-name" />
          </Form.Item>
          <Form.Item name="purpose" label={t('fu.rule.purpose')}>
            <Select options={FOLLOW_UP_PURPOSES.map((p) => ({ value: p, label: t(`fu.purpose.${p}`) }))} />
          </Form.Item>
          <Form.Item name="categoryId" label={t('fu.category')} rules={[{ required: true }]}>
            <Select
              data-testid="follow-up-rule-category"
              options={categories.map((c) => ({ value: c.id, label: c.name }))}
            />
          </Form.Item>
          <Form.Item name="daysAfterService" label={t('fu.rule.days')} rules={[{ required: true }]}>
            <InputNumber min={-365} max={365} data-testid="follow-up-rule-days" />
          </Form.Item>
          <Form.Item name="serviceCategory" label={t('fu.rule.serviceCategory')}>
            <Input maxLength={40} />
          </Form.Item>
          <Form.Item name="groupId" label={t('fu.rule.group')} rules={[{ required: true }]}>
            <Select options={groups.map((g) => ({ value: g.id, label: g.name }))} />
          </Form.Item>
          <Form.Item name="deadlineDays" label={t('fu.rule.deadlineDays')} rules={[{ required: true }]}>
            <InputNumber min={1} max={60} />
          </Form.Item>
          <Form.Item
            name="callFrom"
            label={t('fu.rule.callFrom')}
            rules={[{ required: true, pattern: /^\d\d:\d\d$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item
            name="callTo"
            label={t('fu.rule.callTo')}
            rules={[{ required: true, pattern: /^\d\d:\d\d$/ }]}
          >
            <Input />
          </Form.Item>
          <Form.Item name="script" label={t('fu.rule.script')}>
            <Input.TextArea rows={2} maxLength={2000} />
          </Form.Item>
          <Form.Item name="retryHours" hidden>
            <InputNumber />
          </Form.Item>
          <Form.Item name="maxAttempts" hidden>
            <InputNumber />
          </Form.Item>
          <Form.Item name="active" label={t('fu.rule.active')} valuePropName="checked">
            <Switch />
          </Form.Item>
        </Form>
      </Modal>
    </section>
  );
}
