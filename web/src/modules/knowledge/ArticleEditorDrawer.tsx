import type { KbCategory, KbManagedDetail } from '@switchboard/shared';
import { KB_LIMITS } from '@switchboard/shared';
import {
  Alert,
  App,
  Button,
  DatePicker,
  Drawer,
  Form,
  Input,
  Popconfirm,
  Select,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect, useState } from 'react';
import { showServerErrors } from '../admin/server-errors.ts';
import {
  createArticle,
  decideReview,
  fetchManaged,
  type KbAction,
  runAction,
  updateArticle,
} from './knowledge-api.ts';
import { useKnowledgeMessages } from './knowledge-messages.ts';
import { StateTags } from './StateTags.tsx';

type Values = {
  title: string;
  categoryId: number;
  body: string;
  keywords: string[];
  effective: [Dayjs | null, Dayjs | null] | null;
};
const FIELDS = ['title', 'categoryId', 'body', 'keywords', 'effective'] as const;

type Props = {
  articleId: number | 'new' | null;
  categories: KbCategory[];
  myId: number;
  onClose: () => void;
  onChanged: () => void;
};

/** Write or change an article, move it through review/publish/archive, and see its versions. */
export function ArticleEditorDrawer({ articleId, categories, myId, onClose, onChanged }: Props) {
  const t = useKnowledgeMessages();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [article, setArticle] = useState<KbManagedDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    setError(null);
    setArticle(null);
    form.resetFields();
    if (typeof articleId !== 'number') return;
    fetchManaged(articleId).then(
      (a) => {
        setArticle(a);
        form.setFieldsValue({
          title: a.title,
          categoryId: a.categoryId,
          body: a.body,
          keywords: a.keywords,
          effective: [
            a.effectiveFrom ? dayjs(a.effectiveFrom) : null,
            a.effectiveTo ? dayjs(a.effectiveTo) : null,
          ],
        });
      },
      (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
    );
  }, [articleId, form]);

  const save = async (v: Values) => {
    setBusy(true);
    setError(null);
    const input = {
      title: v.title,
      categoryId: v.categoryId,
      body: v.body,
      keywords: v.keywords ?? [],
      effectiveFrom: v.effective?.[0]?.toISOString() ?? null,
      effectiveTo: v.effective?.[1]?.toISOString() ?? null,
    };
    try {
      const saved = article ? await updateArticle(article.id, input) : await createArticle(input);
      setArticle(saved);
      message.success(t('kb.editor.saved'));
      onChanged();
    } catch (e) {
      setError(showServerErrors(form, e, FIELDS, { effectiveFrom: 'effective', effectiveTo: 'effective' }));
    } finally {
      setBusy(false);
    }
  };

  const act = async (run: () => Promise<KbManagedDetail>) => {
    setBusy(true);
    setError(null);
    try {
      setArticle(await run());
      message.success(t('kb.action.done'));
      onChanged();
    } catch (e) {
      setError(e instanceof Error ? e.message : String(e));
    } finally {
      setBusy(false);
    }
  };
  const action = (a: KbAction) => article && act(() => runAction(article.id, a));

  const subOptions = categories
    .filter((c) => c.parentId === null)
    .map((top) => ({
      label: top.name,
      title: top.name,
      options: [top, ...categories.filter((c) => c.parentId === top.id)].map((c) => ({
        value: c.id,
        label: c.parentId === null ? top.name : `${top.name} / ${c.name}`,
      })),
    }));
  const canReview = article?.reviewState === 'pending' && article.editedById !== myId;

  return (
    <Drawer
      open={articleId !== null}
      onClose={onClose}
      size="large"
      title={article ? t('kb.editor.editTitle') : t('kb.editor.newTitle')}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {article && (
        <Space wrap style={{ marginBottom: 12 }} data-testid="kb-editor-state">
          <StateTags article={article} />
        </Space>
      )}
      <Form form={form} layout="vertical" onFinish={save} disabled={article?.status === 'archived'}>
        <Form.Item
          name="title"
          label={t('kb.editor.title')}
          rules={[{ required: true, whitespace: true, message: t('kb.editor.required') }]}
        >
          <Input data-testid="kb-editor-title" maxLength={KB_LIMITS.title} />
        </Form.Item>
        <Form.Item
          name="categoryId"
          label={t('kb.editor.category')}
          rules={[{ required: true, message: t('kb.editor.required') }]}
        >
          <Select
            data-testid="kb-editor-category"
            options={subOptions}
            showSearch={{ optionFilterProp: 'label' }}
          />
        </Form.Item>
        <Form.Item
          name="body"
          label={t('kb.editor.body')}
          rules={[{ required: true, whitespace: true, message: t('kb.editor.required') }]}
        >
          <Input.TextArea data-testid="kb-editor-body" rows={10} maxLength={KB_LIMITS.body} />
        </Form.Item>
        <Form.Item name="keywords" label={t('kb.editor.keywords')}>
          <Select
            data-testid="kb-editor-keywords"
            mode="tags"
            open={false}
            tokenSeparators={[',', '，', ' ']}
          />
        </Form.Item>
        <Form.Item name="effective" label={t('kb.editor.effective')}>
          <DatePicker.RangePicker showTime allowEmpty={[true, true]} />
        </Form.Item>
        <Button type="primary" htmlType="submit" loading={busy} data-testid="kb-editor-save">
          {t('kb.editor.save')}
        </Button>
      </Form>

      {article && (
        <Space wrap style={{ marginTop: 16 }}>
          {article.requiresReview &&
            article.hasChanges &&
            article.reviewState !== 'pending' &&
            article.status !== 'archived' && (
              <Button disabled={busy} onClick={() => action('submit')} data-testid="kb-action-submit">
                {t('kb.action.submit')}
              </Button>
            )}
          {canReview && (
            <>
              <Button
                disabled={busy}
                onClick={() => act(() => decideReview(article.id, true))}
                data-testid="kb-action-approve"
              >
                {t('kb.action.approve')}
              </Button>
              <Button danger disabled={busy} onClick={() => act(() => decideReview(article.id, false))}>
                {t('kb.action.reject')}
              </Button>
            </>
          )}
          {(article.hasChanges || article.status === 'archived') && (
            <Button
              type="primary"
              disabled={busy}
              onClick={() => action('publish')}
              data-testid="kb-action-publish"
            >
              {t('kb.action.publish')}
            </Button>
          )}
          {article.status === 'published' && (
            <Button disabled={busy} onClick={() => action('check')}>
              {t('kb.action.check')}
            </Button>
          )}
          {article.status !== 'archived' && (
            <Popconfirm title={t('kb.action.archive')} onConfirm={() => action('archive')}>
              <Button danger disabled={busy}>
                {t('kb.action.archive')}
              </Button>
            </Popconfirm>
          )}
        </Space>
      )}

      {article && (
        <div style={{ marginTop: 24 }} data-testid="kb-versions">
          <Typography.Title level={5}>{t('kb.versions')}</Typography.Title>
          {article.versions.length === 0 ? (
            <Typography.Text type="secondary">{t('kb.versions.none')}</Typography.Text>
          ) : (
            <Timeline
              items={article.versions.map((v) => ({
                content: (
                  <div>
                    <Tag>{t('kb.version', { n: v.version })}</Tag> {v.title}
                    <div>
                      <Typography.Text type="secondary">
                        {dayjs(v.publishedAt).format('YYYY-MM-DD HH:mm')} ·{' '}
                        {t('kb.versions.by', { name: v.publishedByName ?? '-' })}
                        {v.reviewedByName
                          ? ` · ${t('kb.versions.reviewedBy', { name: v.reviewedByName })}`
                          : ''}
                      </Typography.Text>
                    </div>
                  </div>
                ),
              }))}
            />
          )}
        </div>
      )}
    </Drawer>
  );
}
