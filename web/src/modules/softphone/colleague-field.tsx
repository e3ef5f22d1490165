import { Select } from 'antd';
import { useEffect, useState } from 'react';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { type Colleague, fetchColleagues } from './softphone-api.ts';

// Colleagues signed in right now, with their live state (CTI-10/11 picker). Only a ready
// colleague can take a transfer or a consult; the others are listed but cannot be chosen.

export type ColleagueRef = { agentId: number | null };

export function ColleagueField({
  value,
  onChange,
  testId,
}: {
  value: ColleagueRef;
  onChange: (next: ColleagueRef) => void;
  testId: string;
}) {
  const { t } = useI18n();
  const [colleagues, setColleagues] = useState<Colleague[]>([]);
  useEffect(() => {
    let live = true;
    const load = () =>
      fetchColleagues()
        .then((list) => live && setColleagues(list))
        .catch(() => undefined);
    void load();
    const timer = setInterval(load, 3_000);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, []);
  return (
    <Select
      showSearch
      style={{ width: '100%' }}
      value={value.agentId ?? undefined}
      onChange={(agentId: number) => onChange({ agentId })}
      placeholder={t('target.pickColleague')}
      data-testid={testId}
      optionFilterProp="label"
      options={colleagues.map((c) => ({
        value: c.agentId,
        label: `${c.employeeNo} ${c.name} · ${t(`agentState.${c.state}` as MessageKey)}`,
        disabled: c.state !== 'ready',
      }))}
    />
  );
}

export type Resolved = { agentId: number } | { error: MessageKey };

export async function resolveColleague(ref: ColleagueRef): Promise<Resolved> {
  return ref.agentId === null ? { error: 'target.required' } : { agentId: ref.agentId };
}
