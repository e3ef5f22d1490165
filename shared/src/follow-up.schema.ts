import { z } from 'zod';
import { ORIGIN_CHANNELS } from './customer.schema.ts';
import { idSchema, text } from './text.ts';

// Follow-up visits and outbound campaigns (回访, FUP-1 … FUP-7). An extraction rule picks
// customers by their service date, builds tasks for a follow-up group and shares them evenly;
// a campaign is a rule whose purpose is a survey, a promotion or an arrears reminder.

/** FUP-1: where the customer heard of us (the form's checkboxes): the customer record's list. */
export const FOLLOW_UP_CHANNELS = ORIGIN_CHANNELS;
export type FollowUpChannel = (typeof FOLLOW_UP_CHANNELS)[number];

export const FOLLOW_UP_PURPOSES = ['follow_up', 'survey', 'promotion', 'arrears_reminder'] as const;
export type FollowUpPurpose = (typeof FOLLOW_UP_PURPOSES)[number];

export const FOLLOW_UP_OUTCOMES = ['done', 'not_reached', 'refused'] as const;
export type FollowUpOutcome = (typeof FOLLOW_UP_OUTCOMES)[number];

/** open: to do (maybe waiting for its retry); the others are closed. */
export const FOLLOW_UP_STATUSES = ['open', 'done', 'refused', 'unreachable'] as const;
export type FollowUpStatus = (typeof FOLLOW_UP_STATUSES)[number];

const hhmm = z.string().regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'time_format');
const isoDate = z.iso.date();

export const followUpCategorySchema = z.object({
  id: z.number().int(),
  name: z.string(),
  builtin: z.boolean(),
});
export type FollowUpCategory = z.infer<typeof followUpCategorySchema>;
export const followUpCategoryListSchema = z.object({ items: z.array(followUpCategorySchema) });
export const followUpCategoryInputSchema = z.strictObject({ name: text(30) });

export const followUpGroupInputSchema = z.strictObject({
  name: text(40),
  /** Staff who work the tasks (shared evenly among them). */
  memberIds: z.array(idSchema).min(1).max(100),
  /** Staff warned of overdue tasks with the member (班长). */
  leadIds: z.array(idSchema).max(20).default([]),
});
export type FollowUpGroupInput = z.infer<typeof followUpGroupInputSchema>;
const staffRef = z.object({ id: z.number().int(), name: z.string(), employeeNo: z.string() });
export const followUpGroupSchema = z.object({
  id: z.number().int(),
  name: z.string(),
  members: z.array(staffRef),
  leads: z.array(staffRef),
});
export type FollowUpGroup = z.infer<typeof followUpGroupSchema>;
export const followUpGroupListSchema = z.object({ items: z.array(followUpGroupSchema) });

const ruleFields = {
  name: text(60),
  purpose: z.enum(FOLLOW_UP_PURPOSES),
  categoryId: idSchema,
  /** Positive: the service date was N days ago (after use); negative: it is N days ahead. */
  daysAfterService: z.number().int().min(-365).max(365),
  /** Only services of this category (e.g. 宽带安装); null: any. */
  serviceCategory: text(40).nullable(),
  areaId: idSchema.nullable(),
  /** Only customers of at least this VIP level; null: any. */
  minVipLevel: z.number().int().min(0).max(5).nullable(),
  groupId: idSchema,
  deadlineDays: z.number().int().min(1).max(60),
  active: z.boolean(),
  /** What the caller says (campaigns). */
  script: z.string().trim().max(2000),
  /** Calling hours in China time (UTC+8), e.g. 09:00–20:00. */
  callFrom: hhmm,
  callTo: hhmm,
  /** Not reached: try again after this many hours, at most maxAttempts calls in all. */
  retryHours: z.number().int().min(1).max(168),
  maxAttempts: z.number().int().min(1).max(10),
};
export const followUpRuleInputSchema = z
  .strictObject({
    ...ruleFields,
    serviceCategory: ruleFields.serviceCategory.default(null),
    areaId: ruleFields.areaId.default(null),
    minVipLevel: ruleFields.minVipLevel.default(null),
    active: ruleFields.active.default(true),
    script: ruleFields.script.default(''),
    callFrom: ruleFields.callFrom.default('09:00'),
    callTo: ruleFields.callTo.default('20:00'),
    retryHours: ruleFields.retryHours.default(4),
    maxAttempts: ruleFields.maxAttempts.default(3),
  })
  .refine((r) => r.callFrom < r.callTo, { path: ['callTo'], message: 'call_hours_order' });
export type FollowUpRuleInput = z.infer<typeof followUpRuleInputSchema>;
export const followUpRuleSchema = z.object({
  id: z.number().int(),
  ...ruleFields,
  serviceCategory: z.string().nullable(),
  script: z.string(),
  lastRunOn: z.string().nullable(),
});
export type FollowUpRule = z.infer<typeof followUpRuleSchema>;
export const followUpRuleListSchema = z.object({ items: z.array(followUpRuleSchema) });

export const followUpTaskSchema = z.object({
  id: z.number().int(),
  ruleId: z.number().int(),
  ruleName: z.string(),
  purpose: z.enum(FOLLOW_UP_PURPOSES),
  script: z.string(),
  categoryId: z.number().int(),
  categoryName: z.string(),
  customerId: z.number().int(),
  customerName: z.string(),
  gender: z.string(),
  cardNo: z.string().nullable(),
  phone: z.string(),
  serviceName: z.string(),
  serviceDate: z.string(),
  assigneeId: z.number().int(),
  assigneeName: z.string(),
  status: z.enum(FOLLOW_UP_STATUSES),
  attempts: z.number().int(),
  maxAttempts: z.number().int(),
  nextAttemptAt: z.string().nullable(),
  deadlineAt: z.string(),
  overdue: z.boolean(),
  /** Whether a call may be placed now, and why not. */
  callable: z.boolean(),
  blockedReason: z.enum(['outside_hours', 'do_not_call', 'retry_later', 'closed']).nullable(),
  callFrom: z.string(),
  callTo: z.string(),
  createdAt: z.string(),
  closedAt: z.string().nullable(),
});
export type FollowUpTask = z.infer<typeof followUpTaskSchema>;
export const followUpTaskListSchema = z.object({ items: z.array(followUpTaskSchema) });

export const followUpTaskQuerySchema = z.object({
  status: z.enum(FOLLOW_UP_STATUSES).optional(),
  assigneeId: z.coerce.number().int().min(1).optional(),
});

/** FUP-1: the per-visit form. */
export const followUpVisitInputSchema = z.strictObject({
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  phone: z.string().trim().max(30).default(''),
  cardNo: z.string().trim().max(40).default(''),
  name: z.string().trim().max(50).default(''),
  gender: z.enum(['male', 'female', 'unknown']).default('unknown'),
  channels: z.array(z.enum(FOLLOW_UP_CHANNELS)).max(FOLLOW_UP_CHANNELS.length).default([]),
  giftWilling: z.boolean().nullable().default(null),
  result: z.string().trim().max(500).default(''),
  notes: z.string().trim().max(2000).default(''),
});
export type FollowUpVisitInput = z.infer<typeof followUpVisitInputSchema>;
export const followUpVisitSchema = z.object({
  id: z.number().int(),
  taskId: z.number().int(),
  staffId: z.number().int(),
  at: z.string(),
  outcome: z.enum(FOLLOW_UP_OUTCOMES),
  phone: z.string(),
  cardNo: z.string(),
  name: z.string(),
  gender: z.string(),
  channels: z.array(z.string()),
  giftWilling: z.boolean().nullable(),
  result: z.string(),
  notes: z.string(),
});
export type FollowUpVisit = z.infer<typeof followUpVisitSchema>;
export const followUpTaskDetailSchema = z.object({
  task: followUpTaskSchema,
  visits: z.array(followUpVisitSchema),
});
export type FollowUpTaskDetail = z.infer<typeof followUpTaskDetailSchema>;

export const dialCheckSchema = z.object({
  allowed: z.boolean(),
  phone: z.string(),
  reason: z.enum(['outside_hours', 'do_not_call', 'retry_later', 'closed']).nullable(),
});
export type DialCheck = z.infer<typeof dialCheckSchema>;

export const doNotCallInputSchema = z.strictObject({
  phone: z
    .string()
    .trim()
    .regex(/^[0-9]{3,20}$/, 'phone_format'),
  reason: z.string().trim().max(200).default(''),
});
export const doNotCallEntrySchema = z.object({
  phone: z.string(),
  reason: z.string(),
  createdAt: z.string(),
});
export const doNotCallListSchema = z.object({ items: z.array(doNotCallEntrySchema) });
export const phoneParamSchema = z.object({ phone: z.string().regex(/^[0-9]{3,20}$/) });

export const FOLLOW_UP_LOG_PERIODS = ['day', 'week', 'month'] as const;
export const followUpLogQuerySchema = z.object({
  period: z.enum(FOLLOW_UP_LOG_PERIODS).default('day'),
  /** Any day inside the period (YYYY-MM-DD, China time). */
  date: isoDate,
});
export type FollowUpLogQuery = z.infer<typeof followUpLogQuerySchema>;
const countRow = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const followUpMemberRowSchema = z.object({
  staffId: z.number().int(),
  name: z.string(),
  assigned: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
  completionRate: z.number(),
});
export const followUpLogSchema = z.object({
  from: z.string(),
  to: z.string(),
  total: z.number().int(),
  completed: z.number().int(),
  overdue: z.number().int(),
  completionRate: z.number(),
  byCategory: z.array(countRow),
  byOutcome: z.array(countRow),
  byMember: z.array(followUpMemberRowSchema),
  visits: z.array(
    followUpVisitSchema.extend({ customerName: z.string(), categoryName: z.string(), staffName: z.string() }),
  ),
});
export type FollowUpLog = z.infer<typeof followUpLogSchema>;

export const runRuleResultSchema = z.object({
  created: z.number().int(),
  skippedDoNotCall: z.number().int(),
});
export type RunRuleResult = z.infer<typeof runRuleResultSchema>;
