import type { IvrNode, IvrValidationProblem } from '@switchboard/shared';
import { Alert, Button, Form, Input, InputNumber, Select, Switch, Typography } from 'antd';
import { useState } from 'react';
import { useLocalMessages } from '../../i18n/local-messages.ts';
import { IvrBranchConditions } from './IvrBranchConditions.tsx';
import { IvrMenuOptions } from './IvrMenuOptions.tsx';
import { NextNodeSelect } from './IvrRowControls.tsx';
import { IvrTransferTargetInput } from './IvrTransferTargetInput.tsx';
import { IVR_MESSAGES } from './ivr-messages.ts';
import { EXIT_FIELDS, KEYPAD, type NodeChoice } from './node-templates.ts';

type Props = {
  node: IvrNode;
  nodes: NodeChoice[];
  humanKey: string | null;
  problems: IvrValidationProblem[];
  locale: 'zh-CN' | 'en-US';
  onChange(node: IvrNode): void;
};

const FORMATS = ['amount', 'number', 'digits'] as const;
/** Fields with their own control below the scalar ones. */
const LIST_FIELDS = new Set(['type', 'options', 'conditions', 'target']);

/**
 * One node's fields as form controls: exits as a choice of the flow's nodes, menu options and
 * branch conditions as rows, the transfer target as kind + queue/agent/number. The server's
 * validation problems show on the field (or row) concerned and, in full, at the top.
 */
export function IvrNodeForm({ node, nodes, humanKey, problems, locale, onChange }: Props) {
  const t = useLocalMessages(IVR_MESSAGES);
  const [showJson, setShowJson] = useState(false);
  const set = (key: string, value: unknown) => onChange({ ...node, [key]: value } as IvrNode);
  const problemAt = (field: string) => problems.find((p) => p.field === field);
  const problemUnder = (field: string) =>
    problems.find((p) => p.field === field || p.field?.startsWith(`${field}[`));
  const label = (key: string) => {
    const name = `field.${key}` as Parameters<typeof t>[0];
    return IVR_MESSAGES[locale][name] ? `${t(name)} · ${key}` : key;
  };

  const scalarControl = (key: string, value: unknown, status: 'error' | undefined) => {
    const testId = `ivr-field-${key}`;
    if (EXIT_FIELDS.has(key))
      return (
        <NextNodeSelect
          nodes={nodes}
          value={String(value)}
          invalid={status === 'error'}
          onChange={(v) => set(key, v)}
          testId={testId}
        />
      );
    if (key === 'format')
      return (
        <Select
          value={value}
          onChange={(v) => set(key, v)}
          options={FORMATS.map((f) => ({ value: f, label: t(`format.${f}`) }))}
          data-testid={testId}
        />
      );
    if (key === 'terminator')
      return (
        <Select
          allowClear
          value={value}
          onChange={(v) => set(key, v)}
          options={KEYPAD.map((d) => ({ value: d, label: d }))}
          data-testid={testId}
        />
      );
    if (typeof value === 'number')
      return <InputNumber value={value} onChange={(v) => set(key, v ?? 0)} data-testid={testId} />;
    if (typeof value === 'boolean')
      return <Switch checked={value} onChange={(v) => set(key, v)} data-testid={testId} />;
    return (
      <Input
        status={status}
        value={String(value ?? '')}
        onChange={(e) => set(key, e.target.value)}
        data-testid={testId}
      />
    );
  };

  const listHelp = (field: string) => problemUnder(field)?.message[locale];
  // Not the item's validateStatus: that would paint every row's controls red, not just the wrong one.
  const listProblem = (field: string) =>
    listHelp(field) && <Typography.Text type="danger">{listHelp(field)}</Typography.Text>;
  return (
    <Form layout="vertical" size="small" data-testid="ivr-node-form">
      {problems.map((p) => (
        <Alert
          key={`${p.code}-${p.field ?? ''}`}
          type="error"
          showIcon
          style={{ marginBottom: 8 }}
          title={p.message[locale]}
          data-testid="ivr-node-problem"
        />
      ))}
      {Object.entries(node).map(([key, value]) => {
        if (LIST_FIELDS.has(key)) return null;
        const problem = problemAt(key);
        return (
          <Form.Item
            key={`${node.id}-${key}`}
            label={label(key)}
            validateStatus={problem ? 'error' : undefined}
            help={problem?.message[locale]}
          >
            {scalarControl(key, value, problem ? 'error' : undefined)}
          </Form.Item>
        );
      })}
      {node.type === 'menu' && (
        <Form.Item label={`${t('options')} · options`} extra={listProblem('options')}>
          <IvrMenuOptions
            options={node.options}
            nodes={nodes}
            humanKey={humanKey}
            problemAt={problemAt}
            onChange={(options) => onChange({ ...node, options })}
          />
        </Form.Item>
      )}
      {node.type === 'branch' && (
        <Form.Item label={`${t('conditions')} · conditions`} extra={listProblem('conditions')}>
          <IvrBranchConditions
            conditions={node.conditions}
            nodes={nodes}
            problemAt={problemAt}
            onChange={(conditions) => onChange({ ...node, conditions })}
          />
        </Form.Item>
      )}
      {node.type === 'transfer' && (
        <Form.Item label={`${t('target')} · target`} extra={listProblem('target')}>
          <IvrTransferTargetInput
            value={node.target}
            status={listHelp('target') ? 'error' : undefined}
            onChange={(target) => onChange({ ...node, target })}
            testId="ivr-target"
          />
        </Form.Item>
      )}
      <Button
        size="small"
        type="link"
        style={{ padding: 0 }}
        onClick={() => setShowJson((v) => !v)}
        data-testid="ivr-node-json-toggle"
      >
        {showJson ? t('hideJson') : t('viewJson')}
      </Button>
      {showJson && (
        <pre
          data-testid="ivr-node-json"
          style={{ maxHeight: 240, overflow: 'auto', fontSize: 12, background: '#fafafa', padding: 8 }}
        >
          {JSON.stringify(node, null, 2)}
        </pre>
      )}
    </Form>
  );
}
