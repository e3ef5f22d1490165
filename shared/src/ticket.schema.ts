import { z } from 'zod';
import { GENDERS } from './directory.schema.ts';
import { idParamSchema, idSchema, isoDateTime, pageQuerySchema, text } from './text.ts';

// Tickets (工单): complaints and suggestions (投诉/建议, CPL-1 … CPL-11) and service requests
// (受理: new install, move, change, suspension …, BIZ-1). One lifecycle for all kinds.

export const TICKET_KINDS = ['complaint', 'suggestion', 'service_request'] as const;
export type TicketKind = (typeof TICKET_KINDS)[number];

/** Complaint / suggestion types (CPL-1) then service request types (BIZ-1). */
export const COMPLAINT_CATEGORIES = [
  'service_item',
  'department',
  'staff',
  'product',
  'medicine',
  'equipment',
  'environment',
  'other',
] as const;
export const SERVICE_CATEGORIES = ['new_install', 'move', 'change', 'suspension', 'other_request'] as const;
export const TICKET_CATEGORIES = [...COMPLAINT_CATEGORIES, ...SERVICE_CATEGORIES] as const;
export type TicketCategory = (typeof TICKET_CATEGORIES)[number];

export function categoriesOfKind(kind: TicketKind): readonly TicketCategory[] {
  return kind === 'service_request' ? SERVICE_CATEGORIES : COMPLAINT_CATEGORIES;
}

/**
 * new 已受理 → dispatched 已派单 (awaiting the department's review) → processing 处理中 →
 * answered 处理完未回复 → replied 处理完已回复 → closed 已关闭; rejected 不成立 goes back to the
 * owner agent, who tells the customer (→ replied).
 */
export const TICKET_STATES = [
  'new',
  'dispatched',
  'processing',
  'answered',
  'rejected',
  'replied',
  'closed',
] as const;
export type TicketState = (typeof TICKET_STATES)[number];
/** States in which the ticket is still someone's work (the closed loop, CPL-10). */
export const OPEN_TICKET_STATES: readonly TicketState[] = [
  'new',
  'dispatched',
  'processing',
  'answered',
  'rejected',
];

export const TICKET_ASPECTS = ['price', 'effect', 'service'] as const;
export type TicketAspect = (typeof TICKET_ASPECTS)[number];
export const SATISFACTIONS = ['satisfied', 'fair', 'dissatisfied'] as const;
export type Satisfaction = (typeof SATISFACTIONS)[number];
export const REPLY_CHANNELS = ['phone', 'sms', 'email'] as const;
export type ReplyChannel = (typeof REPLY_CHANNELS)[number];

export const TICKET_ACTIONS = [
  'create',
  'dispatch',
  'review',
  'assign',
  'finish',
  'reply',
  'close',
  'alert',
  'feedback_sent',
] as const;
export type TicketAction = (typeof TICKET_ACTIONS)[number];

const dateTime = z.iso.datetime({ offset: true });
const optionalText = (max: number) => text(max).nullable().optional();

export const ticketInputSchema = z.strictObject({
  kind: z.enum(TICKET_KINDS),
  category: z.enum(TICKET_CATEGORIES),
  occurredAt: dateTime.optional(),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9][0-9 -]{2,30}$/, 'phone_format'),
  cardNo: optionalText(40),
  customerName: optionalText(40),
  gender: z.enum(GENDERS).default('unknown'),
  /** Project code / department code / staff code, by category. */
  firstCode: optionalText(40),
  aspects: z.array(z.enum(TICKET_ASPECTS)).max(3).default([]),
  reason: text(2000),
  remarks: optionalText(2000),
  customerId: idSchema.nullable().optional(),
  callId: optionalText(64),
});
export type TicketInput = z.input<typeof ticketInputSchema>;

export const dispatchTicketSchema = z.strictObject({ departmentId: idSchema, note: optionalText(500) });
export const reviewTicketSchema = z.strictObject({
  valid: z.boolean(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  firstCode: optionalText(40),
  aspects: z.array(z.enum(TICKET_ASPECTS)).max(3).optional(),
  deadlineAt: dateTime.optional(),
  /** Why it is not valid (required then): the agent tells the customer. */
  note: optionalText(1000),
});
export type ReviewTicketInput = z.input<typeof reviewTicketSchema>;
export const finishTicketSchema = z.strictObject({ answer: text(2000) });
export const replyTicketSchema = z.strictObject({
  channel: z.enum(REPLY_CHANNELS).default('phone'),
  satisfaction: z.enum(SATISFACTIONS),
  note: optionalText(1000),
});
export const closeTicketSchema = z.strictObject({ note: optionalText(500) });

export const ticketSchema = z.object({
  id: z.number().int(),
  number: z.string(),
  kind: z.enum(TICKET_KINDS),
  category: z.enum(TICKET_CATEGORIES),
  state: z.enum(TICKET_STATES),
  occurredAt: z.string(),
  phone: z.string(),
  cardNo: z.string().nullable(),
  customerName: z.string().nullable(),
  gender: z.enum(GENDERS),
  firstCode: z.string().nullable(),
  aspects: z.array(z.enum(TICKET_ASPECTS)),
  reason: z.string(),
  remarks: z.string().nullable(),
  customerId: z.number().int().nullable(),
  callId: z.string().nullable(),
  ownerId: z.number().int(),
  ownerName: z.string().nullable(),
  departmentId: z.number().int().nullable(),
  departmentName: z.string().nullable(),
  responsibleId: z.number().int().nullable(),
  responsibleName: z.string().nullable(),
  deadlineAt: z.string().nullable(),
  overdue: z.boolean(),
  validity: z.enum(['valid', 'invalid']).nullable(),
  invalidReason: z.string().nullable(),
  answer: z.string().nullable(),
  replyChannel: z.enum(REPLY_CHANNELS).nullable(),
  replyNote: z.string().nullable(),
  satisfaction: z.enum(SATISFACTIONS).nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type Ticket = z.infer<typeof ticketSchema>;

export const ticketEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  action: z.enum(TICKET_ACTIONS),
  fromState: z.enum(TICKET_STATES).nullable(),
  toState: z.enum(TICKET_STATES),
  actorId: z.number().int().nullable(),
  actorName: z.string().nullable(),
  note: z.string().nullable(),
});
export type TicketEvent = z.infer<typeof ticketEventSchema>;
export const TICKET_COMMAND_TYPES = ['dispatch', 'review', 'finish', 'reply', 'close'] as const;
export type TicketCommandName = (typeof TICKET_COMMAND_TYPES)[number];
export const ticketDetailSchema = ticketSchema.extend({
  events: z.array(ticketEventSchema),
  /** What the signed-in person may do now. */
  allowedActions: z.array(z.enum(TICKET_COMMAND_TYPES)),
});
export type TicketDetail = z.infer<typeof ticketDetailSchema>;

export const TICKET_SCOPES = ['mine', 'department', 'all'] as const;
export type TicketScope = (typeof TICKET_SCOPES)[number];

const periodFilters = {
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  kind: z.enum(TICKET_KINDS).optional(),
  category: z.enum(TICKET_CATEGORIES).optional(),
  state: z.enum(TICKET_STATES).optional(),
  departmentId: z.coerce.number().int().min(1).optional(),
};
export const ticketListQuerySchema = pageQuerySchema.extend({
  scope: z.enum(TICKET_SCOPES).default('mine'),
  q: z.string().trim().max(100).optional(),
  ...periodFilters,
});
export type TicketListQuery = z.infer<typeof ticketListQuerySchema>;
export const ticketSummaryQuerySchema = z.object(periodFilters);
export type TicketSummaryQuery = z.infer<typeof ticketSummaryQuerySchema>;

const countSchema = z.object({ key: z.string(), label: z.string(), count: z.number().int() });
export const ticketSummarySchema = z.object({
  total: z.number().int(),
  byCategory: z.array(countSchema),
  byDepartment: z.array(countSchema),
  byState: z.array(countSchema),
});
export type TicketSummary = z.infer<typeof ticketSummarySchema>;

export const FEEDBACK_LOG_PERIODS = ['day', 'week', 'month'] as const;
export const feedbackLogQuerySchema = z.object({
  period: z.enum(FEEDBACK_LOG_PERIODS).default('day'),
  /** Any day inside the period (YYYY-MM-DD, UTC). */
  date: z.iso.date(),
});
export type FeedbackLogQuery = z.infer<typeof feedbackLogQuerySchema>;
export const feedbackLogSchema = z.object({
  from: z.string(),
  to: z.string(),
  items: z.array(ticketSchema),
});
export type FeedbackLog = z.infer<typeof feedbackLogSchema>;

export const ticketWorkflowSchema = z.object({
  id: z.number().int(),
  kind: z.enum(TICKET_KINDS),
  category: z.enum(TICKET_CATEGORIES),
  reviewDepartmentId: z.number().int().nullable(),
  defaultDeadlineHours: z.number().int(),
});
export type TicketWorkflow = z.infer<typeof ticketWorkflowSchema>;
export const ticketWorkflowUpdateSchema = z.strictObject({
  reviewDepartmentId: idSchema.nullable(),
  defaultDeadlineHours: z
    .number()
    .int()
    .min(1)
    .max(24 * 90),
});
export const ticketWorkflowsSchema = z.object({ items: z.array(ticketWorkflowSchema) });
export const ticketListSchema = z.object({ items: z.array(ticketSchema) });
export const ticketCustomerParamSchema = z.object({ customerId: idParamSchema.shape.id });
