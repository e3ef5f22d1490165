import { z } from 'zod';
import { idSchema, pageQuerySchema, text } from './text.ts';

// Knowledge base (知识库, KB-1): articles agents read while answering enquiries (services,
// tariffs, procedures, FAQs). Writers (admin, data maintenance) edit a working copy and publish;
// each publish is kept as a version. Bodies are plain text with line breaks, never HTML.

export const KB_WRITER_ROLES = ['admin', 'data_maintenance'] as const;
export const KB_LIMITS = { title: 100, body: 20_000, keyword: 20, keywords: 20, query: 100 } as const;

export const KB_ARTICLE_STATUSES = ['draft', 'published', 'archived'] as const;
export type KbArticleStatus = (typeof KB_ARTICLE_STATUSES)[number];
export const KB_REVIEW_STATES = ['none', 'pending', 'approved', 'rejected'] as const;
export type KbReviewState = (typeof KB_REVIEW_STATES)[number];

const dateTime = z.iso.datetime({ offset: true });

// ---- categories ----
export const kbCategoryInputSchema = z.strictObject({
  name: text(40),
  parentId: idSchema.nullable().default(null),
  requiresReview: z.boolean().default(false),
  position: z.number().int().min(0).max(10_000).default(0),
});
export type KbCategoryInput = z.infer<typeof kbCategoryInputSchema>;
export const kbCategoryUpdateSchema = z.strictObject({
  name: text(40).optional(),
  requiresReview: z.boolean().optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export type KbCategoryUpdate = z.infer<typeof kbCategoryUpdateSchema>;

export const kbCategorySchema = z.object({
  id: z.number().int(),
  parentId: z.number().int().nullable(),
  name: z.string(),
  requiresReview: z.boolean(),
  position: z.number().int(),
  /** Published articles readable now in this category (children included for a top level). */
  articleCount: z.number().int(),
});
export type KbCategory = z.infer<typeof kbCategorySchema>;
export const kbCategoryListSchema = z.object({ items: z.array(kbCategorySchema) });

// ---- articles (writers) ----
const keywords = z
  .array(text(KB_LIMITS.keyword))
  .max(KB_LIMITS.keywords)
  .transform((ks) => [...new Set(ks)]);

export const kbArticleInputSchema = z.strictObject({
  categoryId: idSchema,
  title: text(KB_LIMITS.title),
  body: text(KB_LIMITS.body),
  keywords: keywords.default([]),
  effectiveFrom: dateTime.nullable().default(null),
  effectiveTo: dateTime.nullable().default(null),
});
export type KbArticleInput = z.infer<typeof kbArticleInputSchema>;

export const kbArticleUpdateSchema = z.strictObject({
  categoryId: idSchema.optional(),
  title: text(KB_LIMITS.title).optional(),
  body: text(KB_LIMITS.body).optional(),
  keywords: keywords.optional(),
  effectiveFrom: dateTime.nullable().optional(),
  effectiveTo: dateTime.nullable().optional(),
});
export type KbArticleUpdate = z.infer<typeof kbArticleUpdateSchema>;

export const kbReviewDecisionSchema = z.strictObject({
  approve: z.boolean(),
  note: text(500).optional(),
});
export type KbReviewDecision = z.infer<typeof kbReviewDecisionSchema>;

export const kbVersionSchema = z.object({
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  keywords: z.array(z.string()),
  categoryId: z.number().int(),
  publishedByName: z.string().nullable(),
  reviewedByName: z.string().nullable(),
  publishedAt: z.string(),
});
export type KbVersion = z.infer<typeof kbVersionSchema>;

/** The writer's view of an article: the working copy and its state. */
export const kbManagedArticleSchema = z.object({
  id: z.number().int(),
  categoryId: z.number().int(),
  categoryName: z.string(),
  title: z.string(),
  body: z.string(),
  keywords: z.array(z.string()),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  status: z.enum(KB_ARTICLE_STATUSES),
  /** Published but outside its validity period now: hidden from readers. */
  expired: z.boolean(),
  reviewState: z.enum(KB_REVIEW_STATES),
  reviewNote: z.string().nullable(),
  requiresReview: z.boolean(),
  /** The working copy differs from the published version. */
  hasChanges: z.boolean(),
  publishedVersion: z.number().int().nullable(),
  authorName: z.string().nullable(),
  editedById: z.number().int().nullable(),
  editedByName: z.string().nullable(),
  reviewerName: z.string().nullable(),
  lastCheckedAt: z.string().nullable(),
  viewCount: z.number().int(),
  helpfulCount: z.number().int(),
  unhelpfulCount: z.number().int(),
  openErrorReports: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type KbManagedArticle = z.infer<typeof kbManagedArticleSchema>;

export const kbManagedDetailSchema = kbManagedArticleSchema.extend({ versions: z.array(kbVersionSchema) });
export type KbManagedDetail = z.infer<typeof kbManagedDetailSchema>;

export const KB_MANAGE_VIEWS = ['all', 'review_queue', 'due_check', 'rarely_used', 'expired'] as const;
export type KbManageView = (typeof KB_MANAGE_VIEWS)[number];
export const kbManageQuerySchema = pageQuerySchema.extend({
  view: z.enum(KB_MANAGE_VIEWS).default('all'),
  status: z.enum(KB_ARTICLE_STATUSES).optional(),
  categoryId: z.coerce.number().int().min(1).optional(),
  q: z.string().trim().max(KB_LIMITS.query).optional(),
  /** due_check: not checked (定期审核) for this many days. */
  days: z.coerce.number().int().min(1).max(3650).default(180),
  /** rarely_used: at most this many views. */
  maxViews: z.coerce.number().int().min(0).max(1_000_000).default(5),
});
export type KbManageQuery = z.infer<typeof kbManageQuerySchema>;

// ---- reading ----
/** A piece of a snippet; `hit` pieces are shown highlighted (as text, never HTML). */
export const kbSnippetPartSchema = z.object({ text: z.string(), hit: z.boolean() });
export type KbSnippetPart = z.infer<typeof kbSnippetPartSchema>;

export const kbSearchQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(KB_LIMITS.query).optional(),
  categoryId: z.coerce.number().int().min(1).optional(),
});
export type KbSearchQuery = z.infer<typeof kbSearchQuerySchema>;

export const kbSearchHitSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  categoryId: z.number().int(),
  categoryName: z.string(),
  keywords: z.array(z.string()),
  snippet: z.array(kbSnippetPartSchema),
  viewCount: z.number().int(),
  publishedAt: z.string(),
});
export type KbSearchHit = z.infer<typeof kbSearchHitSchema>;

export const kbSearchResultSchema = z.object({
  items: z.array(kbSearchHitSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** The pieces matched, for highlighting titles on the client. */
  terms: z.array(z.string()),
});
export type KbSearchResult = z.infer<typeof kbSearchResultSchema>;

export const kbArticleSchema = z.object({
  id: z.number().int(),
  version: z.number().int(),
  title: z.string(),
  body: z.string(),
  keywords: z.array(z.string()),
  categoryId: z.number().int(),
  categoryName: z.string(),
  effectiveFrom: z.string().nullable(),
  effectiveTo: z.string().nullable(),
  publishedAt: z.string(),
  viewCount: z.number().int(),
  helpfulCount: z.number().int(),
  unhelpfulCount: z.number().int(),
  /** My own vote, null when I have not voted. */
  myFeedback: z.boolean().nullable(),
});
export type KbArticle = z.infer<typeof kbArticleSchema>;

export const kbPopularSchema = z.object({ items: z.array(kbSearchHitSchema) });
export type KbPopular = z.infer<typeof kbPopularSchema>;

export const kbFeedbackInputSchema = z.strictObject({ helpful: z.boolean() });
export const kbFeedbackResultSchema = z.object({
  helpfulCount: z.number().int(),
  unhelpfulCount: z.number().int(),
  myFeedback: z.boolean(),
});
export type KbFeedbackResult = z.infer<typeof kbFeedbackResultSchema>;

// ---- error reports (纠错) ----
export const kbErrorReportInputSchema = z.strictObject({ note: text(500) });
export const kbErrorReportSchema = z.object({
  id: z.number().int(),
  articleId: z.number().int(),
  articleTitle: z.string(),
  note: z.string(),
  reportedByName: z.string().nullable(),
  at: z.string(),
  resolvedAt: z.string().nullable(),
});
export type KbErrorReport = z.infer<typeof kbErrorReportSchema>;
export const kbErrorReportListSchema = z.object({ items: z.array(kbErrorReportSchema) });
