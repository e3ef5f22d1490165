import type { KbSearchHit } from '@switchboard/shared';
import { List, Tag, Typography } from 'antd';
import { HighlightedText, highlight } from './ArticleText.tsx';
import { useKnowledgeMessages } from './knowledge-messages.ts';

type Props = { hits: KbSearchHit[]; terms: string[]; onOpen: (id: number) => void; compact?: boolean };

/** Search results: highlighted title, category and a highlighted snippet of the body. */
export function SearchHits({ hits, terms, onOpen, compact = false }: Props) {
  const t = useKnowledgeMessages();
  return (
    <List
      size={compact ? 'small' : 'default'}
      dataSource={hits}
      locale={{ emptyText: t('kb.noResults') }}
      renderItem={(hit) => (
        <List.Item data-testid="kb-hit" key={hit.id}>
          <div>
            <button type="button" className="sb-kb__hitTitle sb-link-button" onClick={() => onOpen(hit.id)}>
              <HighlightedText parts={highlight(hit.title, terms)} />
            </button>{' '}
            <Tag>{hit.categoryName}</Tag>
            {!compact && (
              <Typography.Text type="secondary">{t('kb.views', { n: hit.viewCount })}</Typography.Text>
            )}
            <div className="sb-kb__snippet">
              <HighlightedText parts={hit.snippet} />
            </div>
          </div>
        </List.Item>
      )}
    />
  );
}
