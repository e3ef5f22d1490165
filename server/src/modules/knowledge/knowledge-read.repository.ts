import type {
  KbArticle,
  KbFeedbackResult,
  KbSearchHit,
  KbSearchQuery,
  KbSearchResult,
} from '@switchboard/shared';
import { type ExpressionBuilder, type RawBuilder, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { offsetOf } from '../../http/pagination.ts';
import { likePattern } from '../directory/references.ts';
import { fuzzyPiecesOf, snippetOf, termsOf } from './knowledge.terms.ts';

// What readers (everyone signed in) see: the published version of articles inside their
// validity period. Drafts, archived and expired articles never come out of here.

type Eb = ExpressionBuilder<Database & { a: Database['kb_articles'] }, 'a'>;
const POPULAR_LIMIT = 10;
const iso = (d: Date | string) => new Date(d).toISOString();
const isoOrNull = (d: Date | string | null) => (d === null ? null : iso(d));

/** Published and valid at `now`. */
export const readableAt = (now: Date) => (eb: Eb) =>
  eb.and([
    eb('a.status', '=', 'published'),
    eb('a.published_version', 'is not', null),
    eb.or([eb('a.effective_from', 'is', null), eb('a.effective_from', '<=', now)]),
    eb.or([eb('a.effective_to', 'is', null), eb('a.effective_to', '>', now)]),
  ]);

function readerBase(db: Db, now: Date, categoryId: number | undefined) {
  let q = db
    .selectFrom('kb_articles as a')
    .innerJoin('kb_article_versions as v', (j) =>
      j.onRef('v.article_id', '=', 'a.id').onRef('v.version', '=', 'a.published_version'),
    )
    .innerJoin('kb_categories as c', 'c.id', 'v.category_id')
    .where(readableAt(now));
  if (categoryId !== undefined) {
    q = q.where((eb) => eb.or([eb('v.category_id', '=', categoryId), eb('c.parent_id', '=', categoryId)]));
  }
  return q;
}

// Title hits weigh most, then keywords, then the body.
const scoreOf = (pieces: string[]): RawBuilder<number> =>
  sql<number>`(${sql.join(
    pieces.map((p) => {
      const like = likePattern(p);
      return sql`(CASE WHEN lower(v.title) LIKE ${like} THEN 100 ELSE 0 END
        + CASE WHEN lower(v.keywords::text) LIKE ${like} THEN 50 ELSE 0 END
        + CASE WHEN lower(v.body) LIKE ${like} THEN 10 ELSE 0 END)`;
    }),
    sql` + `,
  )})`;
const allMatch = (pieces: string[]) =>
  sql<boolean>`(${sql.join(
    pieces.map((p) => sql`v.search_text LIKE ${likePattern(p)}`),
    sql` AND `,
  )})`;
const enoughMatch = (pieces: string[]) =>
  sql<boolean>`((${sql.join(
    pieces.map((p) => sql`CASE WHEN v.search_text LIKE ${likePattern(p)} THEN 1 ELSE 0 END`),
    sql` + `,
  )}) >= ${Math.ceil(pieces.length / 2)})`;

async function runSearch(
  db: Db,
  q: KbSearchQuery,
  now: Date,
  pieces: string[],
  match: RawBuilder<boolean> | null,
) {
  const base = readerBase(db, now, q.categoryId);
  const filtered = match ? base.where(match) : base;
  const [rows, count] = await Promise.all([
    filtered
      .select([
        'a.id',
        'v.title',
        'v.body',
        'v.keywords',
        'v.category_id',
        'c.name as category_name',
        'a.view_count',
        'v.published_at',
        (pieces.length ? scoreOf(pieces) : sql<number>`0`).as('score'),
      ])
      .orderBy(sql`score`, 'desc')
      .orderBy('a.view_count', 'desc')
      .orderBy('a.id', 'desc')
      .limit(q.pageSize)
      .offset(offsetOf(q))
      .execute(),
    filtered.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

type HitRow = Awaited<ReturnType<typeof runSearch>>['rows'][number];
const toHit = (r: Omit<HitRow, 'score'>, terms: string[]): KbSearchHit => ({
  id: r.id,
  title: r.title,
  categoryId: r.category_id,
  categoryName: r.category_name,
  keywords: r.keywords,
  snippet: snippetOf(r.body, terms),
  viewCount: r.view_count,
  publishedAt: iso(r.published_at),
});

export async function searchArticles(db: Db, q: KbSearchQuery, now: Date): Promise<KbSearchResult> {
  const terms = termsOf(q.q);
  let used = terms;
  let found = await runSearch(db, q, now, terms, terms.length ? allMatch(terms) : null);
  if (found.total === 0 && terms.length) {
    const pieces = fuzzyPiecesOf(terms);
    if (pieces.join() !== terms.join()) {
      used = pieces;
      found = await runSearch(db, q, now, pieces, enoughMatch(pieces));
    }
  }
  return {
    items: found.rows.map((r) => toHit(r, used)),
    total: found.total,
    page: q.page,
    pageSize: q.pageSize,
    terms: used,
  };
}

/** 常用: the most viewed readable articles. */
export async function popularArticles(db: Db, now: Date): Promise<KbSearchHit[]> {
  const rows = await readerBase(db, now, undefined)
    .select([
      'a.id',
      'v.title',
      'v.body',
      'v.keywords',
      'v.category_id',
      'c.name as category_name',
      'a.view_count',
      'v.published_at',
    ])
    .where('a.view_count', '>', 0)
    .orderBy('a.view_count', 'desc')
    .orderBy('a.id', 'desc')
    .limit(POPULAR_LIMIT)
    .execute();
  return rows.map((r) => toHit(r, []));
}

export async function feedbackCounts(
  db: Db,
  articleId: number,
  staffId: number,
): Promise<KbFeedbackResult & { mine: boolean | null }> {
  const rows = await db
    .selectFrom('kb_feedback')
    .select(['helpful', 'staff_id'])
    .where('article_id', '=', articleId)
    .execute();
  const mine = rows.find((r) => r.staff_id === staffId)?.helpful ?? null;
  return {
    helpfulCount: rows.filter((r) => r.helpful).length,
    unhelpfulCount: rows.filter((r) => !r.helpful).length,
    myFeedback: mine ?? false,
    mine,
  };
}

/** Reads one readable article and counts the view; undefined when it is not readable now. */
export async function readArticle(
  db: Db,
  id: number,
  staffId: number,
  now: Date,
): Promise<KbArticle | undefined> {
  const row = await readerBase(db, now, undefined)
    .select([
      'a.id',
      'v.version',
      'v.title',
      'v.body',
      'v.keywords',
      'v.category_id',
      'c.name as category_name',
      'a.effective_from',
      'a.effective_to',
      'v.published_at',
    ])
    .where('a.id', '=', id)
    .executeTakeFirst();
  if (!row) return undefined;
  const counted = await db
    .updateTable('kb_articles')
    .set((eb) => ({ view_count: eb('view_count', '+', 1) }))
    .where('id', '=', id)
    .returning('view_count')
    .executeTakeFirstOrThrow();
  const fb = await feedbackCounts(db, id, staffId);
  return {
    id: row.id,
    version: row.version,
    title: row.title,
    body: row.body,
    keywords: row.keywords,
    categoryId: row.category_id,
    categoryName: row.category_name,
    effectiveFrom: isoOrNull(row.effective_from),
    effectiveTo: isoOrNull(row.effective_to),
    publishedAt: iso(row.published_at),
    viewCount: counted.view_count,
    helpfulCount: fb.helpfulCount,
    unhelpfulCount: fb.unhelpfulCount,
    myFeedback: fb.mine,
  };
}

/** One vote per person and article; voting again changes it. false when not readable. */
export async function recordFeedback(
  db: Db,
  id: number,
  staffId: number,
  helpful: boolean,
  now: Date,
): Promise<boolean> {
  const readable = await db
    .selectFrom('kb_articles as a')
    .select('a.id')
    .where('a.id', '=', id)
    .where(readableAt(now))
    .executeTakeFirst();
  if (!readable) return false;
  await db
    .insertInto('kb_feedback')
    .values({ article_id: id, staff_id: staffId, helpful, at: now })
    .onConflict((oc) => oc.columns(['article_id', 'staff_id']).doUpdateSet({ helpful, at: now }))
    .execute();
  return true;
}
