import type { Area, Extension } from '@switchboard/shared';
import { Form, Input, Select } from 'antd';
import { useState } from 'react';
import { useAdminMessages } from './admin-messages.ts';
import { ReferenceTab } from './ReferenceTab.tsx';
import { RemoteSelect } from './RemoteSelect.tsx';

type Values = { number: string; areaId: number | null; remark: string | null };
type FreeFilter = 'all' | 'true' | 'false';

export const areaOption = (a: Area) => ({ value: a.id, label: a.name });

/** 分机: who sits where; filter for free extensions when seating someone. */
export function ExtensionsTab() {
  const t = useAdminMessages();
  const [free, setFree] = useState<FreeFilter>('all');
  return (
    <ReferenceTab<Extension, Values>
      path="/api/extensions"
      testId="admin-extensions"
      filters={{ free: free === 'all' ? undefined : free }}
      toolbar={
        <Select<FreeFilter>
          value={free}
          onChange={setFree}
          style={{ width: 140 }}
          options={[
            { value: 'all', label: t('extension.filter.all') },
            { value: 'true', label: t('extension.filter.free') },
            { value: 'false', label: t('extension.filter.taken') },
          ]}
          data-testid="extensions-free-filter"
        />
      }
      columns={[
        { title: t('extension.number'), dataIndex: 'number' },
        { title: t('staff.area'), dataIndex: 'areaName' },
        {
          title: t('extension.seatedBy'),
          key: 'staff',
          render: (_, e) => (e.staffId ? `${e.staffEmployeeNo} ${e.staffName}` : t('extension.free')),
        },
        { title: t('extension.remark'), dataIndex: 'remark' },
      ]}
      fieldNames={['number', 'areaId', 'remark']}
      fields={
        <>
          <Form.Item
            name="number"
            label={t('extension.number')}
            rules={[
              { required: true, message: t('common.required') },
              { pattern: /^[0-9]{2,10}$/, message: t('extension.numberFormat') },
            ]}
          >
            <Input maxLength={10} />
          </Form.Item>
          <Form.Item name="areaId" label={t('staff.area')}>
            <RemoteSelect<Area> path="/api/areas" toOption={areaOption} />
          </Form.Item>
          <Form.Item
            name="remark"
            label={t('extension.remark')}
            rules={[{ max: 200, message: t('common.maxChars', { max: 200 }) }]}
          >
            <Input />
          </Form.Item>
        </>
      }
      titles={{ create: t('extension.createTitle'), edit: t('extension.editTitle') }}
      toValues={(e) => ({ number: e.number, areaId: e.areaId, remark: e.remark })}
      toBody={(v) => ({
        number: v.number.trim(),
        areaId: v.areaId ?? null,
        remark: v.remark?.trim() || null,
      })}
    />
  );
}
