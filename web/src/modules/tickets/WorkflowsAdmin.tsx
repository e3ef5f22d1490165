import type { TicketWorkflow } from '@switchboard/shared';
import { App, Button, InputNumber, Select, Table } from 'antd';
import { useEffect, useState } from 'react';
import { type TicketMessageKey, useTicketMessages } from './ticket-messages.ts';
import { type DepartmentOption, listDepartments, listWorkflows, updateWorkflow } from './tickets-api.ts';

/** Per ticket type: who reviews and the default deadline (CPL-3), editable by the admin. */
export function WorkflowsAdmin() {
  const t = useTicketMessages();
  const { message } = App.useApp();
  const [rows, setRows] = useState<TicketWorkflow[]>([]);
  const [departments, setDepartments] = useState<DepartmentOption[]>([]);
  useEffect(() => {
    listWorkflows()
      .then((r) => setRows(r.items))
      .catch((e: unknown) => message.error(e instanceof Error ? e.message : String(e)));
    listDepartments()
      .then(setDepartments)
      .catch(() => setDepartments([]));
  }, [message]);
  const edit = (id: number, change: Partial<TicketWorkflow>) =>
    setRows((all) => all.map((w) => (w.id === id ? { ...w, ...change } : w)));
  const save = async (w: TicketWorkflow) => {
    try {
      await updateWorkflow(w.id, {
        reviewDepartmentId: w.reviewDepartmentId,
        defaultDeadlineHours: w.defaultDeadlineHours,
      });
      message.success(t('tk.saved'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <Table<TicketWorkflow>
      rowKey="id"
      size="small"
      pagination={false}
      dataSource={rows}
      data-testid="ticket-workflows"
      columns={[
        {
          title: t('tk.kind'),
          dataIndex: 'kind',
          render: (k: string) => t(`tk.kind.${k}` as TicketMessageKey),
        },
        {
          title: t('tk.category'),
          dataIndex: 'category',
          render: (c: string) => t(`tk.cat.${c}` as TicketMessageKey),
        },
        {
          title: t('tk.wf.reviewDept'),
          key: 'dept',
          render: (_, w) => (
            <Select
              allowClear
              style={{ width: 160 }}
              value={w.reviewDepartmentId ?? undefined}
              onChange={(v?: number) => edit(w.id, { reviewDepartmentId: v ?? null })}
              options={departments.map((d) => ({ value: d.id, label: d.name }))}
            />
          ),
        },
        {
          title: t('tk.wf.hours'),
          key: 'hours',
          render: (_, w) => (
            <InputNumber
              min={1}
              max={2160}
              value={w.defaultDeadlineHours}
              onChange={(v) => v && edit(w.id, { defaultDeadlineHours: v })}
            />
          ),
        },
        {
          title: '',
          key: 'save',
          render: (_, w) => <Button onClick={() => save(w)}>{t('tk.wf.save')}</Button>,
        },
      ]}
    />
  );
}
