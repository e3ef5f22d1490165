import {
  idParamSchema,
  KB_WRITER_ROLES,
  kbArticleInputSchema,
  kbArticleSchema,
  kbArticleUpdateSchema,
  kbCategoryInputSchema,
  kbCategoryListSchema,
  kbCategoryUpdateSchema,
  kbErrorReportInputSchema,
  kbErrorReportListSchema,
  kbFeedbackInputSchema,
  kbFeedbackResultSchema,
  kbManagedArticleSchema,
  kbManagedDetailSchema,
  kbManageQuerySchema,
  kbPopularSchema,
  kbReviewDecisionSchema,
  kbSearchQuerySchema,
  kbSearchResultSchema,
  pageOf,
} from '@switchboard/shared';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import type { Db } from '../../db/database.ts';
import { actorOf } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { App, AppDeps } from '../../http/app-types.ts';
import { COMMON_ERRORS } from '../../http/common.errors.ts';
import type { ChangeContext } from '../../http/crud-routes.ts';
import {
  archiveArticle,
  createArticle,
  createCategory,
  decideReview,
  deleteCategory,
  markChecked,
  publishArticle,
  submitForReview,
  updateArticle,
  updateCategory,
} from './knowledge.service.ts';
import { createErrorReport, listOpenErrorReports, resolveErrorReport } from './knowledge-errors-reports.ts';
import { getManaged, listCategories, listManaged } from './knowledge-manage.repository.ts';
import {
  feedbackCounts,
  popularArticles,
  readArticle,
  recordFeedback,
  searchArticles,
} from './knowledge-read.repository.ts';

// KB-1: everyone signed in reads published articles (agents, leads, QA and department staff
// answer questions with them); admin and data maintenance (资料维护) write, review and publish.
const tags = ['knowledge'];
const WRITERS = KB_WRITER_ROLES;

export function registerKnowledgeRoutes(app: App, { db, clock }: AppDeps): void {
  const context = (request: FastifyRequest): ChangeContext => ({
    actor: actorOf(request),
    now: clock.now(),
    ip: request.ip,
  });
  const mustExist = <T>(value: T | undefined): T => {
    if (value === undefined) throw new AppError(COMMON_ERRORS.NOT_FOUND);
    return value;
  };
  const managed = async (id: number) => mustExist(await getManaged(db, id, clock.now()));

  // ---- reading ----
  app.get(
    '/api/knowledge/categories',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'The category tree (two levels) with readable article counts',
        response: { 200: kbCategoryListSchema },
      },
    },
    async () => ({ items: await listCategories(db, clock.now()) }),
  );

  app.get(
    '/api/knowledge/search',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary:
          'Search readable articles: title and keyword hits first, highlighted snippet, category filter',
        querystring: kbSearchQuerySchema,
        response: { 200: kbSearchResultSchema },
      },
    },
    async (request) => searchArticles(db, request.query, clock.now()),
  );

  app.get(
    '/api/knowledge/popular',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Frequently used (常用) articles: the most viewed',
        response: { 200: kbPopularSchema },
      },
    },
    async () => ({ items: await popularArticles(db, clock.now()) }),
  );

  app.get(
    '/api/knowledge/articles/:id',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Read the published version of an article (counts a view; 404 if not readable now)',
        params: idParamSchema,
        response: { 200: kbArticleSchema },
      },
    },
    async (request) => mustExist(await readArticle(db, request.params.id, actorOf(request).id, clock.now())),
  );

  app.post(
    '/api/knowledge/articles/:id/feedback',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Was this helpful: one vote per person, voting again changes it',
        params: idParamSchema,
        body: kbFeedbackInputSchema,
        response: { 200: kbFeedbackResultSchema },
      },
    },
    async (request) => {
      const me = actorOf(request).id;
      const { id } = request.params;
      if (!(await recordFeedback(db, id, me, request.body.helpful, clock.now())))
        throw new AppError(COMMON_ERRORS.NOT_FOUND);
      const { mine: _mine, ...counts } = await feedbackCounts(db, id, me);
      return counts;
    },
  );

  app.post(
    '/api/knowledge/articles/:id/error-reports',
    {
      config: { access: 'authenticated' },
      schema: {
        tags,
        summary: 'Report a mistake in an article (纠错) for the maintainers',
        params: idParamSchema,
        body: kbErrorReportInputSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const ok = await createErrorReport(
        db,
        request.params.id,
        actorOf(request).id,
        request.body.note,
        clock.now(),
      );
      if (!ok) throw new AppError(COMMON_ERRORS.NOT_FOUND);
      return reply.code(204).send(null);
    },
  );

  // ---- categories (writers) ----
  app.post(
    '/api/knowledge/categories',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Add a category (top level or under a top-level one)',
        body: kbCategoryInputSchema,
        response: { 201: z.object({ id: z.number().int() }) },
      },
    },
    async (request, reply) => {
      const id = await db.transaction().execute((trx) => createCategory(trx, request.body, clock.now()));
      return reply.code(201).send({ id });
    },
  );

  app.patch(
    '/api/knowledge/categories/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Rename a category, reorder it, or switch its review rule',
        params: idParamSchema,
        body: kbCategoryUpdateSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await db.transaction().execute((trx) => updateCategory(trx, request.params.id, request.body));
      return reply.code(204).send(null);
    },
  );

  app.delete(
    '/api/knowledge/categories/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Delete an empty category (409 while it holds anything)',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      await db.transaction().execute((trx) => deleteCategory(trx, request.params.id));
      return reply.code(204).send(null);
    },
  );

  // ---- articles (writers) ----
  app.get(
    '/api/knowledge/manage/articles',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Working copies: all, review queue, due for periodic check, rarely used, expired',
        querystring: kbManageQuerySchema,
        response: { 200: pageOf(kbManagedArticleSchema) },
      },
    },
    async (request) => listManaged(db, request.query, clock.now()),
  );

  app.get(
    '/api/knowledge/manage/articles/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'One working copy with its version history (newest first)',
        params: idParamSchema,
        response: { 200: kbManagedDetailSchema },
      },
    },
    async (request) => managed(request.params.id),
  );

  app.post(
    '/api/knowledge/manage/articles',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Write a new article (a draft)',
        body: kbArticleInputSchema,
        response: { 201: kbManagedDetailSchema },
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      const id = await db.transaction().execute((trx) => createArticle(trx, request.body, ctx));
      return reply.code(201).send(await managed(id));
    },
  );

  app.patch(
    '/api/knowledge/manage/articles/:id',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Edit the working copy (readers keep the published version until the next publish)',
        params: idParamSchema,
        body: kbArticleUpdateSchema,
        response: { 200: kbManagedDetailSchema },
      },
    },
    async (request) => {
      const ctx = context(request);
      await db.transaction().execute((trx) => updateArticle(trx, request.params.id, request.body, ctx));
      return managed(request.params.id);
    },
  );

  const action = (
    path: string,
    summary: string,
    run: (trx: Db, id: number, ctx: ChangeContext) => Promise<void>,
  ) =>
    app.post(
      `/api/knowledge/manage/articles/:id/${path}`,
      {
        config: { access: WRITERS },
        schema: { tags, summary, params: idParamSchema, response: { 200: kbManagedDetailSchema } },
      },
      async (request) => {
        const ctx = context(request);
        await db.transaction().execute((trx) => run(trx, request.params.id, ctx));
        return managed(request.params.id);
      },
    );
  action('submit', 'Ask another writer to review the working copy', submitForReview);
  action(
    'publish',
    'Publish the working copy as a new version (or restore an archived article)',
    publishArticle,
  );
  action('archive', 'Archive: hidden from readers, kept with its versions', archiveArticle);
  action('check', 'Periodic review (定期审核): confirm the article is still right', markChecked);

  app.post(
    '/api/knowledge/manage/articles/:id/review',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Approve or reject a working copy waiting for review (not your own edit)',
        params: idParamSchema,
        body: kbReviewDecisionSchema,
        response: { 200: kbManagedDetailSchema },
      },
    },
    async (request) => {
      const ctx = context(request);
      await db.transaction().execute((trx) => decideReview(trx, request.params.id, request.body, ctx));
      return managed(request.params.id);
    },
  );

  // ---- error reports (writers) ----
  app.get(
    '/api/knowledge/manage/error-reports',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Open error reports (纠错), newest first',
        response: { 200: kbErrorReportListSchema },
      },
    },
    async () => ({ items: await listOpenErrorReports(db) }),
  );

  app.post(
    '/api/knowledge/manage/error-reports/:id/resolve',
    {
      config: { access: WRITERS },
      schema: {
        tags,
        summary: 'Mark an error report handled',
        params: idParamSchema,
        response: { 204: z.null() },
      },
    },
    async (request, reply) => {
      const ctx = context(request);
      await db.transaction().execute((trx) => resolveErrorReport(trx, request.params.id, ctx));
      return reply.code(204).send(null);
    },
  );
}
