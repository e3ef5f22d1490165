import type { KbSearchResult } from '@switchboard/shared';
import { Input, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { ArticleDrawer } from './ArticleDrawer.tsx';
import { searchKnowledge } from './knowledge-api.ts';
import { useKnowledgeMessages } from './knowledge-messages.ts';
import { SearchHits } from './SearchHits.tsx';
import './knowledge.css';

const PANEL_RESULTS = 5;

/** Knowledge-base search inside a call's tab (KB-1): articles for the caller's question. */
export function KnowledgeSearchPanel({ hint }: { hint?: string }) {
  const t = useKnowledgeMessages();
  const [query, setQuery] = useState(hint ?? '');
  const [result, setResult] = useState<KbSearchResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [openId, setOpenId] = useState<number | null>(null);

  const run = useCallback((q: string) => {
    setError(null);
    searchKnowledge(q, null, PANEL_RESULTS).then(setResult, (e: unknown) =>
      setError(e instanceof Error ? e.message : String(e)),
    );
  }, []);
  useEffect(() => {
    setQuery(hint ?? '');
    run(hint ?? '');
  }, [hint, run]);

  return (
    <div className="sb-kb__panel" data-testid="kb-panel">
      <Input.Search
        data-testid="kb-panel-search"
        size="small"
        allowClear
        placeholder={t('kb.search.placeholder')}
        value={query}
        onChange={(e) => setQuery(e.target.value)}
        onSearch={run}
      />
      {error && <Typography.Text type="danger">{error}</Typography.Text>}
      {result && <SearchHits hits={result.items} terms={result.terms} onOpen={setOpenId} compact />}
      {result && result.total > result.items.length && (
        <Typography.Text type="secondary">{t('kb.panel.more', { total: result.total })}</Typography.Text>
      )}
      <ArticleDrawer articleId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
