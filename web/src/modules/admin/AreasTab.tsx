import type { Area } from '@switchboard/shared';
import { useAdminMessages } from './admin-messages.ts';
import { CodeNameFields } from './CodeNameFields.tsx';
import { ReferenceTab } from './ReferenceTab.tsx';

type Values = { code: string; name: string };

export function AreasTab() {
  const t = useAdminMessages();
  return (
    <ReferenceTab<Area, Values>
      path="/api/areas"
      testId="admin-areas"
      columns={[
        { title: t('common.code'), dataIndex: 'code' },
        { title: t('common.name'), dataIndex: 'name' },
        { title: t('common.staffCount'), dataIndex: 'staffCount' },
      ]}
      fieldNames={['code', 'name']}
      fields={<CodeNameFields />}
      titles={{ create: t('area.createTitle'), edit: t('area.editTitle') }}
      toValues={(a) => ({ code: a.code, name: a.name })}
      toBody={(v) => ({ code: v.code.trim(), name: v.name.trim() })}
    />
  );
}
