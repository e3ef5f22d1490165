import {
  type SavedQuery,
  SEARCH_GROUPS,
  type SearchCriteria,
  type SearchGroup,
  type SearchResult,
} from '@switchboard/shared';
import { Alert, Button, Card, Checkbox, Empty, Input, List, Popconfirm, Space, Tag } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { useCustomerMessages } from '../customers/customer-messages.ts';
import { SearchResults } from './SearchResults.tsx';
import { deleteSavedQuery, fetchSavedQueries, runSearch, saveQuery } from './search-api.ts';

// 服务支撑 → 综合查询 (QRY-1): one box, optional filters, grouped results, saved queries.
type Criteria = Partial<SearchCriteria> & { q: string; groups: SearchCriteria['groups'] };

export function SearchPage() {
  const t = useCustomerMessages();
  const [criteria, setCriteria] = useState<Criteria>({ q: '', groups: [...SEARCH_GROUPS] });
  const [result, setResult] = useState<SearchResult | null>(null);
  const [saved, setSaved] = useState<SavedQuery[]>([]);
  const [saveName, setSaveName] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [loadingMore, setLoadingMore] = useState<SearchGroup | null>(null);
  const loadSaved = useCallback(() => void fetchSavedQueries().then((r) => setSaved(r.items)), []);
  useEffect(loadSaved, [loadSaved]);

  const search = async (c: Criteria) => {
    setError(null);
    setCriteria(c);
    try {
      setResult(await runSearch(c));
    } catch (e) {
      setError((e as Error).message);
    }
  };
  // 更多: the next page of one group, appended to what it shows.
  const more = async (group: SearchGroup) => {
    const shown = result?.groups.find((g) => g.group === group);
    if (!result || !shown) return;
    setLoadingMore(group);
    try {
      const next = (await runSearch({ ...criteria, groups: [group], offset: shown.items.length })).groups[0];
      if (next) {
        setResult({
          groups: result.groups.map((g) =>
            g.group === group ? { ...g, items: [...g.items, ...next.items], hasMore: next.hasMore } : g,
          ),
        });
      }
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setLoadingMore(null);
    }
  };
  const set = (patch: Partial<Criteria>) => setCriteria({ ...criteria, ...patch });
  const optional = (v: string) => (v.trim() ? v.trim() : undefined);

  return (
    <section data-testid="search-page" style={{ display: 'flex', gap: 16 }}>
      <div style={{ flex: 1 }}>
        <Space orientation="vertical" style={{ width: '100%' }}>
          <Input.Search
            data-testid="search-box"
            placeholder={t('qry.placeholder')}
            enterButton={t('qry.search')}
            value={criteria.q}
            onChange={(e) => set({ q: e.target.value })}
            onSearch={(q) => void search({ ...criteria, q })}
          />
          <Space wrap>
            <Checkbox.Group
              value={criteria.groups}
              onChange={(groups) => set({ groups: groups as Criteria['groups'] })}
              options={SEARCH_GROUPS.map((g) => ({ value: g, label: t(`qry.group.${g}`) }))}
            />
            <Input
              style={{ width: 150 }}
              placeholder={t('qry.phone')}
              value={criteria.phone ?? ''}
              onChange={(e) => set({ phone: optional(e.target.value) })}
            />
            <Input
              style={{ width: 130 }}
              placeholder={t('qry.cardNo')}
              value={criteria.cardNo ?? ''}
              onChange={(e) => set({ cardNo: optional(e.target.value) })}
            />
            <Input
              type="date"
              style={{ width: 150 }}
              aria-label={t('qry.from')}
              value={criteria.from ?? ''}
              onChange={(e) => set({ from: optional(e.target.value) })}
            />
            <Input
              type="date"
              style={{ width: 150 }}
              aria-label={t('qry.to')}
              value={criteria.to ?? ''}
              onChange={(e) => set({ to: optional(e.target.value) })}
            />
            <Checkbox
              checked={criteria.vipOnly ?? false}
              onChange={(e) => set({ vipOnly: e.target.checked || undefined })}
            >
              {t('qry.vipOnly')}
            </Checkbox>
          </Space>
          {error && <Alert type="error" title={error} />}
          {result &&
            (result.groups.every((g) => g.count === 0) ? (
              <Empty description={t('qry.none')} />
            ) : (
              <SearchResults
                groups={result.groups.filter((g) => g.count > 0)}
                loadingMore={loadingMore}
                onMore={(g) => void more(g)}
              />
            ))}
        </Space>
      </div>
      <Card size="small" title={t('qry.saved')} style={{ width: 260 }} data-testid="search-saved">
        <Space.Compact style={{ marginBottom: 8 }}>
          <Input
            placeholder={t('qry.saveName')}
            value={saveName}
            onChange={(e) => setSaveName(e.target.value)}
          />
          <Button
            disabled={!saveName.trim()}
            onClick={() =>
              void saveQuery(saveName.trim(), criteria).then(
                () => {
                  setSaveName('');
                  loadSaved();
                },
                (e: Error) => setError(e.message),
              )
            }
          >
            {t('qry.save')}
          </Button>
        </Space.Compact>
        <List
          size="small"
          dataSource={saved}
          renderItem={(s) => (
            <List.Item
              key={s.id}
              actions={[
                <Popconfirm
                  key="del"
                  title={t('qry.delete')}
                  onConfirm={() => void deleteSavedQuery(s.id).then(loadSaved)}
                >
                  <Button size="small" type="link" danger>
                    {t('qry.delete')}
                  </Button>
                </Popconfirm>,
              ]}
            >
              <Button
                type="link"
                size="small"
                data-testid={`search-saved-run-${s.id}`}
                onClick={() => void search({ ...s.criteria })}
              >
                {s.name}
              </Button>
              {s.criteria.q && <Tag>{s.criteria.q}</Tag>}
            </List.Item>
          )}
        />
      </Card>
    </section>
  );
}
