import {
  CUSTOM_FIELD_TYPES,
  type CustomFieldDef,
  type DuplicateGroup,
  type ImportJob,
} from '@switchboard/shared';
import {
  Alert,
  Button,
  Card,
  Empty,
  Form,
  Input,
  List,
  Progress,
  Select,
  Space,
  Table,
  Tag,
  Upload,
} from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useCustomerMessages } from './customer-messages.ts';
import {
  defineField,
  exportUrl,
  fetchDuplicates,
  fetchFieldDefs,
  fetchImport,
  mergeCustomers,
  uploadImport,
} from './customers-api.ts';

// Back-office parts of 客户资料: duplicates and merge (CRM-4), import/export (CRM-3), custom
// field definitions (admin).

export function DuplicatesPanel() {
  const t = useCustomerMessages();
  const [groups, setGroups] = useState<DuplicateGroup[]>([]);
  const [error, setError] = useState<string | null>(null);
  const load = useCallback(() => {
    void fetchDuplicates().then(
      (r) => setGroups(r.items),
      (e: Error) => setError(e.message),
    );
  }, []);
  useEffect(load, [load]);
  const merge = async (g: DuplicateGroup) => {
    const [keep, ...others] = g.customers;
    if (!keep) return;
    try {
      for (const o of others) await mergeCustomers(keep.id, o.id);
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div data-testid="customer-duplicates-panel">
      {error && <Alert type="error" title={error} />}
      {groups.length === 0 ? (
        <Empty description={t('crm.dup.none')} />
      ) : (
        <List
          dataSource={groups}
          renderItem={(g) => (
            <List.Item
              actions={[
                <Button key="merge" size="small" onClick={() => void merge(g)} data-testid="customer-merge">
                  {t('crm.dup.merge')}
                </Button>,
              ]}
            >
              <Tag>{t(`crm.dup.reason.${g.reason}`)}</Tag> {g.value}：
              {g.customers.map((c) => `${c.name}(#${c.id})`).join('、')}
            </List.Item>
          )}
        />
      )}
    </div>
  );
}

export function ImportExportPanel() {
  const t = useCustomerMessages();
  const { locale } = useI18n();
  const [job, setJob] = useState<ImportJob | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (job?.status !== 'running') return;
    const timer = setTimeout(() => {
      void fetchImport(job.id).then(setJob, (e: Error) => setError(e.message));
    }, 500);
    return () => clearTimeout(timer);
  }, [job]);
  const upload = async (file: File) => {
    setError(null);
    try {
      setJob(await uploadImport(file));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  const percent = job?.totalRows ? Math.round((job.processedRows / job.totalRows) * 100) : 0;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="customer-import-panel">
      <Space>
        <Upload
          accept=".csv,.xlsx"
          showUploadList={false}
          beforeUpload={(file) => {
            void upload(file);
            return false;
          }}
        >
          <Button type="primary">{t('crm.import.choose')}</Button>
        </Upload>
        <Button href={exportUrl('csv')}>{t('crm.export.csv')}</Button>
        <Button href={exportUrl('xlsx')}>{t('crm.export.xlsx')}</Button>
      </Space>
      {error && <Alert type="error" title={error} />}
      {job && (
        <Card size="small" title={job.fileName}>
          <Progress percent={job.status === 'done' ? 100 : percent} />
          <div data-testid="customer-import-progress">
            {t('crm.import.progress', {
              done: job.processedRows,
              total: job.totalRows,
              imported: job.importedRows,
              dup: job.duplicateRows,
            })}
          </div>
          {job.rejected.map((r) => (
            <div key={r.row} className="sb-crm-rejected" data-testid={`customer-import-rejected-${r.row}`}>
              {t('crm.import.rejected', { row: r.row, reason: locale === 'en-US' ? r.reasonEn : r.reason })}
            </div>
          ))}
          {job.rejectedRows > job.rejected.length && (
            <div className="sb-crm-rejected">
              {t('crm.import.moreRejected', { more: job.rejectedRows - job.rejected.length })}
            </div>
          )}
        </Card>
      )}
    </Space>
  );
}

type FieldValues = { key: string; label: string; type: CustomFieldDef['type']; choices?: string };

export function CustomFieldsPanel() {
  const t = useCustomerMessages();
  const [defs, setDefs] = useState<CustomFieldDef[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [form] = Form.useForm<FieldValues>();
  const load = useCallback(() => void fetchFieldDefs().then((r) => setDefs(r.items)), []);
  useEffect(load, [load]);
  const add = async (v: FieldValues) => {
    setError(null);
    try {
      const choices = (v.choices ?? '')
        .split(/[,，]/)
        .map((s) => s.trim())
        .filter(Boolean);
      await defineField({ key: v.key, label: v.label, type: v.type, choices });
      form.resetFields();
      load();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div data-testid="customer-fields-panel">
      <Table
        size="small"
        rowKey="id"
        pagination={false}
        dataSource={defs}
        columns={[
          { title: t('crm.field.key'), dataIndex: 'key' },
          { title: t('crm.field.label'), dataIndex: 'label' },
          { title: t('crm.field.type'), dataIndex: 'type' },
          { title: t('crm.field.choices'), render: (_: unknown, d: CustomFieldDef) => d.choices.join('、') },
        ]}
      />
      {error && <Alert type="error" title={error} />}
      <Form<FieldValues> form={form} layout="inline" style={{ marginTop: 12 }} onFinish={(v) => void add(v)}>
        <Form.Item name="key" rules={[{ required: true, pattern: /^[a-z][a-z0-9_]{0,39}$/ }]}>
          <Input placeholder={t('crm.field.key')} />
        </Form.Item>
        <Form.Item name="label" rules={[{ required: true }]}>
          <Input placeholder={t('crm.field.label')} />
        </Form.Item>
        <Form.Item name="type" initialValue="text">
          <Select style={{ width: 100 }} options={CUSTOM_FIELD_TYPES.map((v) => ({ value: v, label: v }))} />
        </Form.Item>
        <Form.Item name="choices">
          <Input placeholder={t('crm.field.choices')} />
        </Form.Item>
        <Button htmlType="submit">{t('crm.field.add')}</Button>
      </Form>
    </div>
  );
}
