import { z } from 'zod';
import { idSchema, pageQuerySchema, text } from './text.ts';

// Customers (客户资料, CRM-1…4) and the comprehensive query (综合查询, QRY-1).

/** Where the customer heard of us (FUP-1 list), shown as checkboxes. */
export const ORIGIN_CHANNELS = [
  '报纸',
  '电视',
  '广播',
  '网络',
  '114',
  '朋友介绍',
  '户外',
  '公交车体',
  '出租车体或停靠站',
  '灯箱',
  '活动',
  '讲座',
  '印刷品',
  '公司礼物',
  '其他',
] as const;
export const CONTACT_CHANNELS = ['phone', 'sms', 'email'] as const;
export const CUSTOMER_GENDERS = ['male', 'female', 'unknown'] as const;
export const CUSTOM_FIELD_TYPES = ['text', 'number', 'date', 'choice'] as const;
export type CustomFieldType = (typeof CUSTOM_FIELD_TYPES)[number];

/** Phone numbers are stored as digits only: "139 0000-0001" and "13900000001" are one number. */
export function normalizePhone(raw: string): string {
  return raw.replace(/\D/g, '');
}

const phone = z
  .string()
  .trim()
  .transform(normalizePhone)
  .refine((s) => /^[0-9]{3,20}$/.test(s), 'phone_format');

const customValue = z.union([z.string().trim().max(200), z.number(), z.null()]);

const fields = {
  name: text(50),
  gender: z.enum(CUSTOMER_GENDERS),
  phones: z.array(phone).min(1).max(10),
  cardNo: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9-]{1,32}$/, 'card_format')
    .nullable(),
  address: text(200).nullable(),
  areaId: idSchema.nullable(),
  vipLevel: z.number().int().min(0).max(5),
  email: z.email().max(120).nullable(),
  preferredChannel: z.enum(CONTACT_CHANNELS),
  originChannels: z.array(z.enum(ORIGIN_CHANNELS)).max(ORIGIN_CHANNELS.length),
  giftWilling: z.boolean().nullable(),
  custom: z.record(z.string().regex(/^[a-z][a-z0-9_]{0,39}$/), customValue),
};

export const customerInputSchema = z.strictObject({
  name: fields.name,
  gender: fields.gender.default('unknown'),
  phones: fields.phones,
  cardNo: fields.cardNo.default(null),
  address: fields.address.default(null),
  areaId: fields.areaId.default(null),
  vipLevel: fields.vipLevel.default(0),
  email: fields.email.default(null),
  preferredChannel: fields.preferredChannel.default('phone'),
  originChannels: fields.originChannels.default([]),
  giftWilling: fields.giftWilling.default(null),
  custom: fields.custom.default({}),
});
export type CustomerInput = z.infer<typeof customerInputSchema>;

export const customerUpdateSchema = z.strictObject({
  name: fields.name.optional(),
  gender: fields.gender.optional(),
  phones: fields.phones.optional(),
  cardNo: fields.cardNo.optional(),
  address: fields.address.optional(),
  areaId: fields.areaId.optional(),
  vipLevel: fields.vipLevel.optional(),
  email: fields.email.optional(),
  preferredChannel: fields.preferredChannel.optional(),
  originChannels: fields.originChannels.optional(),
  giftWilling: fields.giftWilling.optional(),
  custom: fields.custom.optional(),
});
export type CustomerUpdate = z.infer<typeof customerUpdateSchema>;

export const customerSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  gender: z.enum(CUSTOMER_GENDERS),
  phones: z.array(z.string()),
  cardNo: z.string().nullable(),
  address: z.string().nullable(),
  areaId: z.number().int().nullable(),
  areaName: z.string().nullable(),
  vipLevel: z.number().int(),
  email: z.string().nullable(),
  preferredChannel: z.enum(CONTACT_CHANNELS),
  originChannels: z.array(z.string()),
  giftWilling: z.boolean().nullable(),
  custom: z.record(z.string(), customValue),
  mergedInto: z.number().int().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Customer = z.infer<typeof customerSchema>;

/** A saved record, and the other records that share one of its phones or its card (CRM-4). */
export const customerSavedSchema = customerSchema.extend({
  duplicates: z.array(z.object({ id: z.number().int(), name: z.string(), reason: z.string() })),
});
export type CustomerSaved = z.infer<typeof customerSavedSchema>;

export const customerListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  areaId: z.coerce.number().int().min(1).optional(),
  vipOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

export const phoneQuerySchema = z.object({ phone: phone });

export const TIMELINE_KINDS = ['call', 'ticket', 'follow_up', 'sms', 'email', 'note'] as const;
export const timelineItemSchema = z.object({
  kind: z.enum(TIMELINE_KINDS),
  at: z.string(),
  refId: z.string(),
  summary: z.string(),
  staffName: z.string().nullable(),
});
export type TimelineItem = z.infer<typeof timelineItemSchema>;

export const customerNoteSchema = z.strictObject({ summary: text(500) });

export const customFieldDefInputSchema = z.strictObject({
  key: z.string().regex(/^[a-z][a-z0-9_]{0,39}$/, 'field_key_format'),
  label: text(40),
  type: z.enum(CUSTOM_FIELD_TYPES),
  choices: z.array(text(40)).max(50).default([]),
});
export const customFieldDefSchema = customFieldDefInputSchema.extend({ id: z.number().int() });
export type CustomFieldDef = z.infer<typeof customFieldDefSchema>;

export const duplicateGroupSchema = z.object({
  reason: z.enum(['phone', 'card']),
  value: z.string(),
  customers: z.array(z.object({ id: z.number().int(), name: z.string(), createdAt: z.string() })),
});
export type DuplicateGroup = z.infer<typeof duplicateGroupSchema>;

export const mergeInputSchema = z.strictObject({ keepId: idSchema, mergeId: idSchema });

export const IMPORT_FORMATS = ['csv', 'xlsx'] as const;
export const importInputSchema = z.strictObject({
  fileName: text(120),
  format: z.enum(IMPORT_FORMATS),
  /** The file's bytes, base64 encoded (the request body limit bounds the size). */
  contentBase64: z.string().min(1),
});
/** POST /api/customers/imports/file?fileName=…&format=csv with the file itself as the body. */
export const importFileQuerySchema = z.object({
  fileName: text(120),
  format: z.enum(IMPORT_FORMATS),
});
export const importJobSchema = z.object({
  id: z.number().int(),
  fileName: z.string(),
  status: z.enum(['running', 'done', 'failed']),
  totalRows: z.number().int(),
  processedRows: z.number().int(),
  importedRows: z.number().int(),
  duplicateRows: z.number().int(),
  /** All rejected rows; `rejected` lists the first 1,000 of them. */
  rejectedRows: z.number().int(),
  rejected: z.array(z.object({ row: z.number().int(), reason: z.string(), reasonEn: z.string() })),
});
export type ImportJob = z.infer<typeof importJobSchema>;

export const exportQuerySchema = z.object({ format: z.enum(IMPORT_FORMATS).default('csv') });

/** The columns of an import file, in order; the export writes the same ones. */
export const CUSTOMER_FILE_COLUMNS = [
  'name',
  'phones',
  'card_no',
  'gender',
  'address',
  'area_code',
  'vip_level',
  'email',
  'preferred_channel',
  'origin_channels',
  'gift_willing',
] as const;

// Comprehensive query (QRY-1).
export const SEARCH_GROUPS = ['customers', 'staff', 'calls', 'tickets'] as const;
export type SearchGroup = (typeof SEARCH_GROUPS)[number];

export const searchCriteriaSchema = z.strictObject({
  q: z.string().trim().max(100).default(''),
  groups: z
    .array(z.enum(SEARCH_GROUPS))
    .min(1)
    .default([...SEARCH_GROUPS]),
  phone: z.string().trim().max(30).optional(),
  cardNo: z.string().trim().max(32).optional(),
  agentId: idSchema.optional(),
  from: z.iso.date().optional(),
  to: z.iso.date().optional(),
  areaId: idSchema.optional(),
  vipOnly: z.boolean().optional(),
  /** Skips this many hits in each group ("more" asks one group for its next page). */
  offset: z.number().int().min(0).max(1000).optional(),
});
export type SearchCriteria = z.infer<typeof searchCriteriaSchema>;

const hit = z.object({
  id: z.string(),
  title: z.string(),
  detail: z.string(),
  /** Phone book: the number (extension first) the softphone dials. */
  dial: z.string().optional(),
  /** Calls: the recordings that can be played back. */
  recordingIds: z.array(z.string()).optional(),
});
export type SearchHit = z.infer<typeof hit>;
export const searchResultSchema = z.object({
  groups: z.array(
    z.object({
      group: z.enum(SEARCH_GROUPS),
      count: z.number().int(),
      items: z.array(hit),
      /** More hits follow these (ask again with `offset` = items already shown). */
      hasMore: z.boolean().default(false),
    }),
  ),
});
export type SearchResult = z.infer<typeof searchResultSchema>;

export const savedQueryInputSchema = z.strictObject({ name: text(40), criteria: searchCriteriaSchema });
export const savedQuerySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  criteria: searchCriteriaSchema,
  createdAt: z.string(),
});
export type SavedQuery = z.infer<typeof savedQuerySchema>;
