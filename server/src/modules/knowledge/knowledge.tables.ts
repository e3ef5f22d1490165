import type { ColumnType, Generated } from 'kysely';

// Kysely table types of this module (migration 0010); db/schema.ts joins them into Database.
type Timestamp = ColumnType<Date, Date | string, Date | string>;
type Json<T> = ColumnType<T, string, string>;
type BigIntColumn = ColumnType<string | number, number | string, never>;

/** parent_id null: a top-level category; else a sub-category (two levels only). */
export type KbCategoryTable = {
  id: Generated<number>;
  parent_id: number | null;
  name: string;
  requires_review: boolean;
  position: number;
  created_at: Timestamp;
};

/** The working copy writers edit, plus counters; readers see published_version's content. */
export type KbArticleTable = {
  id: Generated<number>;
  category_id: number;
  title: string;
  body: string;
  keywords: Json<string[]>;
  effective_from: Timestamp | null;
  effective_to: Timestamp | null;
  status: 'draft' | 'published' | 'archived';
  review_state: 'none' | 'pending' | 'approved' | 'rejected';
  review_note: string | null;
  has_changes: boolean;
  published_version: number | null;
  author_id: number | null;
  edited_by: number | null;
  reviewer_id: number | null;
  reviewed_at: Timestamp | null;
  last_checked_at: Timestamp | null;
  view_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
};

/** Append-only: one row per publish (the database refuses UPDATE and DELETE). */
export type KbArticleVersionTable = {
  id: Generated<BigIntColumn>;
  article_id: number;
  version: number;
  category_id: number;
  title: string;
  body: string;
  keywords: Json<string[]>;
  search_text: string;
  published_by: number | null;
  reviewed_by: number | null;
  published_at: Timestamp;
};

export type KnowledgeTables = {
  kb_categories: KbCategoryTable;
  kb_articles: KbArticleTable;
  kb_article_versions: KbArticleVersionTable;
  kb_feedback: { article_id: number; staff_id: number; helpful: boolean; at: Timestamp };
  kb_error_reports: {
    id: Generated<number>;
    article_id: number;
    reported_by: number;
    note: string;
    at: Timestamp;
    resolved_by: number | null;
    resolved_at: Timestamp | null;
  };
};
