import type { KbErrorReport } from '@switchboard/shared';
import { Alert, Button, List, Typography } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { fetchErrorReports, resolveErrorReport } from './knowledge-api.ts';
import { useKnowledgeMessages } from './knowledge-messages.ts';

/** 纠错: what readers reported as wrong, for the maintainers to fix and close. */
export function ErrorReportsTab() {
  const t = useKnowledgeMessages();
  const [items, setItems] = useState<KbErrorReport[]>([]);
  const [error, setError] = useState<string | null>(null);
  const reload = useCallback(() => {
    fetchErrorReports().then(setItems, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  }, []);
  useEffect(reload, [reload]);
  const resolve = async (id: number) => {
    try {
      await resolveErrorReport(id);
      reload();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    }
  };
  return (
    <div data-testid="kb-reports">
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <List
        dataSource={items}
        locale={{ emptyText: t('kb.reports.empty') }}
        renderItem={(r) => (
          <List.Item
            actions={[
              <Button key="resolve" size="small" onClick={() => resolve(r.id)}>
                {t('kb.reports.resolve')}
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={r.articleTitle}
              description={
                <>
                  <div>{r.note}</div>
                  <Typography.Text type="secondary">
                    {t('kb.reports.by', {
                      name: r.reportedByName ?? '-',
                      time: dayjs(r.at).format('YYYY-MM-DD HH:mm'),
                    })}
                  </Typography.Text>
                </>
              }
            />
          </List.Item>
        )}
      />
    </div>
  );
}
