import { defineErrors, type Message } from '../../http/app-error.ts';

// The knowledge base's own refusals (KB-1).
export const KNOWLEDGE_ERRORS = defineErrors({
  KB_CATEGORY_NAME_TAKEN: {
    status: 409,
    message: {
      'zh-CN': '同级分类中已有此名称',
      'en-US': 'A category with this name already exists at this level',
    },
  },
  KB_CATEGORY_NOT_EMPTY: {
    status: 409,
    message: {
      'zh-CN': '分类下还有子分类或文章，不能删除',
      'en-US': 'The category still has sub-categories or articles and cannot be deleted',
    },
  },
  KB_ARTICLE_ARCHIVED: {
    status: 409,
    message: { 'zh-CN': '文章已归档，不能修改', 'en-US': 'The article is archived and cannot be changed' },
  },
  KB_NOTHING_TO_PUBLISH: {
    status: 409,
    message: { 'zh-CN': '没有未发布的修改', 'en-US': 'There are no unpublished changes' },
  },
  KB_REVIEW_REQUIRED: {
    status: 409,
    message: {
      'zh-CN': '该分类的文章须经他人审核通过后才能发布',
      'en-US': 'Articles in this category must be approved by another person before publishing',
    },
  },
  KB_NOT_PENDING_REVIEW: {
    status: 409,
    message: { 'zh-CN': '文章不在待审核状态', 'en-US': 'The article is not waiting for review' },
  },
  KB_SELF_REVIEW: {
    status: 409,
    message: {
      'zh-CN': '不能审核自己编辑的文章，请由他人审核',
      'en-US': 'You cannot review an article you edited; another person must review it',
    },
  },
  KB_ALREADY_ARCHIVED: {
    status: 409,
    message: { 'zh-CN': '文章已归档', 'en-US': 'The article is already archived' },
  },
  KB_REPORT_RESOLVED: {
    status: 409,
    message: { 'zh-CN': '该纠错已处理', 'en-US': 'This error report is already resolved' },
  },
});

export const KNOWLEDGE_FIELD_MESSAGES = {
  categoryMissing: { 'zh-CN': '分类不存在', 'en-US': 'names a category that does not exist' },
  parentNotTopLevel: {
    'zh-CN': '只能在一级分类下建子分类（最多两级）',
    'en-US': 'must be a top-level category (two levels at most)',
  },
  effectiveToNotAfterFrom: {
    'zh-CN': '失效时间须晚于生效时间',
    'en-US': 'must be later than the start (effectiveFrom)',
  },
} satisfies Record<string, Message>;
