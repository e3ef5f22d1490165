import {
  type Area,
  type Campaign,
  type CampaignInput,
  type CampaignKind,
  ORIGIN_CHANNELS,
} from '@switchboard/shared';
import { App, Button, Card, Form, Input, Radio, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { apiJson } from '../../api/client.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { decideCampaign, draftCampaign, fetchCampaigns } from './outbox-api.ts';
import { type OutboxMessageKey, useOutboxMessages } from './outbox-messages.ts';

const APPROVERS = ['team_lead', 'duty_lead', 'admin'];
const STATE_COLORS = { pending: 'orange', approved: 'green', rejected: 'red' } as const;
type DraftValues = {
  kind: CampaignKind;
  title: string;
  body: string;
  audienceKind: 'numbers' | 'filter';
  numbers?: string;
  vipLevels?: number[];
  areaIds?: number[];
  originChannels?: (typeof ORIGIN_CHANNELS)[number][];
};

function audienceOf(v: DraftValues): CampaignInput['audience'] {
  if (v.audienceKind === 'filter') {
    return {
      kind: 'filter',
      vipLevels: v.vipLevels ?? [],
      areaIds: v.areaIds ?? [],
      originChannels: v.originChannels ?? [],
    };
  }
  const numbers = (v.numbers ?? '')
    .split(/[\s,，;；]+/)
    .map((n) => n.trim())
    .filter(Boolean);
  return { kind: 'numbers', numbers };
}

/** 短信群发 with approval (群发审核, MSG-2): draft to a number list; another lead approves or rejects. */
export function CampaignsPanel() {
  const t = useOutboxMessages();
  const { message } = App.useApp();
  const me = useCurrentUser();
  const canDecide = me.roles.some((r) => APPROVERS.includes(r));
  const [items, setItems] = useState<Campaign[]>([]);
  const [form] = Form.useForm<DraftValues>();
  const audienceKind = Form.useWatch('audienceKind', form) ?? 'numbers';
  const [areas, setAreas] = useState<Area[]>([]);
  const fail = useCallback(
    (error: unknown) => message.error(error instanceof Error ? error.message : String(error)),
    [message],
  );
  const load = useCallback(() => {
    fetchCampaigns().then((r) => setItems(r.items), fail);
  }, [fail]);
  useEffect(load, [load]);
  useEffect(() => {
    apiJson<{ items: Area[] }>('/api/areas?pageSize=200').then(
      (r) => setAreas(r.items),
      () => undefined,
    );
  }, []);

  const onDraft = async (v: DraftValues) => {
    try {
      await draftCampaign({
        kind: v.kind,
        title: v.title,
        body: v.body,
        audience: audienceOf(v),
      });
      message.success(t('ob.camp.submitted'));
      form.resetFields();
      load();
    } catch (error) {
      fail(error);
    }
  };
  const decide = (id: number, verdict: 'approve' | 'reject') => decideCampaign(id, verdict).then(load, fail);
  const required = [{ required: true, whitespace: true, message: t('ob.required') }];

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Card size="small" title={t('ob.camp.new')}>
        <Form
          form={form}
          layout="vertical"
          style={{ maxWidth: 560 }}
          initialValues={{ kind: 'activity', audienceKind: 'numbers' }}
          onFinish={onDraft}
        >
          <Form.Item name="kind" label={t('ob.camp.kind')}>
            <Select
              options={(['activity', 'news', 'general'] as const).map((k) => ({
                value: k,
                label: t(`ob.camp.kind.${k}` as OutboxMessageKey),
              }))}
            />
          </Form.Item>
          <Form.Item name="title" label={t('ob.camp.title')} rules={required}>
            <Input maxLength={100} />
          </Form.Item>
          <Form.Item name="body" label={t('ob.body')} rules={required}>
            <Input.TextArea rows={3} maxLength={500} showCount />
          </Form.Item>
          <Form.Item name="audienceKind" label={t('ob.camp.audience')}>
            <Radio.Group
              options={[
                { value: 'numbers', label: t('ob.camp.audience.byNumbers') },
                { value: 'filter', label: t('ob.camp.audience.filter') },
              ]}
            />
          </Form.Item>
          {audienceKind === 'numbers' ? (
            <Form.Item name="numbers" label={t('ob.camp.numbers')} rules={required}>
              <Input.TextArea rows={3} placeholder="13900001111" />
            </Form.Item>
          ) : (
            <>
              <Form.Item name="vipLevels" label={t('ob.camp.vip')}>
                <Select
                  mode="multiple"
                  options={[0, 1, 2, 3, 4, 5].map((n) => ({ value: n, label: `VIP ${n}` }))}
                />
              </Form.Item>
              <Form.Item name="areaIds" label={t('ob.camp.areas')}>
                <Select mode="multiple" options={areas.map((a) => ({ value: a.id, label: a.name }))} />
              </Form.Item>
              <Form.Item name="originChannels" label={t('ob.camp.origin')}>
                <Select mode="multiple" options={ORIGIN_CHANNELS.map((c) => ({ value: c, label: c }))} />
              </Form.Item>
            </>
          )}
          <Button type="primary" htmlType="submit">
            {t('ob.camp.submit')}
          </Button>
        </Form>
      </Card>
      <Table
        rowKey="id"
        size="small"
        data-testid="campaign-list"
        dataSource={items}
        columns={[
          { title: t('ob.camp.title'), dataIndex: 'title', key: 'title' },
          {
            title: t('ob.camp.kind'),
            key: 'kind',
            render: (_, c) => t(`ob.camp.kind.${c.kind}` as OutboxMessageKey),
          },
          {
            title: t('ob.camp.audience'),
            key: 'audience',
            render: (_, c) =>
              c.audience.kind === 'numbers'
                ? t('ob.camp.audience.numbers', { n: c.audience.numbers.length })
                : t('ob.camp.audience.filter'),
          },
          { title: t('ob.camp.drafter'), key: 'drafter', render: (_, c) => c.draftedBy.name },
          {
            title: t('ob.state'),
            key: 'state',
            render: (_, c) => (
              <Tag color={STATE_COLORS[c.state]}>{t(`ob.camp.state.${c.state}` as OutboxMessageKey)}</Tag>
            ),
          },
          { title: t('ob.camp.decider'), key: 'decider', render: (_, c) => c.decidedBy?.name ?? '' },
          { title: t('ob.camp.progress'), key: 'progress', render: (_, c) => t('ob.camp.counts', c.counts) },
          {
            key: 'actions',
            render: (_, c) =>
              canDecide && c.state === 'pending' && c.draftedBy.id !== me.id ? (
                <Space>
                  <Button size="small" type="primary" onClick={() => decide(c.id, 'approve')}>
                    {t('ob.camp.approve')}
                  </Button>
                  <Button size="small" danger onClick={() => decide(c.id, 'reject')}>
                    {t('ob.camp.reject')}
                  </Button>
                </Space>
              ) : null,
          },
        ]}
      />
    </Space>
  );
}
