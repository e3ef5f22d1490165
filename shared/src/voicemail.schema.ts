import { z } from 'zod';
import { idSchema, isoDateTime, pageQuerySchema, text } from './text.ts';

// The voicemail box (VM-1: new → assigned → handled, with calls back) and the automatic callback
// requests (ACD-6 自动回呼: pending → connected / gave_up / cancelled, one row per attempt).

export const VOICEMAIL_STATES = ['new', 'assigned', 'handled'] as const;
export type VoicemailState = (typeof VOICEMAIL_STATES)[number];
export const VOICEMAIL_REASONS = ['all_busy', 'after_hours', 'ivr', 'max_wait'] as const;
export const CALLBACK_STATES = ['pending', 'connected', 'gave_up', 'cancelled'] as const;
export type CallbackState = (typeof CALLBACK_STATES)[number];
export const CALLBACK_RESULTS = ['connected', 'no_answer', 'busy', 'failed', 'cancelled'] as const;

export const VOICEMAIL_RESULT_MAX = 500;

const staffRef = z.object({ id: z.number().int(), name: z.string() });
const namedRef = z.object({ id: z.number().int(), name: z.string() });

export const voicemailListQuerySchema = pageQuerySchema.extend({
  state: z.enum(VOICEMAIL_STATES).optional(),
  /** Only the ones assigned to me. */
  mine: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  reason: z.enum(VOICEMAIL_REASONS).optional(),
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type VoicemailListQuery = z.infer<typeof voicemailListQuerySchema>;

export const voicemailSchema = z.object({
  id: z.number().int(),
  callId: z.string(),
  callerNumber: z.string(),
  customer: namedRef.nullable(),
  queueId: z.string().nullable(),
  skillGroup: namedRef.nullable(),
  reason: z.enum(VOICEMAIL_REASONS),
  durationMs: z.number().int(),
  recordedAt: z.string(),
  state: z.enum(VOICEMAIL_STATES),
  assignedTo: staffRef.nullable(),
  assignedAt: z.string().nullable(),
  handledBy: staffRef.nullable(),
  handledAt: z.string().nullable(),
  result: z.string().nullable(),
  /** The newest call back: its CDR disposition once it ended (answered, unanswered …). */
  lastCallBack: z.object({ callId: z.string(), at: z.string(), result: z.string().nullable() }).nullable(),
});
export type Voicemail = z.infer<typeof voicemailSchema>;

export const voicemailListSchema = z.object({
  items: z.array(voicemailSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** How many are in each state, within the other filters. */
  counts: z.record(z.enum(VOICEMAIL_STATES), z.number().int()),
});
export type VoicemailList = z.infer<typeof voicemailListSchema>;

export const voicemailCallBackSchema = z.object({
  callId: z.string(),
  dialledBy: staffRef,
  dialledAt: z.string(),
  endedAt: z.string().nullable(),
  /** The call's CDR disposition (answered, unanswered, failed …), or how it ended; null while on. */
  result: z.string().nullable(),
});
export type VoicemailCallBack = z.infer<typeof voicemailCallBackSchema>;

export const voicemailDetailSchema = voicemailSchema.extend({
  events: z.array(
    z.object({
      id: z.number().int(),
      at: z.string(),
      actor: staffRef.nullable(),
      action: z.string(),
      note: z.string().nullable(),
    }),
  ),
  callBacks: z.array(voicemailCallBackSchema),
});
export type VoicemailDetail = z.infer<typeof voicemailDetailSchema>;

/** A lead names the agent; an agent taking an unassigned message for themself sends nothing. */
export const voicemailAssignSchema = z.strictObject({ agentId: idSchema.optional() });
export type VoicemailAssign = z.infer<typeof voicemailAssignSchema>;

export const voicemailHandleSchema = z.strictObject({ result: text(VOICEMAIL_RESULT_MAX) });
export type VoicemailHandle = z.infer<typeof voicemailHandleSchema>;

export const voicemailAssigneesSchema = z.object({
  items: z.array(z.object({ id: z.number().int(), employeeNo: z.string(), name: z.string() })),
});
export type VoicemailAssignees = z.infer<typeof voicemailAssigneesSchema>;

export const callbackListQuerySchema = pageQuerySchema.extend({ state: z.enum(CALLBACK_STATES).optional() });
export type CallbackListQuery = z.infer<typeof callbackListQuerySchema>;

export const callbackIdParamSchema = z.object({ callbackId: z.string().trim().min(1).max(64) });

export const callbackAttemptSchema = z.object({
  attempt: z.number().int(),
  callId: z.string(),
  agent: staffRef.nullable(),
  result: z.enum(CALLBACK_RESULTS).nullable(),
  queuedAt: z.string().nullable(),
  endedAt: z.string().nullable(),
});

export const callbackRequestSchema = z.object({
  callbackId: z.string(),
  number: z.string(),
  customer: namedRef.nullable(),
  queueId: z.string(),
  skillGroup: namedRef.nullable(),
  requestedAt: z.string(),
  waitingSince: z.string(),
  priority: z.number().int(),
  state: z.enum(CALLBACK_STATES),
  attempts: z.number().int(),
  lastResult: z.enum(CALLBACK_RESULTS).nullable(),
  lastAttemptAt: z.string().nullable(),
  nextAttemptAt: z.string().nullable(),
  connectedCallId: z.string().nullable(),
  agent: staffRef.nullable(),
  workItemId: z.number().int().nullable(),
  attemptList: z.array(callbackAttemptSchema),
});
export type CallbackRequest = z.infer<typeof callbackRequestSchema>;

export const callbackListSchema = z.object({
  items: z.array(callbackRequestSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  counts: z.record(z.enum(CALLBACK_STATES), z.number().int()),
});
export type CallbackList = z.infer<typeof callbackListSchema>;
