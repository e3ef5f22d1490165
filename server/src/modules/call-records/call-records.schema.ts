import { isoDateTime, pageQuerySchema } from '@switchboard/shared';
import { z } from 'zod';

// API shapes of call records (CTI-20) and agent state history (CTI-14).

export const CDR_DISPOSITIONS = [
  'answered',
  'abandoned',
  'unanswered',
  'transferred_out',
  'failed',
  'ivr',
  'voicemail',
  'callback',
] as const;

const staffId = z.coerce.number().int().min(1).max(2_147_483_647);

export const cdrListQuerySchema = pageQuerySchema.extend({
  /** Calls that started at or after `from` and before `to`. */
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
  /** Calls the agent answered first or last, or had any leg in. */
  agentId: staffId.optional(),
  callerNumber: z.string().trim().max(32).optional(),
  queueId: z.string().trim().max(64).optional(),
  disposition: z.enum(CDR_DISPOSITIONS).optional(),
});
export type CdrListQuery = z.infer<typeof cdrListQuerySchema>;

export const callIdParamSchema = z.object({
  callId: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9:._-]{1,100}$/, 'call_id_format'),
});

export const agentIdParamSchema = z.object({ id: staffId });

export const stateHistoryQuerySchema = pageQuerySchema.extend({
  /** Periods overlapping [from, to). */
  from: isoDateTime.optional(),
  to: isoDateTime.optional(),
});
export type StateHistoryQuery = z.infer<typeof stateHistoryQuerySchema>;

const ms = z.number().int();

export const cdrSchema = z.object({
  callId: z.string(),
  direction: z.enum(['inbound', 'outbound', 'internal']),
  callerNumber: z.string(),
  calledNumber: z.string(),
  accessCode: z.string().nullable(),
  queueId: z.string().nullable(),
  firstAgentId: z.number().int().nullable(),
  lastAgentId: z.number().int().nullable(),
  startedAt: z.date(),
  queuedAt: z.date().nullable(),
  offeredAt: z.date().nullable(),
  answeredAt: z.date().nullable(),
  endedAt: z.date(),
  endCause: z.string(),
  disposition: z.enum(CDR_DISPOSITIONS),
  waitMs: ms,
  talkMs: ms,
  holdMs: ms,
  transfers: z.number().int(),
  /** Recordings by id (played back through the recording module; server paths stay server-side). */
  recordings: z.array(z.object({ recordingId: z.string(), durationMs: ms })),
  vip: z.boolean(),
  createdAt: z.date(),
});
export type CdrView = z.infer<typeof cdrSchema>;

export const cdrLegSchema = z.object({
  role: z.string(),
  staffId: z.number().int().nullable(),
  number: z.string().nullable(),
  offeredAt: z.date().nullable(),
  joinedAt: z.date().nullable(),
  leftAt: z.date().nullable(),
  talkMs: ms,
});

export const callEventSchema = z.object({
  id: z.string(),
  seq: z.number().int().nullable(),
  at: z.date(),
  type: z.string(),
  /** The event as the CTI engine published it (`call_offered` carries the routing explanation). */
  data: z.record(z.string(), z.unknown()),
});

export const cdrDetailSchema = z.object({
  cdr: cdrSchema,
  legs: z.array(cdrLegSchema),
  events: z.array(callEventSchema),
});

export const stateHistoryRowSchema = z.object({
  id: z.string(),
  agentId: z.number().int(),
  state: z.string(),
  reason: z.string().nullable(),
  callId: z.string().nullable(),
  startedAt: z.date(),
  endedAt: z.date(),
  durationMs: ms,
  endCause: z.enum(['state_change', 'system_restart']),
});
