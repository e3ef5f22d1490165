import type { SkillGroup } from '@switchboard/shared';
import { Form, Select, Switch, Tag } from 'antd';
import { useAdminMessages } from './admin-messages.ts';
import { CodeNameFields } from './CodeNameFields.tsx';
import { ReferenceTab } from './ReferenceTab.tsx';

type Values = { code: string; name: string; isComprehensive: boolean; accessCodes: string[] };

const ACCESS_CODE = /^[0-9]{3,20}$/;

export function SkillGroupsTab() {
  const t = useAdminMessages();
  return (
    <ReferenceTab<SkillGroup, Values>
      path="/api/skill-groups"
      testId="admin-skill-groups"
      columns={[
        { title: t('common.code'), dataIndex: 'code' },
        { title: t('common.name'), dataIndex: 'name' },
        {
          title: t('skillGroup.comprehensive'),
          dataIndex: 'isComprehensive',
          render: (v: boolean) => (v ? t('common.yes') : t('common.no')),
        },
        {
          title: t('skillGroup.accessCodes'),
          dataIndex: 'accessCodes',
          render: (codes: string[]) => codes.map((c) => <Tag key={c}>{c}</Tag>),
        },
        { title: t('common.staffCount'), dataIndex: 'staffCount' },
      ]}
      fieldNames={['code', 'name', 'isComprehensive', 'accessCodes']}
      fields={
        <>
          <CodeNameFields />
          <Form.Item name="isComprehensive" label={t('skillGroup.comprehensive')} valuePropName="checked">
            <Switch />
          </Form.Item>
          <Form.Item
            name="accessCodes"
            label={t('skillGroup.accessCodes')}
            rules={[
              {
                validator: async (_, codes: string[] | undefined) => {
                  if ((codes ?? []).some((c) => !ACCESS_CODE.test(c.trim())))
                    throw new Error(t('skillGroup.accessCodeFormat'));
                },
              },
            ]}
          >
            <Select mode="tags" tokenSeparators={[',', ' ', '，']} open={false} />
          </Form.Item>
        </>
      }
      titles={{ create: t('skillGroup.createTitle'), edit: t('skillGroup.editTitle') }}
      initialValues={{ isComprehensive: false, accessCodes: [] }}
      toValues={(g) => ({
        code: g.code,
        name: g.name,
        isComprehensive: g.isComprehensive,
        accessCodes: g.accessCodes,
      })}
      toBody={(v) => ({
        code: v.code.trim(),
        name: v.name.trim(),
        isComprehensive: v.isComprehensive ?? false,
        accessCodes: (v.accessCodes ?? []).map((c) => c.trim()),
      })}
    />
  );
}
