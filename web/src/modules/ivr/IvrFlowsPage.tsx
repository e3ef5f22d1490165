import {
  IVR_NODE_KIND_OF,
  type IvrFlow,
  type IvrFlowDefinition,
  type IvrFlowVersion,
  type IvrNodeType,
  type IvrValidationProblem,
} from '@switchboard/shared';
import { App as AntApp, Button, Card, Col, Form, Input, Row, Select, Space, Table, Tag } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useLocalMessages } from '../../i18n/local-messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { IvrNodeForm } from './IvrNodeForm.tsx';
import { IvrTransferTargetInput } from './IvrTransferTargetInput.tsx';
import {
  createFlow,
  fetchFlows,
  fetchVersions,
  publishVersion,
  saveDraft,
  validateDefinition,
} from './ivr-api.ts';
import { IVR_MESSAGES } from './ivr-messages.ts';
import { exitsOfNode, KEYPAD, NODE_TYPES, newNode, nodeOptions } from './node-templates.ts';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** 系统管理 → IVR 流程 (IVR-1): flows, versions, a form editor with validation on each node. */
export function IvrFlowsPage() {
  const t = useLocalMessages(IVR_MESSAGES);
  const { locale } = useI18n();
  const { message } = AntApp.useApp();
  const [flows, setFlows] = useState<IvrFlow[]>([]);
  const [flowId, setFlowId] = useState<number | null>(null);
  const [versions, setVersions] = useState<IvrFlowVersion[]>([]);
  const [draft, setDraft] = useState<IvrFlowDefinition | null>(null);
  const [selected, setSelected] = useState<string | null>(null);
  const [problems, setProblems] = useState<IvrValidationProblem[] | null>(null);
  const [newType, setNewType] = useState<IvrNodeType>('play');
  const [form] = Form.useForm<{ name: string; accessCode: string }>();

  const loadFlows = useCallback(
    () =>
      fetchFlows().then(
        (r) => setFlows(r.items),
        (e) => message.error(errorText(e)),
      ),
    [message],
  );
  useEffect(() => {
    void loadFlows();
  }, [loadFlows]);

  const openFlow = useCallback(async (id: number) => {
    setFlowId(id);
    const r = await fetchVersions(id);
    setVersions(r.items);
    setDraft(r.items[0] ? structuredClone(r.items[0].definition) : null);
    setSelected(r.items[0]?.definition.start ?? null);
    setProblems(null);
  }, []);

  const nodeIds = useMemo(() => draft?.nodes.map((n) => n.id) ?? [], [draft]);
  const nodeChoices = useMemo(() => draft?.nodes.map(({ id, name }) => ({ id, name })) ?? [], [draft]);
  const node = draft?.nodes.find((n) => n.id === selected);
  const problemsOf = (id: string | null) => (problems ?? []).filter((p) => p.nodeId === id);
  const latest = versions[0];

  const runValidate = async () => {
    if (!draft) return;
    try {
      const r = await validateDefinition(draft);
      setProblems(r.problems);
      r.ok ? message.success(t('valid')) : message.error(t('invalid', { count: r.problems.length }));
    } catch (e) {
      message.error(errorText(e));
    }
  };
  const runSave = async () => {
    if (!draft || flowId === null) return null;
    try {
      const r = await saveDraft(flowId, draft);
      setProblems(r.validation.problems);
      message.success(t('saved', { version: r.version.version }));
      setVersions((await fetchVersions(flowId)).items);
      return r;
    } catch (e) {
      message.error(errorText(e));
      return null;
    }
  };
  const runPublish = async () => {
    const saved = await runSave();
    if (!saved || flowId === null) return;
    if (!saved.validation.ok) {
      message.error(t('invalid', { count: saved.validation.problems.length }));
      return;
    }
    try {
      const v = await publishVersion(flowId, saved.version.version);
      message.success(t('publishedOk', { version: v.version }));
      setVersions((await fetchVersions(flowId)).items);
      void loadFlows();
    } catch (e) {
      message.error(errorText(e));
    }
  };

  return (
    <section data-testid="ivr-flows-page">
      <Card size="small" title={t('flows')}>
        <Table<IvrFlow>
          size="small"
          rowKey="id"
          pagination={false}
          dataSource={flows}
          onRow={(f) =>
            ({ onClick: () => void openFlow(f.id), 'data-testid': `ivr-flow-row-${f.id}` }) as never
          }
          rowClassName={(f) => (f.id === flowId ? 'ant-table-row-selected' : '')}
          columns={[
            { title: t('name'), dataIndex: 'name' },
            { title: t('accessCode'), dataIndex: 'accessCode' },
            { title: t('published'), dataIndex: 'publishedVersion' },
            { title: t('latest'), dataIndex: 'latestVersion' },
          ]}
        />
        <Form
          form={form}
          layout="inline"
          style={{ marginTop: 8 }}
          onFinish={async (v) => {
            try {
              const f = await createFlow({
                name: v.name,
                accessCode: v.accessCode?.trim() ? v.accessCode.trim() : null,
              });
              await loadFlows();
              await openFlow(f.id);
              form.resetFields();
            } catch (e) {
              message.error(errorText(e));
            }
          }}
        >
          <Form.Item name="name" rules={[{ required: true }]}>
            <Input placeholder={t('name')} data-testid="ivr-new-flow-name" />
          </Form.Item>
          <Form.Item name="accessCode">
            <Input placeholder={t('accessCode')} data-testid="ivr-new-flow-code" />
          </Form.Item>
          <Button htmlType="submit" data-testid="ivr-new-flow">
            {t('newFlow')}
          </Button>
        </Form>
      </Card>

      {draft && flowId !== null && (
        <Row gutter={12} style={{ marginTop: 12 }}>
          <Col span={14}>
            <Card
              size="small"
              title={`${t('nodes')} · v${latest?.version ?? ''} ${latest ? t(`status.${latest.status}`) : ''}`}
              extra={
                <Space>
                  <Button onClick={runValidate} data-testid="ivr-validate">
                    {t('validate')}
                  </Button>
                  <Button onClick={() => void runSave()} data-testid="ivr-save">
                    {t('saveDraft')}
                  </Button>
                  <Button type="primary" onClick={runPublish} data-testid="ivr-publish">
                    {t('publish')}
                  </Button>
                </Space>
              }
            >
              {latest?.status !== 'draft' && <Tag color="orange">{t('readOnly')}</Tag>}
              {problems !== null && (
                <Tag color={problems.length === 0 ? 'green' : 'red'} data-testid="ivr-validation-summary">
                  {problems.length === 0 ? t('valid') : t('invalid', { count: problems.length })}
                </Tag>
              )}
              <Space style={{ margin: '8px 0' }} wrap>
                <span>{t('start')}</span>
                <Select
                  size="small"
                  style={{ width: 180 }}
                  value={draft.start}
                  options={nodeOptions(nodeChoices)}
                  virtual={false}
                  onChange={(start) => setDraft({ ...draft, start })}
                  data-testid="ivr-start"
                />
                <span>{t('humanKey')}</span>
                <Select
                  size="small"
                  style={{ width: 72 }}
                  value={draft.humanKey ?? ''}
                  virtual={false}
                  options={[
                    { value: '', label: t('noHumanKey') },
                    ...KEYPAD.map((d) => ({ value: d, label: d })),
                  ]}
                  onChange={(key) => setDraft({ ...draft, humanKey: key === '' ? null : key })}
                  data-testid="ivr-human-key"
                />
              </Space>
              {draft.humanKey !== null && (
                <Space style={{ marginBottom: 8, width: '100%' }}>
                  <span style={{ whiteSpace: 'nowrap' }}>{t('humanTarget')}</span>
                  <div style={{ width: 380 }}>
                    <IvrTransferTargetInput
                      value={draft.humanTarget}
                      status={problemsOf(null).some((p) => p.field === 'humanTarget') ? 'error' : undefined}
                      onChange={(humanTarget) => setDraft({ ...draft, humanTarget })}
                      testId="ivr-human-target"
                    />
                  </div>
                </Space>
              )}
              {problemsOf(null).map((p) => (
                <div key={`${p.code}-${p.field ?? ''}`}>
                  <Tag color="red" data-testid="ivr-flow-problem">
                    {p.message[locale]}
                  </Tag>
                </div>
              ))}
              <Table
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={draft.nodes}
                onRow={(n) =>
                  ({ onClick: () => setSelected(n.id), 'data-testid': `ivr-node-row-${n.id}` }) as never
                }
                rowClassName={(n) => (n.id === selected ? 'ant-table-row-selected' : '')}
                columns={[
                  { title: t('nodeId'), dataIndex: 'id' },
                  { title: t('name'), dataIndex: 'name' },
                  { title: t('kind'), render: (_, n) => t(`kind.${IVR_NODE_KIND_OF[n.type]}`) },
                  { title: t('type'), dataIndex: 'type' },
                  { title: t('exits'), render: (_, n) => exitsOfNode(n).join(', ') },
                  {
                    title: t('problems'),
                    render: (_, n) => {
                      const count = problemsOf(n.id).length;
                      return count > 0 ? (
                        <Tag color="red" data-testid={`ivr-node-problems-${n.id}`}>
                          {count}
                        </Tag>
                      ) : null;
                    },
                  },
                ]}
              />
              <Space style={{ marginTop: 8 }}>
                <Select
                  size="small"
                  style={{ width: 160 }}
                  value={newType}
                  onChange={setNewType}
                  virtual={false}
                  data-testid="ivr-new-node-type"
                  options={NODE_TYPES.map((type) => ({
                    value: type,
                    label: `${type} · ${t(`kind.${IVR_NODE_KIND_OF[type]}`)}`,
                  }))}
                />
                <Button
                  size="small"
                  data-testid="ivr-add-node"
                  onClick={() => {
                    let i = draft.nodes.length + 1;
                    while (nodeIds.includes(`${newType}_${i}`)) i += 1;
                    const id = `${newType}_${i}`;
                    setDraft({ ...draft, nodes: [...draft.nodes, newNode(newType, id)] });
                    setSelected(id);
                  }}
                >
                  {t('addNode')}
                </Button>
                {node && (
                  <Button
                    size="small"
                    danger
                    data-testid="ivr-delete-node"
                    onClick={() => {
                      setDraft({ ...draft, nodes: draft.nodes.filter((n) => n.id !== node.id) });
                      setSelected(null);
                    }}
                  >
                    {t('deleteNode')}
                  </Button>
                )}
              </Space>
            </Card>
            <Card size="small" title={t('versions')} style={{ marginTop: 12 }}>
              <Table<IvrFlowVersion>
                size="small"
                rowKey="id"
                pagination={false}
                dataSource={versions}
                columns={[
                  { title: 'v', dataIndex: 'version' },
                  {
                    title: t('status'),
                    render: (_, v) => (
                      <Tag data-testid={`ivr-version-${v.version}`}>{t(`status.${v.status}`)}</Tag>
                    ),
                  },
                  { title: 'createdAt', render: (_, v) => new Date(v.createdAt).toLocaleString('zh-CN') },
                ]}
              />
            </Card>
          </Col>
          <Col span={10}>
            <Card
              size="small"
              title={node ? `${node.id} · ${t(`kind.${IVR_NODE_KIND_OF[node.type]}`)}` : t('nodes')}
            >
              {node ? (
                <IvrNodeForm
                  key={node.id}
                  node={node}
                  nodes={nodeChoices}
                  humanKey={draft.humanKey}
                  locale={locale}
                  problems={problemsOf(node.id)}
                  onChange={(changed) => {
                    setDraft({ ...draft, nodes: draft.nodes.map((n) => (n.id === node.id ? changed : n)) });
                    if (changed.id !== node.id) setSelected(changed.id);
                  }}
                />
              ) : (
                t('selectNode')
              )}
            </Card>
          </Col>
        </Row>
      )}
    </section>
  );
}
