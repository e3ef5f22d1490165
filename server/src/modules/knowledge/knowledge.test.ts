import type { KbArticle, KbCategory, KbManagedDetail, KbSearchResult } from '@switchboard/shared';
import { expect, it } from 'vitest';
import { describeOnEachDialect, type ErrorBody } from '../../testing/test-app.ts';

const DAY = 86_400_000;

describeOnEachDialect('knowledge base (KB-1)', (server) => {
  const as = (who: string) => server().login(who);
  const call = async <T>(who: string, method: string, path: string, body?: unknown) =>
    server().request<T>(method, path, { cookie: await as(who), body });

  const newCategory = async (name: string, requiresReview = false) => {
    const res = await call<{ id: number }>('admin', 'POST', '/api/knowledge/categories', {
      name,
      requiresReview,
    });
    expect(res.status, res.text).toBe(201);
    return res.body.id;
  };
  const write = async (categoryId: number, fields: Record<string, unknown>, who = '3101') => {
    const res = await call<KbManagedDetail>(who, 'POST', '/api/knowledge/manage/articles', {
      categoryId,
      body: '正文',
      ...fields,
    });
    expect(res.status, res.text).toBe(201);
    return res.body;
  };
  const publish = async (id: number, who = '3101') =>
    call<KbManagedDetail>(who, 'POST', `/api/knowledge/manage/articles/${id}/publish`);
  const search = async (who: string, q: string, extra = '') =>
    (await call<KbSearchResult>(who, 'GET', `/api/knowledge/search?q=${encodeURIComponent(q)}${extra}`)).body;

  it('lets writers write and publish; agents read only published articles (roles)', async () => {
    const cat = await newCategory('测试分类甲');
    const draft = await write(cat, { title: '甲类业务办理须知', keywords: ['甲类'] });
    expect(draft).toMatchObject({ status: 'draft', publishedVersion: null, authorName: '彭海' });

    expect(
      (
        await call('1001', 'POST', '/api/knowledge/manage/articles', {
          categoryId: cat,
          title: 'x',
          body: 'y',
        })
      ).status,
    ).toBe(403);
    expect((await call('1001', 'POST', '/api/knowledge/categories', { name: 'x' })).status).toBe(403);
    expect((await call('1001', 'GET', `/api/knowledge/articles/${draft.id}`)).status).toBe(404);
    expect((await server().request('GET', '/api/knowledge/search?q=x')).status).toBe(401);

    expect((await publish(draft.id)).body).toMatchObject({ status: 'published', publishedVersion: 1 });
    for (const reader of ['1001', '2001', '3001', '5101']) {
      const read = await call<KbArticle>(reader, 'GET', `/api/knowledge/articles/${draft.id}`);
      expect(read.status).toBe(200);
      expect(read.body.title).toBe('甲类业务办理须知');
    }
    const again = await call<KbArticle>('1001', 'GET', `/api/knowledge/articles/${draft.id}`);
    expect(again.body.viewCount).toBe(5);
  });

  it('rejects bad input with field errors and writes nothing', async () => {
    const before = await server()
      .db.selectFrom('kb_articles')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const bad = await call<ErrorBody>('3101', 'POST', '/api/knowledge/manage/articles', {
      categoryId: 999_999,
      title: '   ',
      body: '正文',
    });
    expect(bad.status).toBe(400);
    const missing = await call<ErrorBody>('3101', 'POST', '/api/knowledge/manage/articles', {
      categoryId: 999_999,
      title: '标题',
      body: '正文',
      effectiveFrom: '2026-01-02T00:00:00.000Z',
      effectiveTo: '2026-01-01T00:00:00.000Z',
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.fields?.map((f) => f.path).sort()).toEqual(['categoryId', 'effectiveTo']);
    const after = await server()
      .db.selectFrom('kb_articles')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(after.n).toBe(before.n);

    const top = await newCategory('测试分类乙');
    const sub = (
      await call<{ id: number }>('admin', 'POST', '/api/knowledge/categories', {
        name: '子类',
        parentId: top,
      })
    ).body.id;
    const third = await call<ErrorBody>('admin', 'POST', '/api/knowledge/categories', {
      name: '孙类',
      parentId: sub,
    });
    expect(third.status).toBe(400);
    expect(
      (await call<ErrorBody>('admin', 'POST', '/api/knowledge/categories', { name: '测试分类乙' })).body.error
        .code,
    ).toBe('KB_CATEGORY_NAME_TAKEN');
    expect(
      (await call<ErrorBody>('admin', 'DELETE', `/api/knowledge/categories/${top}`)).body.error.code,
    ).toBe('KB_CATEGORY_NOT_EMPTY');
    expect((await call('admin', 'DELETE', `/api/knowledge/categories/${sub}`)).status).toBe(204);
  });

  it('keeps every published version; the database refuses to change or delete one', async () => {
    const cat = await newCategory('版本测试');
    const a = await write(cat, { title: '版本一标题' });
    await publish(a.id);
    const edited = await call<KbManagedDetail>('3101', 'PATCH', `/api/knowledge/manage/articles/${a.id}`, {
      title: '版本二标题',
    });
    expect(edited.body).toMatchObject({ hasChanges: true, title: '版本二标题' });
    // Readers still see version 1 until the next publish.
    expect((await call<KbArticle>('1001', 'GET', `/api/knowledge/articles/${a.id}`)).body.title).toBe(
      '版本一标题',
    );
    const second = await publish(a.id);
    expect(second.body.versions.map((v) => [v.version, v.title])).toEqual([
      [2, '版本二标题'],
      [1, '版本一标题'],
    ]);
    expect((await publish(a.id)).body).toMatchObject({ error: { code: 'KB_NOTHING_TO_PUBLISH' } });

    const db = server().db;
    await expect(
      db.updateTable('kb_article_versions').set({ title: '篡改' }).where('article_id', '=', a.id).execute(),
    ).rejects.toThrow();
    await expect(
      db.deleteFrom('kb_article_versions').where('article_id', '=', a.id).execute(),
    ).rejects.toThrow();

    const archived = await call<KbManagedDetail>(
      '3101',
      'POST',
      `/api/knowledge/manage/articles/${a.id}/archive`,
    );
    expect(archived.body.status).toBe('archived');
    expect((await call('1001', 'GET', `/api/knowledge/articles/${a.id}`)).status).toBe(404);
    expect(
      (await call<ErrorBody>('3101', 'PATCH', `/api/knowledge/manage/articles/${a.id}`, { title: 'x' })).body
        .error.code,
    ).toBe('KB_ARTICLE_ARCHIVED');
  });

  it('ranks title hits over keyword hits over body hits, highlights, filters by category', async () => {
    const cat = await newCategory('排序测试');
    const other = await newCategory('排序测试其他');
    const inBody = await write(cat, { title: '甲文章', body: '这里提到了紫藤套餐的说明' });
    const inKeyword = await write(cat, { title: '乙文章', keywords: ['紫藤套餐'], body: '无关内容' });
    const inTitle = await write(cat, { title: '紫藤套餐资费', body: '无关内容' });
    const elsewhere = await write(other, { title: '紫藤套餐其他', body: '无关' });
    for (const a of [inBody, inKeyword, inTitle, elsewhere]) await publish(a.id);

    const found = await search('1001', '紫藤套餐', `&categoryId=${cat}`);
    expect(found.items.map((h) => h.id)).toEqual([inTitle.id, inKeyword.id, inBody.id]);
    const bodyHit = found.items[2]?.snippet.find((p) => p.hit);
    expect(bodyHit?.text).toBe('紫藤套餐');

    // Fuzzy: no article holds 紫藤资费套餐 whole; its 2-character pieces still find them.
    const fuzzy = await search('1001', '紫藤资费');
    expect(fuzzy.items[0]?.id).toBe(inTitle.id);

    // LIKE wildcards are plain characters; HTML-looking text comes back exactly as written.
    expect((await search('1001', '%')).total).toBe(0);
    const html = await write(cat, { title: '<b>紫藤</b>说明', body: '<script>alert(1)</script> 紫藤' });
    await publish(html.id);
    const read = await call<KbArticle>('1001', 'GET', `/api/knowledge/articles/${html.id}`);
    expect(read.body).toMatchObject({ title: '<b>紫藤</b>说明', body: '<script>alert(1)</script> 紫藤' });

    // Seed articles are searchable by keyword.
    expect((await search('1001', '报修')).items.map((h) => h.title)).toContain('宽带报修流程');
  });

  it('hides expired and not-yet-valid articles from agents but keeps them for writers', async () => {
    const now = server().clock.now().getTime();
    const cat = await newCategory('有效期测试');
    const expired = await write(cat, {
      title: '过期的青柠资费',
      effectiveFrom: new Date(now - 10 * DAY).toISOString(),
      effectiveTo: new Date(now - DAY).toISOString(),
    });
    const future = await write(cat, {
      title: '未来的青柠资费',
      effectiveFrom: new Date(now + DAY).toISOString(),
    });
    await publish(expired.id);
    await publish(future.id);
    expect((await search('1001', '青柠')).total).toBe(0);
    expect((await call('1001', 'GET', `/api/knowledge/articles/${expired.id}`)).status).toBe(404);
    const list = await call<{ items: { id: number; expired: boolean }[] }>(
      '3101',
      'GET',
      '/api/knowledge/manage/articles?view=expired&q=青柠',
    );
    expect(list.body.items.map((a) => a.id).sort()).toEqual([expired.id, future.id].sort());
  });

  it('requires another person to approve before publishing in a review category', async () => {
    const cat = await newCategory('审核测试', true);
    const a = await write(cat, { title: '需审核的资费' });
    expect((await publish(a.id)).body).toMatchObject({ error: { code: 'KB_REVIEW_REQUIRED' } });
    await call('3101', 'POST', `/api/knowledge/manage/articles/${a.id}/submit`);
    const queue = await call<{ items: { id: number }[] }>(
      'admin',
      'GET',
      '/api/knowledge/manage/articles?view=review_queue',
    );
    expect(queue.body.items.map((i) => i.id)).toContain(a.id);
    const self = await call<ErrorBody>('3101', 'POST', `/api/knowledge/manage/articles/${a.id}/review`, {
      approve: true,
    });
    expect(self.body.error.code).toBe('KB_SELF_REVIEW');
    const approved = await call<KbManagedDetail>(
      'admin',
      'POST',
      `/api/knowledge/manage/articles/${a.id}/review`,
      { approve: true },
    );
    expect(approved.body).toMatchObject({ reviewState: 'approved', reviewerName: '系统管理员' });
    const published = await publish(a.id);
    expect(published.body.versions[0]).toMatchObject({
      version: 1,
      reviewedByName: '系统管理员',
      publishedByName: '彭海',
    });
  });

  it('counts helpful votes once per person, lists popular, takes and resolves error reports', async () => {
    const cat = await newCategory('反馈测试');
    const a = await write(cat, { title: '反馈文章' });
    await publish(a.id);
    const vote = (who: string, helpful: boolean) =>
      call<{ helpfulCount: number; unhelpfulCount: number }>(
        who,
        'POST',
        `/api/knowledge/articles/${a.id}/feedback`,
        { helpful },
      );
    await vote('1001', true);
    await vote('1002', false);
    expect((await vote('1002', true)).body).toMatchObject({ helpfulCount: 2, unhelpfulCount: 0 });

    const popular = await call<{ items: { title: string }[] }>('1001', 'GET', '/api/knowledge/popular');
    expect(popular.body.items[0]?.title).toBe('话费查询方法');

    expect(
      (
        await call('1001', 'POST', `/api/knowledge/articles/${a.id}/error-reports`, {
          note: '电话号码写错了',
        })
      ).status,
    ).toBe(204);
    const open = await call<{ items: { id: number; note: string }[] }>(
      '3101',
      'GET',
      '/api/knowledge/manage/error-reports',
    );
    const report = open.body.items.find((r) => r.note === '电话号码写错了');
    expect(report).toBeDefined();
    expect((await call('1001', 'GET', '/api/knowledge/manage/error-reports')).status).toBe(403);
    expect(
      (await call('3101', 'POST', `/api/knowledge/manage/error-reports/${report?.id}/resolve`)).status,
    ).toBe(204);
    expect(
      (await call<ErrorBody>('3101', 'POST', `/api/knowledge/manage/error-reports/${report?.id}/resolve`))
        .body.error.code,
    ).toBe('KB_REPORT_RESOLVED');
  });

  it('lists articles due for the periodic check and rarely used ones; checking clears it', async () => {
    const due = await call<{ items: { id: number; title: string }[] }>(
      '3101',
      'GET',
      '/api/knowledge/manage/articles?view=due_check&days=300',
    );
    const titles = due.body.items.map((i) => i.title);
    expect(titles).toContain('靓号选号规则');
    expect(titles).not.toContain('话费查询方法');
    const target = due.body.items.find((i) => i.title === '靓号选号规则');
    await call('3101', 'POST', `/api/knowledge/manage/articles/${target?.id}/check`);
    const after = await call<{ items: { title: string }[] }>(
      '3101',
      'GET',
      '/api/knowledge/manage/articles?view=due_check&days=300',
    );
    expect(after.body.items.map((i) => i.title)).not.toContain('靓号选号规则');

    const rare = await call<{ items: { title: string; viewCount: number }[] }>(
      '3101',
      'GET',
      '/api/knowledge/manage/articles?view=rarely_used&maxViews=3',
    );
    expect(rare.body.items.map((i) => i.title)).toContain('靓号选号规则');
    expect(rare.body.items.every((i) => i.viewCount <= 3)).toBe(true);

    const cats = await call<{ items: KbCategory[] }>('5101', 'GET', '/api/knowledge/categories');
    expect(cats.body.items.find((c) => c.name === '办理流程')?.articleCount).toBe(6);
  });
});
