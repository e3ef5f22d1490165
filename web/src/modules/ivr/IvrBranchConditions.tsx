import type { IvrNode, IvrValidationProblem } from '@switchboard/shared';
import { Button, Input, Select, Table } from 'antd';
import { useLocalMessages } from '../../i18n/local-messages.ts';
import { NextNodeSelect, RemoveRowButton } from './IvrRowControls.tsx';
import { IVR_MESSAGES } from './ivr-messages.ts';
import type { NodeChoice } from './node-templates.ts';

type Condition = Extract<IvrNode, { type: 'branch' }>['conditions'][number];

type Props = {
  conditions: Condition[];
  nodes: NodeChoice[];
  problemAt(field: string): IvrValidationProblem | undefined;
  onChange(conditions: Condition[]): void;
};

const OPS = ['eq', 'ne', 'gt', 'lt', 'set'] as const;
const MAX_CONDITIONS = 12;

/** A branch's conditions as rows, tried in order: variable, comparison, value, next node. */
export function IvrBranchConditions({ conditions, nodes, problemAt, onChange }: Props) {
  const t = useLocalMessages(IVR_MESSAGES);
  const setRow = (index: number, patch: Partial<Condition>) =>
    onChange(conditions.map((c, i) => (i === index ? { ...c, ...patch } : c)));
  return (
    <div data-testid="ivr-branch-conditions">
      <Table<Condition>
        size="small"
        pagination={false}
        rowKey={(c) => `${conditions.indexOf(c)}`}
        dataSource={conditions}
        columns={[
          {
            title: t('conditionKey'),
            render: (_, c, i) => (
              <Input
                size="small"
                value={c.key}
                status={c.key.trim() === '' ? 'error' : undefined}
                onChange={(e) => setRow(i, { key: e.target.value })}
                data-testid={`ivr-condition-key-${i}`}
              />
            ),
          },
          {
            title: t('conditionOp'),
            width: 110,
            render: (_, c, i) => (
              <Select
                size="small"
                style={{ width: '100%' }}
                value={c.op}
                onChange={(op) => setRow(i, op === 'set' ? { op, value: '' } : { op })}
                options={OPS.map((op) => ({ value: op, label: t(`op.${op}`) }))}
                data-testid={`ivr-condition-op-${i}`}
              />
            ),
          },
          {
            title: t('conditionValue'),
            render: (_, c, i) => (
              <Input
                size="small"
                value={c.value}
                disabled={c.op === 'set'}
                onChange={(e) => setRow(i, { value: e.target.value })}
                data-testid={`ivr-condition-value-${i}`}
              />
            ),
          },
          {
            title: t('nextNode'),
            render: (_, c, i) => (
              <NextNodeSelect
                size="small"
                style={{ width: '100%', minWidth: 150 }}
                nodes={nodes}
                value={c.next}
                invalid={problemAt(`conditions[${i}].next`) !== undefined}
                onChange={(next) => setRow(i, { next })}
                testId={`ivr-condition-next-${i}`}
              />
            ),
          },
          {
            width: 40,
            render: (_, _c, i) => (
              <RemoveRowButton
                onRemove={() => onChange(conditions.filter((_x, j) => j !== i))}
                testId={`ivr-condition-remove-${i}`}
              />
            ),
          },
        ]}
      />
      <Button
        size="small"
        style={{ marginTop: 4 }}
        disabled={conditions.length >= MAX_CONDITIONS}
        onClick={() => onChange([...conditions, { key: '', op: 'eq', value: '', next: '' }])}
        data-testid="ivr-condition-add"
      >
        {t('addCondition')}
      </Button>
    </div>
  );
}
