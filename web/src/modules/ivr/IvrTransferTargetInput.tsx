import type { IvrTransferTarget } from '@switchboard/shared';
import { Input, Select, Space } from 'antd';
import { useLocalMessages } from '../../i18n/local-messages.ts';
import { IVR_MESSAGES } from './ivr-messages.ts';
import { useSkillGroups } from './use-skill-groups.ts';

type Props = {
  value: IvrTransferTarget | null;
  onChange(target: IvrTransferTarget): void;
  status?: 'error';
  /** Prefix of the controls' test ids. */
  testId: string;
};

const KINDS = ['queue', 'agent', 'number'] as const;

const emptyTarget = (kind: IvrTransferTarget['kind']): IvrTransferTarget =>
  kind === 'queue'
    ? { kind, queueCode: '' }
    : kind === 'agent'
      ? { kind, employeeNo: '' }
      : { kind, number: '' };

/** A transfer target: queue (a skill group's code), agent (工号) or an outside number. */
export function IvrTransferTargetInput({ value, onChange, status, testId }: Props) {
  const t = useLocalMessages(IVR_MESSAGES);
  const groups = useSkillGroups();
  const target = value ?? emptyTarget('queue');
  const queueOptions = groups.map((g) => ({ value: g.code, label: `${g.code} · ${g.name}` }));
  if (target.kind === 'queue' && target.queueCode && !groups.some((g) => g.code === target.queueCode))
    queueOptions.push({ value: target.queueCode, label: target.queueCode });
  return (
    <Space.Compact style={{ width: '100%' }}>
      <Select
        style={{ width: 170 }}
        value={value?.kind ?? null}
        onChange={(kind) => onChange(emptyTarget(kind))}
        options={KINDS.map((kind) => ({ value: kind, label: t(`targetKind.${kind}`) }))}
        data-testid={`${testId}-kind`}
      />
      {target.kind === 'queue' ? (
        <Select
          style={{ flex: 1 }}
          status={status}
          value={target.queueCode || null}
          placeholder={t('chooseQueue')}
          onChange={(queueCode) => onChange({ kind: 'queue', queueCode })}
          options={queueOptions}
          virtual={false}
          data-testid={`${testId}-value`}
        />
      ) : (
        <Input
          status={status}
          value={target.kind === 'agent' ? target.employeeNo : target.number}
          onChange={(e) =>
            onChange(
              target.kind === 'agent'
                ? { kind: 'agent', employeeNo: e.target.value }
                : { kind: 'number', number: e.target.value },
            )
          }
          data-testid={`${testId}-value`}
        />
      )}
    </Space.Compact>
  );
}
