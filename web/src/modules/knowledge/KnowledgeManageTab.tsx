import {
  KB_MANAGE_VIEWS,
  type KbCategory,
  type KbManagedArticle,
  type KbManageView,
} from '@switchboard/shared';
import { Alert, Button, Input, Segmented, Space, Table } from 'antd';
import dayjs from 'dayjs';
import { useCallback, useEffect, useState } from 'react';
import { ArticleEditorDrawer } from './ArticleEditorDrawer.tsx';
import { CategoriesModal } from './CategoriesModal.tsx';
import { fetchCategories, listManaged } from './knowledge-api.ts';
import { useKnowledgeMessages } from './knowledge-messages.ts';
import { StateTags } from './StateTags.tsx';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** The writers' tab: lists (review queue, periodic review, rarely used, expired) and the editor. */
export function KnowledgeManageTab({ myId }: { myId: number }) {
  const t = useKnowledgeMessages();
  const [view, setView] = useState<KbManageView>('all');
  const [query, setQuery] = useState('');
  const [rows, setRows] = useState<KbManagedArticle[]>([]);
  const [categories, setCategories] = useState<KbCategory[]>([]);
  const [editing, setEditing] = useState<number | 'new' | null>(null);
  const [addingCategory, setAddingCategory] = useState(false);
  const [error, setError] = useState<string | null>(null);

  const reload = useCallback(() => {
    listManaged(view, query).then(
      (r) => setRows(r.items),
      (e: unknown) => setError(messageOf(e)),
    );
    fetchCategories().then(setCategories, (e: unknown) => setError(messageOf(e)));
  }, [view, query]);
  useEffect(reload, [reload]);

  return (
    <div data-testid="kb-manage">
      <Space wrap style={{ marginBottom: 12 }}>
        <Button type="primary" data-testid="kb-new-article" onClick={() => setEditing('new')}>
          {t('kb.manage.new')}
        </Button>
        <Button onClick={() => setAddingCategory(true)}>{t('kb.manage.categories')}</Button>
        <Segmented<KbManageView>
          data-testid="kb-manage-view"
          value={view}
          onChange={setView}
          options={KB_MANAGE_VIEWS.map((v) => ({ value: v, label: t(`kb.view.${v}`) }))}
        />
        <Input.Search
          allowClear
          placeholder={t('kb.manage.search')}
          onSearch={setQuery}
          style={{ width: 220 }}
        />
      </Space>
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      <Table<KbManagedArticle>
        rowKey="id"
        size="small"
        dataSource={rows}
        pagination={{ pageSize: 20 }}
        columns={[
          {
            title: t('kb.col.title'),
            dataIndex: 'title',
            render: (title: string, a) => (
              <button
                type="button"
                className="sb-kb__hitTitle sb-link-button"
                onClick={() => setEditing(a.id)}
              >
                {title}
              </button>
            ),
          },
          { title: t('kb.col.category'), dataIndex: 'categoryName' },
          { title: t('kb.col.status'), render: (_, a) => <StateTags article={a} /> },
          { title: t('kb.col.views'), dataIndex: 'viewCount', width: 70 },
          {
            title: t('kb.col.helpful'),
            render: (_, a) => `${a.helpfulCount}/${a.unhelpfulCount}`,
            width: 90,
          },
          {
            title: t('kb.col.updated'),
            dataIndex: 'updatedAt',
            render: (v: string) => dayjs(v).format('YYYY-MM-DD HH:mm'),
            width: 140,
          },
        ]}
      />
      <ArticleEditorDrawer
        articleId={editing}
        categories={categories}
        myId={myId}
        onClose={() => setEditing(null)}
        onChanged={reload}
      />
      <CategoriesModal
        open={addingCategory}
        categories={categories}
        onClose={() => setAddingCategory(false)}
        onChanged={reload}
      />
    </div>
  );
}
