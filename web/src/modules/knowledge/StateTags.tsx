import type { KbManagedArticle } from '@switchboard/shared';
import { Tag } from 'antd';
import { useKnowledgeMessages } from './knowledge-messages.ts';

const STATUS_COLOR = { draft: 'default', published: 'green', archived: 'default' } as const;

/** Status, review state, unpublished changes and expiry of a working copy. */
export function StateTags({ article }: { article: KbManagedArticle }) {
  const t = useKnowledgeMessages();
  return (
    <>
      <Tag color={STATUS_COLOR[article.status]} data-testid="kb-status">
        {t(`kb.status.${article.status}`)}
      </Tag>
      {article.reviewState !== 'none' && <Tag color="orange">{t(`kb.review.${article.reviewState}`)}</Tag>}
      {article.hasChanges && article.status !== 'draft' && <Tag color="blue">{t('kb.changes')}</Tag>}
      {article.expired && <Tag color="red">{t('kb.expired')}</Tag>}
    </>
  );
}
