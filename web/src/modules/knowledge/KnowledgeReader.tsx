import type { KbCategory, KbSearchHit, KbSearchResult } from '@switchboard/shared';
import { Alert, Card, Input, Tree, Typography } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ArticleDrawer } from './ArticleDrawer.tsx';
import { fetchCategories, fetchPopular, searchKnowledge } from './knowledge-api.ts';
import { useKnowledgeMessages } from './knowledge-messages.ts';
import { SearchHits } from './SearchHits.tsx';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** Reading: the category tree, search, results, frequently used, and the article drawer. */
export function KnowledgeReader() {
  const t = useKnowledgeMessages();
  const [categories, setCategories] = useState<KbCategory[]>([]);
  const [categoryId, setCategoryId] = useState<number | null>(null);
  const [query, setQuery] = useState('');
  const [result, setResult] = useState<KbSearchResult | null>(null);
  const [popular, setPopular] = useState<KbSearchHit[]>([]);
  const [openId, setOpenId] = useState<number | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    fetchCategories().then(setCategories, (e: unknown) => setError(messageOf(e)));
    fetchPopular().then(setPopular, (e: unknown) => setError(messageOf(e)));
  }, []);

  const run = useCallback((q: string, category: number | null) => {
    setError(null);
    searchKnowledge(q, category).then(setResult, (e: unknown) => setError(messageOf(e)));
  }, []);
  useEffect(() => run('', null), [run]);

  const treeData = useMemo(
    () => [
      { key: 0, title: t('kb.allCategories') },
      ...categories
        .filter((c) => c.parentId === null)
        .map((top) => ({
          key: top.id,
          title: `${top.name} (${top.articleCount})`,
          children: categories
            .filter((c) => c.parentId === top.id)
            .map((c) => ({ key: c.id, title: `${c.name} (${c.articleCount})` })),
        })),
    ],
    [categories, t],
  );

  return (
    <div className="sb-kb__layout">
      <Card size="small" className="sb-kb__tree" data-testid="kb-category-tree">
        <Tree
          defaultExpandAll
          treeData={treeData}
          selectedKeys={[categoryId ?? 0]}
          onSelect={(keys) => {
            const id = Number(keys[0] ?? 0) || null;
            setCategoryId(id);
            run(query, id);
          }}
        />
      </Card>
      <div className="sb-kb__main">
        <Input.Search
          data-testid="kb-search"
          allowClear
          enterButton={t('kb.search.button')}
          placeholder={t('kb.search.placeholder')}
          value={query}
          onChange={(e) => setQuery(e.target.value)}
          onSearch={(q) => run(q, categoryId)}
        />
        {error && <Alert type="error" showIcon title={error} style={{ marginTop: 12 }} />}
        {result && (
          <div data-testid="kb-results">
            <Typography.Text type="secondary">{t('kb.results', { total: result.total })}</Typography.Text>
            <SearchHits hits={result.items} terms={result.terms} onOpen={setOpenId} />
          </div>
        )}
        {popular.length > 0 && (
          <Card size="small" title={t('kb.popular')} data-testid="kb-popular">
            <SearchHits hits={popular} terms={[]} onOpen={setOpenId} compact />
          </Card>
        )}
      </div>
      <ArticleDrawer articleId={openId} onClose={() => setOpenId(null)} />
    </div>
  );
}
