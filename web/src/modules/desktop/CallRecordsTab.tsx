import { ReloadOutlined } from '@ant-design/icons';
import { Button, Table, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { isApiRequestError } from '../../api/api-error.ts';
import type { MessageKey } from '../../i18n/messages.ts';
import { useI18n } from '../../i18n/use-i18n.ts';
import { useCurrentUser } from '../auth/use-current-user.ts';
import { CallTagCell } from '../call-tags/CallTagCell.tsx';
import { useCallTagMessages } from '../call-tags/call-tag-messages.ts';
import { useCallTags } from '../call-tags/use-call-tags.ts';
import { formatDuration } from '../softphone/call-model.ts';
import { type CdrPage, type CdrRow, fetchMyCdrs, recordingUrl } from './call-records-api.ts';

const PAGE_SIZE = 10;

/** 通话记录 / 录音管理: my calls, newest first, each recording playable in the browser. */
export function CallRecordsTab() {
  const { t, locale } = useI18n();
  const user = useCurrentUser();
  const [page, setPage] = useState(1);
  const [data, setData] = useState<CdrPage | null>(null);
  const [loading, setLoading] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Leads may read every call; this tab shows one's own calls, as it does for an agent.
  const agentId = user.id;

  const load = useCallback(() => {
    setLoading(true);
    fetchMyCdrs(page, PAGE_SIZE, agentId)
      .then((result) => {
        setData(result);
        setError(null);
      })
      .catch((caught: unknown) => setError(isApiRequestError(caught) ? caught.message : String(caught)))
      .finally(() => setLoading(false));
  }, [page, agentId]);

  useEffect(load, [load]);
  // CTI-19: each call's purpose tag, fetched for the page shown.
  const tagText = useCallTagMessages();
  const tags = useCallTags(
    (data?.items ?? []).map((r) => r.callId),
    data,
  );

  const time = new Intl.DateTimeFormat(locale, { dateStyle: 'short', timeStyle: 'medium' });

  return (
    <div className="sb-records" data-testid="call-records">
      <div className="sb-records__bar">
        <Typography.Title level={5} className="sb-records__title">
          {t('recordings.title')}
        </Typography.Title>
        <Button size="small" icon={<ReloadOutlined />} onClick={load} loading={loading}>
          {t('recordings.refresh')}
        </Button>
      </div>
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      <Table<CdrRow>
        size="small"
        rowKey="callId"
        loading={loading}
        dataSource={data?.items ?? []}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: data?.total ?? 0,
          onChange: setPage,
          showSizeChanger: false,
        }}
        columns={[
          {
            key: 'time',
            title: t('recordings.time'),
            render: (_, row) => time.format(new Date(row.startedAt)),
          },
          { key: 'caller', title: t('recordings.caller'), dataIndex: 'callerNumber' },
          { key: 'callee', title: t('recordings.callee'), dataIndex: 'calledNumber' },
          { key: 'talk', title: t('recordings.talk'), render: (_, row) => formatDuration(row.talkMs) },
          {
            key: 'disposition',
            title: t('recordings.disposition'),
            render: (_, row) => t(`disposition.${row.disposition}` as MessageKey),
          },
          {
            key: 'tag',
            title: tagText('tag.picker.title'),
            render: (_, row) => <CallTagCell tag={tags.get(row.callId)} />,
          },
          {
            key: 'recording',
            title: t('recordings.recording'),
            render: (_, row) =>
              row.recordings.length === 0 ? (
                <Typography.Text type="secondary">{t('recordings.none')}</Typography.Text>
              ) : (
                row.recordings.map((r) => (
                  // biome-ignore lint/a11y/useMediaCaption: call recordings have no captions to offer
                  <audio
                    key={r.recordingId}
                    controls
                    preload="none"
                    src={recordingUrl(row.callId, r.recordingId)}
                    className="sb-records__audio"
                    data-testid={`recording-${row.callId}`}
                  />
                ))
              ),
          },
        ]}
      />
    </div>
  );
}
