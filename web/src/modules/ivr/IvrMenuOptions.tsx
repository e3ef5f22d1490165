import type { IvrNode, IvrValidationProblem } from '@switchboard/shared';
import { Button, Input, Select, Table } from 'antd';
import { useLocalMessages } from '../../i18n/local-messages.ts';
import { NextNodeSelect, RemoveRowButton } from './IvrRowControls.tsx';
import { IVR_MESSAGES } from './ivr-messages.ts';
import { KEYPAD, type NodeChoice } from './node-templates.ts';

type MenuOption = Extract<IvrNode, { type: 'menu' }>['options'][number];

type Props = {
  options: MenuOption[];
  nodes: NodeChoice[];
  humanKey: string | null;
  /** The validation problems of this node's options (`options[i].digit`, `options[i].next`). */
  problemAt(field: string): IvrValidationProblem | undefined;
  onChange(options: MenuOption[]): void;
};

const MAX_OPTIONS = 12;

/** A menu's key options as rows: key (each once, never the human key), label, next node. */
export function IvrMenuOptions({ options, nodes, humanKey, problemAt, onChange }: Props) {
  const t = useLocalMessages(IVR_MESSAGES);
  const setRow = (index: number, patch: Partial<MenuOption>) =>
    onChange(options.map((o, i) => (i === index ? { ...o, ...patch } : o)));
  const free = KEYPAD.filter((d) => d !== humanKey && !options.some((o) => o.digit === d));
  const status = (field: string) => (problemAt(field) ? ('error' as const) : undefined);
  return (
    <div data-testid="ivr-menu-options">
      <Table<MenuOption>
        size="small"
        pagination={false}
        rowKey={(o) => `${options.indexOf(o)}`}
        dataSource={options}
        columns={[
          {
            title: t('optionDigit'),
            width: 84,
            render: (_, o, i) => (
              <Select
                size="small"
                style={{ width: '100%' }}
                status={status(`options[${i}].digit`)}
                value={o.digit}
                onChange={(digit) => setRow(i, { digit })}
                virtual={false}
                options={KEYPAD.map((d) => ({
                  value: d,
                  label: d === humanKey ? `${d}${t('humanKeyReserved')}` : d,
                  disabled: d === humanKey || options.some((other, j) => j !== i && other.digit === d),
                }))}
                data-testid={`ivr-option-digit-${i}`}
              />
            ),
          },
          {
            title: t('optionLabel'),
            width: 120,
            render: (_, o, i) => (
              <Input
                size="small"
                value={o.label}
                onChange={(e) => setRow(i, { label: e.target.value })}
                data-testid={`ivr-option-label-${i}`}
              />
            ),
          },
          {
            title: t('nextNode'),
            render: (_, o, i) => (
              <NextNodeSelect
                size="small"
                style={{ width: '100%' }}
                nodes={nodes}
                value={o.next}
                invalid={status(`options[${i}].next`) !== undefined}
                onChange={(next) => setRow(i, { next })}
                testId={`ivr-option-next-${i}`}
              />
            ),
          },
          {
            width: 40,
            render: (_, _o, i) => (
              <RemoveRowButton
                onRemove={() => onChange(options.filter((_x, j) => j !== i))}
                testId={`ivr-option-remove-${i}`}
              />
            ),
          },
        ]}
      />
      <Button
        size="small"
        style={{ marginTop: 4 }}
        disabled={free.length === 0 || options.length >= MAX_OPTIONS}
        onClick={() => onChange([...options, { digit: free[0] ?? '1', label: '', next: '' }])}
        data-testid="ivr-option-add"
      >
        {t('addOption')}
      </Button>
    </div>
  );
}
