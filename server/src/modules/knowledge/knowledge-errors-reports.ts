import type { KbErrorReport } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { AppError } from '../../http/app-error.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import { KNOWLEDGE_ERRORS as E } from './knowledge.errors.ts';
import { readableAt } from './knowledge-read.repository.ts';

// 纠错: readers report mistakes in what they read; maintainers work through the open ones.

/** false when the article is not readable now. */
export async function createErrorReport(db: Db, articleId: number, staffId: number, note: string, now: Date) {
  const readable = await db
    .selectFrom('kb_articles as a')
    .select('a.id')
    .where('a.id', '=', articleId)
    .where(readableAt(now))
    .executeTakeFirst();
  if (!readable) return false;
  await db
    .insertInto('kb_error_reports')
    .values({ article_id: articleId, reported_by: staffId, note, at: now })
    .execute();
  return true;
}

export async function listOpenErrorReports(db: Db): Promise<KbErrorReport[]> {
  const rows = await db
    .selectFrom('kb_error_reports as r')
    .innerJoin('kb_articles as a', 'a.id', 'r.article_id')
    .leftJoin('staff as s', 's.id', 'r.reported_by')
    .select(['r.id', 'r.article_id', 'a.title', 'r.note', 's.name', 'r.at', 'r.resolved_at'])
    .where('r.resolved_at', 'is', null)
    .orderBy('r.at', 'desc')
    .orderBy('r.id', 'desc')
    .limit(200)
    .execute();
  return rows.map((r) => ({
    id: r.id,
    articleId: r.article_id,
    articleTitle: r.title,
    note: r.note,
    reportedByName: r.name,
    at: new Date(r.at).toISOString(),
    resolvedAt: r.resolved_at === null ? null : new Date(r.resolved_at).toISOString(),
  }));
}

export async function resolveErrorReport(trx: Db, id: number, ctx: ChangeContext) {
  const row = await trx
    .selectFrom('kb_error_reports')
    .select('resolved_at')
    .where('id', '=', id)
    .forUpdate()
    .executeTakeFirst();
  if (!row) throw new AppError(COMMON_ERRORS.NOT_FOUND);
  if (row.resolved_at !== null) throw new AppError(E.KB_REPORT_RESOLVED);
  await trx
    .updateTable('kb_error_reports')
    .set({ resolved_at: ctx.now, resolved_by: ctx.actor.id })
    .where('id', '=', id)
    .execute();
}
