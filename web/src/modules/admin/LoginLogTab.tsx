import { Alert, Button, DatePicker, Input, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { type LoginLogRow, withQuery } from './admin-api.ts';
import { useAdminMessages } from './admin-messages.ts';
import { usePagedList } from './use-paged-list.ts';

type Result = LoginLogRow['result'];
const RESULT_COLOURS: Record<Result, string> = { success: 'green', failure: 'red', refused: 'orange' };

/** 登录日志: who signed in from where, when, and how it went; filter and export. */
export function LoginLogTab() {
  const t = useAdminMessages();
  const [loginName, setLoginName] = useState('');
  const [ip, setIp] = useState('');
  const [result, setResult] = useState<Result | undefined>();
  const [period, setPeriod] = useState<[Dayjs | null, Dayjs | null] | null>(null);
  const filters = {
    loginName: loginName || undefined,
    ip: ip || undefined,
    result,
    from: period?.[0]?.toISOString(),
    to: period?.[1]?.toISOString(),
  };
  const list = usePagedList<LoginLogRow>('/api/audit/logins', filters);

  const columns: ColumnsType<LoginLogRow> = [
    { title: t('loginLog.time'), dataIndex: 'at', render: (at: string) => new Date(at).toLocaleString() },
    {
      title: t('loginLog.event'),
      dataIndex: 'event',
      render: (e: LoginLogRow['event']) => t(`loginLog.event.${e}`),
    },
    { title: t('loginLog.loginName'), dataIndex: 'loginName' },
    { title: t('loginLog.staffName'), dataIndex: 'staffName' },
    { title: t('loginLog.ip'), dataIndex: 'ip' },
    {
      title: t('loginLog.result'),
      dataIndex: 'result',
      render: (r: Result) => <Tag color={RESULT_COLOURS[r]}>{t(`loginLog.result.${r}`)}</Tag>,
    },
    { title: t('loginLog.reason'), dataIndex: 'reason' },
    { title: t('loginLog.userAgent'), dataIndex: 'userAgent', ellipsis: true },
  ];

  return (
    <div data-testid="admin-login-log">
      <Space wrap style={{ marginBottom: 12 }}>
        <Input.Search
          allowClear
          placeholder={t('loginLog.loginName')}
          onSearch={setLoginName}
          style={{ width: 160 }}
        />
        <Input.Search allowClear placeholder={t('loginLog.ip')} onSearch={setIp} style={{ width: 160 }} />
        <Select<Result>
          allowClear
          placeholder={t('loginLog.result')}
          value={result}
          onChange={setResult}
          style={{ width: 120 }}
          options={(['success', 'failure', 'refused'] as const).map((r) => ({
            value: r,
            label: t(`loginLog.result.${r}`),
          }))}
        />
        <DatePicker.RangePicker showTime value={period} onChange={(v) => setPeriod(v)} />
        <Button href={withQuery('/api/audit/logins/export', filters)}>{t('common.export')}</Button>
      </Space>
      {list.error && <Alert type="error" showIcon title={list.error} style={{ marginBottom: 12 }} />}
      <Table<LoginLogRow>
        rowKey="id"
        size="small"
        columns={columns}
        dataSource={list.items}
        loading={list.loading}
        pagination={list.pagination}
      />
    </div>
  );
}
