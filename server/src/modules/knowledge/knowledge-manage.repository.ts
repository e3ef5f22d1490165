import type {
  KbCategory,
  KbManagedArticle,
  KbManagedDetail,
  KbManageQuery,
  KbVersion,
} from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { offsetOf } from '../../http/pagination.ts';
import { likePattern } from '../directory/references.ts';
import { readableAt } from './knowledge-read.repository.ts';

// The writers' side: categories, working copies with their state and counters, versions.

const DAY = 86_400_000;
const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

export async function listCategories(db: Db, now: Date): Promise<KbCategory[]> {
  const [cats, counts] = await Promise.all([
    db.selectFrom('kb_categories').selectAll().orderBy('position').orderBy('id').execute(),
    db
      .selectFrom('kb_articles as a')
      .innerJoin('kb_article_versions as v', (j) =>
        j.onRef('v.article_id', '=', 'a.id').onRef('v.version', '=', 'a.published_version'),
      )
      .where(readableAt(now))
      .select(['v.category_id', (eb) => eb.fn.countAll<string>().as('n')])
      .groupBy('v.category_id')
      .execute(),
  ]);
  const own = new Map(counts.map((c) => [c.category_id, Number(c.n)]));
  return cats.map((c) => ({
    id: c.id,
    parentId: c.parent_id,
    name: c.name,
    requiresReview: c.requires_review,
    position: c.position,
    articleCount:
      (own.get(c.id) ?? 0) +
      (c.parent_id === null
        ? cats.filter((k) => k.parent_id === c.id).reduce((sum, k) => sum + (own.get(k.id) ?? 0), 0)
        : 0),
  }));
}

export function getCategory(db: Db, id: number) {
  return db.selectFrom('kb_categories').selectAll().where('id', '=', id).executeTakeFirst();
}

function managedQuery(db: Db, now: Date) {
  return db
    .selectFrom('kb_articles as a')
    .innerJoin('kb_categories as c', 'c.id', 'a.category_id')
    .leftJoin('staff as au', 'au.id', 'a.author_id')
    .leftJoin('staff as ed', 'ed.id', 'a.edited_by')
    .leftJoin('staff as rv', 'rv.id', 'a.reviewer_id')
    .selectAll('a')
    .select((eb) => [
      'c.name as category_name',
      'c.requires_review',
      'au.name as author_name',
      'ed.name as edited_by_name',
      'rv.name as reviewer_name',
      eb.and([eb('a.status', '=', 'published'), eb.not(readableAt(now)(eb))]).as('expired'),
      eb
        .selectFrom('kb_feedback as f')
        .select(sql<string>`count(*) FILTER (WHERE f.helpful)`.as('n'))
        .whereRef('f.article_id', '=', 'a.id')
        .as('helpful_count'),
      eb
        .selectFrom('kb_feedback as f')
        .select(sql<string>`count(*) FILTER (WHERE NOT f.helpful)`.as('n'))
        .whereRef('f.article_id', '=', 'a.id')
        .as('unhelpful_count'),
      eb
        .selectFrom('kb_error_reports as r')
        .select(eb.fn.countAll<string>().as('n'))
        .whereRef('r.article_id', '=', 'a.id')
        .where('r.resolved_at', 'is', null)
        .as('open_reports'),
    ]);
}
type ManagedRow = Awaited<ReturnType<ReturnType<typeof managedQuery>['executeTakeFirstOrThrow']>>;

const toManaged = (r: ManagedRow): KbManagedArticle => ({
  id: r.id,
  categoryId: r.category_id,
  categoryName: r.category_name,
  title: r.title,
  body: r.body,
  keywords: r.keywords,
  effectiveFrom: isoOrNull(r.effective_from),
  effectiveTo: isoOrNull(r.effective_to),
  status: r.status,
  expired: Boolean(r.expired),
  reviewState: r.review_state,
  reviewNote: r.review_note,
  requiresReview: r.requires_review,
  hasChanges: r.has_changes,
  publishedVersion: r.published_version,
  authorName: r.author_name,
  editedById: r.edited_by,
  editedByName: r.edited_by_name,
  reviewerName: r.reviewer_name,
  lastCheckedAt: isoOrNull(r.last_checked_at),
  viewCount: r.view_count,
  helpfulCount: Number(r.helpful_count ?? 0),
  unhelpfulCount: Number(r.unhelpful_count ?? 0),
  openErrorReports: Number(r.open_reports ?? 0),
  createdAt: iso(r.created_at),
  updatedAt: iso(r.updated_at),
});

/** The writers' lists: everything, the review queue, due for the periodic check, rarely used, expired. */
export async function listManaged(db: Db, q: KbManageQuery, now: Date) {
  let query = managedQuery(db, now);
  if (q.status) query = query.where('a.status', '=', q.status);
  if (q.categoryId) {
    const id = q.categoryId;
    query = query.where((eb) => eb.or([eb('a.category_id', '=', id), eb('c.parent_id', '=', id)]));
  }
  if (q.q) {
    const like = likePattern(q.q.toLowerCase());
    query = query.where((eb) =>
      eb.or([eb(eb.fn('lower', ['a.title']), 'like', like), eb(sql`lower(a.keywords::text)`, 'like', like)]),
    );
  }
  if (q.view === 'review_queue') query = query.where('a.review_state', '=', 'pending');
  if (q.view === 'due_check') {
    const cutoff = new Date(now.getTime() - q.days * DAY);
    query = query
      .where('a.status', '=', 'published')
      .where(sql<boolean>`coalesce(a.last_checked_at, a.created_at) < ${cutoff}`);
  }
  if (q.view === 'rarely_used') {
    query = query.where('a.status', '=', 'published').where('a.view_count', '<=', q.maxViews);
  }
  if (q.view === 'expired') {
    query = query.where('a.status', '=', 'published').where((eb) => eb.not(readableAt(now)(eb)));
  }
  const ordered =
    q.view === 'rarely_used'
      ? query.orderBy('a.view_count', 'asc').orderBy('a.id')
      : q.view === 'due_check'
        ? query.orderBy(sql`coalesce(a.last_checked_at, a.created_at)`, 'asc').orderBy('a.id')
        : query.orderBy('a.updated_at', 'desc').orderBy('a.id', 'desc');
  const [rows, count] = await Promise.all([
    ordered.limit(q.pageSize).offset(offsetOf(q)).execute(),
    db
      .selectFrom(ordered.clearSelect().clearOrderBy().select('a.id').as('x'))
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { items: rows.map(toManaged), total: Number(count.n), page: q.page, pageSize: q.pageSize };
}

export async function getManaged(db: Db, id: number, now: Date): Promise<KbManagedDetail | undefined> {
  const row = await managedQuery(db, now).where('a.id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  return { ...toManaged(row), versions: await versionsOf(db, id) };
}

export async function versionsOf(db: Db, id: number): Promise<KbVersion[]> {
  const rows = await db
    .selectFrom('kb_article_versions as v')
    .leftJoin('staff as p', 'p.id', 'v.published_by')
    .leftJoin('staff as r', 'r.id', 'v.reviewed_by')
    .select([
      'v.version',
      'v.title',
      'v.body',
      'v.keywords',
      'v.category_id',
      'v.published_at',
      'p.name as p_name',
      'r.name as r_name',
    ])
    .where('v.article_id', '=', id)
    .orderBy('v.version', 'desc')
    .execute();
  return rows.map((v) => ({
    version: v.version,
    title: v.title,
    body: v.body,
    keywords: v.keywords,
    categoryId: v.category_id,
    publishedByName: v.p_name,
    reviewedByName: v.r_name,
    publishedAt: iso(v.published_at),
  }));
}

export function getArticleRow(db: Db, id: number) {
  return db
    .selectFrom('kb_articles as a')
    .innerJoin('kb_categories as c', 'c.id', 'a.category_id')
    .selectAll('a')
    .select('c.requires_review')
    .where('a.id', '=', id)
    .forUpdate('a')
    .executeTakeFirst();
}
