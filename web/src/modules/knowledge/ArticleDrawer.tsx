import type { KbArticle } from '@switchboard/shared';
import { Alert, App, Button, Drawer, Input, Space, Tag, Typography } from 'antd';
import dayjs from 'dayjs';
import { useEffect, useState } from 'react';
import { ArticleBody } from './ArticleText.tsx';
import { fetchArticle, reportError, sendFeedback } from './knowledge-api.ts';
import { useKnowledgeMessages } from './knowledge-messages.ts';
import './knowledge.css';

type Props = { articleId: number | null; onClose: () => void };

/** One published article as readers see it, with "was this helpful" and 纠错. */
export function ArticleDrawer({ articleId, onClose }: Props) {
  const t = useKnowledgeMessages();
  const { message } = App.useApp();
  const [article, setArticle] = useState<KbArticle | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [reporting, setReporting] = useState(false);
  const [note, setNote] = useState('');

  useEffect(() => {
    setArticle(null);
    setError(null);
    setReporting(false);
    setNote('');
    if (articleId === null) return;
    fetchArticle(articleId).then(setArticle, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  }, [articleId]);

  const vote = async (helpful: boolean) => {
    if (!article) return;
    try {
      const counts = await sendFeedback(article.id, helpful);
      setArticle({ ...article, ...counts });
      message.success(t('kb.helpful.thanks'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };
  const report = async () => {
    if (!article || !note.trim()) return;
    try {
      await reportError(article.id, note.trim());
      setReporting(false);
      setNote('');
      message.success(t('kb.report.sent'));
    } catch (e) {
      message.error(e instanceof Error ? e.message : String(e));
    }
  };

  return (
    <Drawer
      open={articleId !== null}
      onClose={onClose}
      size="large"
      title={article?.title ?? ''}
      destroyOnHidden
    >
      {error && <Alert type="error" title={error} />}
      {article && (
        <div data-testid="kb-article">
          <Space wrap size={[8, 4]} className="sb-kb__meta">
            <Tag color="blue">{article.categoryName}</Tag>
            <Typography.Text type="secondary">{t('kb.version', { n: article.version })}</Typography.Text>
            <Typography.Text type="secondary">
              {t('kb.publishedAt', { time: dayjs(article.publishedAt).format('YYYY-MM-DD') })}
            </Typography.Text>
            {article.effectiveTo && (
              <Typography.Text type="warning">
                {t('kb.validUntil', { time: dayjs(article.effectiveTo).format('YYYY-MM-DD HH:mm') })}
              </Typography.Text>
            )}
            <Typography.Text type="secondary">{t('kb.views', { n: article.viewCount })}</Typography.Text>
          </Space>
          <ArticleBody body={article.body} />
          {article.keywords.length > 0 && (
            <Space wrap size={[4, 4]} className="sb-kb__meta">
              {article.keywords.map((k) => (
                <Tag key={k}>{k}</Tag>
              ))}
            </Space>
          )}
          <div className="sb-kb__feedback">
            <Typography.Text>{t('kb.helpful.question')}</Typography.Text>
            <Space wrap>
              <Button
                data-testid="kb-helpful-yes"
                type={article.myFeedback === true ? 'primary' : 'default'}
                onClick={() => vote(true)}
              >
                {t('kb.helpful.yes', { n: article.helpfulCount })}
              </Button>
              <Button
                data-testid="kb-helpful-no"
                type={article.myFeedback === false ? 'primary' : 'default'}
                onClick={() => vote(false)}
              >
                {t('kb.helpful.no', { n: article.unhelpfulCount })}
              </Button>
              <Button type="link" data-testid="kb-report" onClick={() => setReporting((r) => !r)}>
                {t('kb.report')}
              </Button>
            </Space>
            {reporting && (
              <Space.Compact block>
                <Input
                  data-testid="kb-report-note"
                  maxLength={500}
                  value={note}
                  placeholder={t('kb.report.placeholder')}
                  onChange={(e) => setNote(e.target.value)}
                  onPressEnter={report}
                />
                <Button type="primary" onClick={report} disabled={!note.trim()}>
                  {t('kb.report')}
                </Button>
              </Space.Compact>
            )}
          </div>
        </div>
      )}
    </Drawer>
  );
}
