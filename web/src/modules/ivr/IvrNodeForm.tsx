import type { IvrNode, IvrValidationProblem } from '@switchboard/shared';
import { Alert, Form, Input, InputNumber, Select, Switch } from 'antd';
import { useState } from 'react';
import { useLocalMessages } from '../../i18n/local-messages.ts';
import { IVR_MESSAGES } from './ivr-messages.ts';
import { EXIT_FIELDS } from './node-templates.ts';

type Props = {
  node: IvrNode;
  nodeIds: string[];
  problems: IvrValidationProblem[];
  locale: 'zh-CN' | 'en-US';
  onChange(node: IvrNode): void;
};

/** One node's fields: exits as a choice of node ids, lists (menu options, conditions) as JSON. */
export function IvrNodeForm({ node, nodeIds, problems, locale, onChange }: Props) {
  const t = useLocalMessages(IVR_MESSAGES);
  const [jsonErrors, setJsonErrors] = useState<Record<string, boolean>>({});
  const set = (key: string, value: unknown) => onChange({ ...node, [key]: value } as IvrNode);
  const problemOf = (field: string) =>
    problems.find((p) => p.field === field || p.field?.startsWith(`${field}[`));
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
        if (key === 'type') return null;
        const problem = problemOf(key);
        const status = problem ? ('error' as const) : undefined;
        let input: React.ReactNode;
        if (EXIT_FIELDS.has(key)) {
          input = (
            <Select
              status={status}
              value={String(value)}
              onChange={(v) => set(key, v)}
              options={nodeIds.map((id) => ({ value: id, label: id }))}
              data-testid={`ivr-field-${key}`}
            />
          );
        } else if (typeof value === 'number') {
          input = (
            <InputNumber value={value} onChange={(v) => set(key, v ?? 0)} data-testid={`ivr-field-${key}`} />
          );
        } else if (typeof value === 'boolean') {
          input = <Switch checked={value} onChange={(v) => set(key, v)} data-testid={`ivr-field-${key}`} />;
        } else if (typeof value === 'object' && value !== null) {
          input = (
            <Input.TextArea
              status={status ?? (jsonErrors[key] ? 'error' : undefined)}
              autoSize={{ minRows: 2, maxRows: 10 }}
              defaultValue={JSON.stringify(value, null, 1)}
              onBlur={(e) => {
                try {
                  set(key, JSON.parse(e.target.value));
                  setJsonErrors((j) => ({ ...j, [key]: false }));
                } catch {
                  setJsonErrors((j) => ({ ...j, [key]: true }));
                }
              }}
              data-testid={`ivr-field-${key}`}
            />
          );
        } else {
          input = (
            <Input
              status={status}
              value={String(value ?? '')}
              onChange={(e) => set(key, e.target.value)}
              data-testid={`ivr-field-${key}`}
            />
          );
        }
        return (
          <Form.Item
            key={`${node.id}-${key}`}
            label={typeof value === 'object' && value !== null ? `${key} ${t('json')}` : key}
            validateStatus={problem ? 'error' : undefined}
            help={problem?.message[locale] ?? (jsonErrors[key] ? t('jsonInvalid') : undefined)}
          >
            {input}
          </Form.Item>
        );
      })}
    </Form>
  );
}
