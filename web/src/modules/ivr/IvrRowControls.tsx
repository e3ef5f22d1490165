import { DeleteOutlined } from '@ant-design/icons';
import { Button, Select } from 'antd';
import type { CSSProperties } from 'react';
import { useLocalMessages } from '../../i18n/local-messages.ts';
import { IVR_MESSAGES } from './ivr-messages.ts';
import { type NodeChoice, nodeOptions } from './node-templates.ts';

/** Where an exit leads: one of the flow's nodes, searchable by id and label; red when invalid. */
export function NextNodeSelect(props: {
  nodes: NodeChoice[];
  value: string;
  invalid: boolean;
  onChange(next: string): void;
  testId: string;
  size?: 'small';
  style?: CSSProperties;
}) {
  const t = useLocalMessages(IVR_MESSAGES);
  return (
    <Select
      {...(props.size ? { size: props.size } : {})}
      {...(props.style ? { style: props.style } : {})}
      status={props.invalid ? 'error' : undefined}
      value={props.value || null}
      placeholder={t('chooseNode')}
      onChange={props.onChange}
      showSearch={{ optionFilterProp: 'label' }}
      virtual={false}
      options={nodeOptions(props.nodes)}
      data-testid={props.testId}
    />
  );
}

/** The bin at the end of a menu option's or a branch condition's row. */
export function RemoveRowButton(props: { onRemove(): void; testId: string }) {
  const t = useLocalMessages(IVR_MESSAGES);
  return (
    <Button
      size="small"
      type="text"
      danger
      icon={<DeleteOutlined />}
      aria-label={t('remove')}
      title={t('remove')}
      onClick={props.onRemove}
      data-testid={props.testId}
    />
  );
}
