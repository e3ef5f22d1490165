import type {
  KbArticleInput,
  KbArticleUpdate,
  KbCategoryInput,
  KbCategoryUpdate,
  KbReviewDecision,
} from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { AppError, type FieldError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { KNOWLEDGE_ERRORS as E, KNOWLEDGE_FIELD_MESSAGES as M } from './knowledge.errors.ts';
import { searchTextOf } from './knowledge.terms.ts';
import { getArticleRow, getCategory } from './knowledge-manage.repository.ts';

// The writers' changes (KB-1), each inside the caller's transaction. The life of an article:
// draft → published → archived; editing a published article changes its working copy only, and
// the next publish appends a version. Categories may demand a second person's approval first.

const notFound = () => new AppError(COMMON_ERRORS.NOT_FOUND);
const invalid = (fields: FieldError[]) => new AppError(COMMON_ERRORS.VALIDATION_FAILED, { fields });
const dateOrNull = (s: string | null) => (s ? new Date(s) : null);

export async function createCategory(trx: Db, input: KbCategoryInput, now: Date): Promise<number> {
  if (input.parentId !== null) {
    const parent = await getCategory(trx, input.parentId);
    if (!parent) throw invalid([{ path: 'parentId', message: M.categoryMissing }]);
    if (parent.parent_id !== null) throw invalid([{ path: 'parentId', message: M.parentNotTopLevel }]);
  }
  await assertNameFree(trx, input.parentId, input.name, null);
  const row = await trx
    .insertInto('kb_categories')
    .values({
      parent_id: input.parentId,
      name: input.name,
      requires_review: input.requiresReview,
      position: input.position,
      created_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateCategory(trx: Db, id: number, input: KbCategoryUpdate): Promise<void> {
  const before = await getCategory(trx, id);
  if (!before) throw notFound();
  if (input.name !== undefined) await assertNameFree(trx, before.parent_id, input.name, id);
  await trx
    .updateTable('kb_categories')
    .set({
      name: input.name ?? before.name,
      requires_review: input.requiresReview ?? before.requires_review,
      position: input.position ?? before.position,
    })
    .where('id', '=', id)
    .execute();
}

export async function deleteCategory(trx: Db, id: number): Promise<void> {
  if (!(await getCategory(trx, id))) throw notFound();
  const [child, article, version] = await Promise.all([
    trx.selectFrom('kb_categories').select('id').where('parent_id', '=', id).executeTakeFirst(),
    trx.selectFrom('kb_articles').select('id').where('category_id', '=', id).executeTakeFirst(),
    trx.selectFrom('kb_article_versions').select('id').where('category_id', '=', id).executeTakeFirst(),
  ]);
  if (child || article || version) throw new AppError(E.KB_CATEGORY_NOT_EMPTY);
  await trx.deleteFrom('kb_categories').where('id', '=', id).execute();
}

async function assertNameFree(trx: Db, parentId: number | null, name: string, except: number | null) {
  let q = trx.selectFrom('kb_categories').select('id').where('name', '=', name);
  q = parentId === null ? q.where('parent_id', 'is', null) : q.where('parent_id', '=', parentId);
  if (except !== null) q = q.where('id', '!=', except);
  if (await q.executeTakeFirst()) throw new AppError(E.KB_CATEGORY_NAME_TAKEN);
}

export async function createArticle(trx: Db, input: KbArticleInput, ctx: ChangeContext): Promise<number> {
  await assertArticleFields(trx, input.categoryId, input.effectiveFrom, input.effectiveTo);
  const row = await trx
    .insertInto('kb_articles')
    .values({
      category_id: input.categoryId,
      title: input.title,
      body: input.body,
      keywords: JSON.stringify(input.keywords),
      effective_from: dateOrNull(input.effectiveFrom),
      effective_to: dateOrNull(input.effectiveTo),
      status: 'draft',
      review_state: 'none',
      has_changes: true,
      published_version: null,
      author_id: ctx.actor.id,
      edited_by: ctx.actor.id,
      reviewer_id: null,
      reviewed_at: null,
      review_note: null,
      last_checked_at: null,
      created_at: ctx.now,
      updated_at: ctx.now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateArticle(trx: Db, id: number, input: KbArticleUpdate, ctx: ChangeContext) {
  const before = await getArticleRow(trx, id);
  if (!before) throw notFound();
  if (before.status === 'archived') throw new AppError(E.KB_ARTICLE_ARCHIVED);
  const categoryId = input.categoryId ?? before.category_id;
  const from = input.effectiveFrom === undefined ? isoOrNull(before.effective_from) : input.effectiveFrom;
  const to = input.effectiveTo === undefined ? isoOrNull(before.effective_to) : input.effectiveTo;
  await assertArticleFields(trx, categoryId, from, to);
  const content =
    input.title !== undefined ||
    input.body !== undefined ||
    input.keywords !== undefined ||
    input.categoryId !== undefined;
  await trx
    .updateTable('kb_articles')
    .set({
      category_id: categoryId,
      title: input.title ?? before.title,
      body: input.body ?? before.body,
      keywords: JSON.stringify(input.keywords ?? before.keywords),
      effective_from: dateOrNull(from),
      effective_to: dateOrNull(to),
      // A change to what readers see needs publishing (and review) again; the validity period
      // applies at once, so an outdated tariff can be withdrawn without a new version.
      ...(content ? { has_changes: true, review_state: 'none' as const, review_note: null } : {}),
      edited_by: ctx.actor.id,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function submitForReview(trx: Db, id: number, ctx: ChangeContext) {
  const a = await getArticleRow(trx, id);
  if (!a) throw notFound();
  if (a.status === 'archived') throw new AppError(E.KB_ARTICLE_ARCHIVED);
  if (!a.has_changes) throw new AppError(E.KB_NOTHING_TO_PUBLISH);
  await trx
    .updateTable('kb_articles')
    .set({ review_state: 'pending', review_note: null, updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
}

export async function decideReview(trx: Db, id: number, decision: KbReviewDecision, ctx: ChangeContext) {
  const a = await getArticleRow(trx, id);
  if (!a) throw notFound();
  if (a.review_state !== 'pending') throw new AppError(E.KB_NOT_PENDING_REVIEW);
  if (a.edited_by === ctx.actor.id) throw new AppError(E.KB_SELF_REVIEW);
  await trx
    .updateTable('kb_articles')
    .set({
      review_state: decision.approve ? 'approved' : 'rejected',
      review_note: decision.note ?? null,
      reviewer_id: ctx.actor.id,
      reviewed_at: ctx.now,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
}

/** Appends the working copy as the next version and shows it to readers. */
export async function publishArticle(trx: Db, id: number, ctx: ChangeContext) {
  const a = await getArticleRow(trx, id);
  if (!a) throw notFound();
  if (!a.has_changes) {
    if (a.status !== 'archived') throw new AppError(E.KB_NOTHING_TO_PUBLISH);
    // Restoring an archived article shows its last version again.
    await trx
      .updateTable('kb_articles')
      .set({ status: 'published', updated_at: ctx.now })
      .where('id', '=', id)
      .execute();
    return;
  }
  if (a.requires_review && a.review_state !== 'approved') throw new AppError(E.KB_REVIEW_REQUIRED);
  const version = (a.published_version ?? 0) + 1;
  await trx
    .insertInto('kb_article_versions')
    .values({
      article_id: id,
      version,
      category_id: a.category_id,
      title: a.title,
      body: a.body,
      keywords: JSON.stringify(a.keywords),
      search_text: searchTextOf(a.title, a.keywords, a.body),
      published_by: ctx.actor.id,
      reviewed_by: a.review_state === 'approved' ? a.reviewer_id : null,
      published_at: ctx.now,
    })
    .execute();
  await trx
    .updateTable('kb_articles')
    .set({
      status: 'published',
      published_version: version,
      has_changes: false,
      review_state: 'none',
      last_checked_at: ctx.now,
      updated_at: ctx.now,
    })
    .where('id', '=', id)
    .execute();
}

export async function archiveArticle(trx: Db, id: number, ctx: ChangeContext) {
  const a = await getArticleRow(trx, id);
  if (!a) throw notFound();
  if (a.status === 'archived') throw new AppError(E.KB_ALREADY_ARCHIVED);
  await trx
    .updateTable('kb_articles')
    .set({ status: 'archived', review_state: 'none', updated_at: ctx.now })
    .where('id', '=', id)
    .execute();
}

/** 定期审核: a maintainer confirms the published text is still right. */
export async function markChecked(trx: Db, id: number, ctx: ChangeContext) {
  const a = await getArticleRow(trx, id);
  if (!a) throw notFound();
  await trx.updateTable('kb_articles').set({ last_checked_at: ctx.now }).where('id', '=', id).execute();
}

async function assertArticleFields(trx: Db, categoryId: number, from: string | null, to: string | null) {
  const fields: FieldError[] = [];
  if (!(await getCategory(trx, categoryId))) fields.push({ path: 'categoryId', message: M.categoryMissing });
  if (from && to && new Date(to) <= new Date(from))
    fields.push({ path: 'effectiveTo', message: M.effectiveToNotAfterFrom });
  if (fields.length) throw invalid(fields);
}

function isoOrNull(d: Date | string | null): string | null {
  return d === null ? null : new Date(d).toISOString();
}
