import type { Department, Staff } from '@switchboard/shared';
import { Form } from 'antd';
import { useAdminMessages } from './admin-messages.ts';
import { CodeNameFields } from './CodeNameFields.tsx';
import { ReferenceTab } from './ReferenceTab.tsx';
import { RemoteSelect } from './RemoteSelect.tsx';

type Values = { code: string; name: string; supervisorId: number | null };

export const staffOption = (s: Staff) => ({ value: s.id, label: `${s.employeeNo} ${s.name}` });

export function DepartmentsTab() {
  const t = useAdminMessages();
  return (
    <ReferenceTab<Department, Values>
      path="/api/departments"
      testId="admin-departments"
      columns={[
        { title: t('common.code'), dataIndex: 'code' },
        { title: t('common.name'), dataIndex: 'name' },
        { title: t('department.supervisor'), dataIndex: 'supervisorName' },
        { title: t('common.staffCount'), dataIndex: 'staffCount' },
      ]}
      fieldNames={['code', 'name', 'supervisorId']}
      fields={
        <>
          <CodeNameFields />
          <Form.Item name="supervisorId" label={t('department.supervisor')}>
            <RemoteSelect<Staff> path="/api/staff" searchable toOption={staffOption} />
          </Form.Item>
        </>
      }
      titles={{ create: t('department.createTitle'), edit: t('department.editTitle') }}
      toValues={(d) => ({ code: d.code, name: d.name, supervisorId: d.supervisorId })}
      toBody={(v) => ({ code: v.code.trim(), name: v.name.trim(), supervisorId: v.supervisorId ?? null })}
    />
  );
}
