import { z } from 'zod';
import { ORIGIN_CHANNELS } from './customer.schema.ts';
import { idSchema, pageQuerySchema, phoneText, text } from './text.ts';

// SMS / e-mail outbox (MSG-2 … MSG-4) and agent-to-agent messages with help requests (CTI-18).

export const MESSAGING_LIMITS = {
  smsBody: 500,
  emailBody: 20_000,
  subject: 200,
  agentMessage: 1000,
} as const;

const dateTime = z.string();

export const OUTBOX_CHANNELS = ['sms', 'email'] as const;
export type OutboxChannel = (typeof OUTBOX_CHANNELS)[number];
export const OUTBOX_STATES = ['queued', 'sending', 'sent', 'failed'] as const;
export type OutboxState = (typeof OUTBOX_STATES)[number];

export const outboxMessageSchema = z.object({
  id: z.number().int(),
  channel: z.enum(OUTBOX_CHANNELS),
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  idempotencyKey: z.string(),
  customerId: z.number().int().nullable(),
  source: z.string(),
  state: z.enum(OUTBOX_STATES),
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  providerMessageId: z.string().nullable(),
  createdAt: dateTime,
  sentAt: dateTime.nullable(),
});
export type OutboxMessage = z.infer<typeof outboxMessageSchema>;

export const outboxListQuerySchema = pageQuerySchema.extend({
  state: z.enum(OUTBOX_STATES).optional(),
  channel: z.enum(OUTBOX_CHANNELS).optional(),
  q: z.string().trim().max(100).optional(),
});

const emailText = z.string().trim().email().max(254);

/** One SMS or e-mail typed by a staff member (单条短信 / 邮件). */
export const outboxSendSchema = z.discriminatedUnion('channel', [
  z.strictObject({
    channel: z.literal('sms'),
    to: phoneText,
    body: text(MESSAGING_LIMITS.smsBody),
    customerId: idSchema.nullish(),
    requestId: z.uuid().optional(),
  }),
  z.strictObject({
    channel: z.literal('email'),
    to: emailText,
    subject: text(MESSAGING_LIMITS.subject),
    body: text(MESSAGING_LIMITS.emailBody),
    customerId: idSchema.nullish(),
    requestId: z.uuid().optional(),
  }),
]);
export type OutboxSend = z.infer<typeof outboxSendSchema>;

export const sinkMessageSchema = z.object({
  id: z.number().int(),
  channel: z.enum(OUTBOX_CHANNELS),
  to: z.string(),
  subject: z.string().nullable(),
  body: z.string(),
  idempotencyKey: z.string(),
  deliveredAt: dateTime,
});
export type SinkMessage = z.infer<typeof sinkMessageSchema>;

export const smsInboundSchema = z.object({
  id: z.number().int(),
  fromNumber: z.string(),
  toNumber: z.string().nullable(),
  body: z.string(),
  customerId: z.number().int().nullable(),
  receivedAt: dateTime,
});
export type SmsInbound = z.infer<typeof smsInboundSchema>;

export const smsInboundInputSchema = z.strictObject({
  from: phoneText,
  to: phoneText.optional(),
  body: text(MESSAGING_LIMITS.smsBody),
  /** The gateway's id of the message: the same id twice is stored once. */
  providerMessageId: z.string().trim().min(1).max(100).optional(),
});

export const CAMPAIGN_KINDS = ['activity', 'news', 'general'] as const;
export type CampaignKind = (typeof CAMPAIGN_KINDS)[number];
export const CAMPAIGN_STATES = ['pending', 'approved', 'rejected'] as const;

export const campaignAudienceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('numbers'), numbers: z.array(phoneText).min(1).max(5000) }),
  z.strictObject({
    kind: z.literal('filter'),
    /** VIP levels 0–5 (customers.vip_level). */
    vipLevels: z.array(z.number().int().min(0).max(5)).max(6).optional(),
    areaIds: z.array(idSchema).max(100).optional(),
    /** Channels the customer came through (any of them matches). */
    originChannels: z.array(z.enum(ORIGIN_CHANNELS)).max(ORIGIN_CHANNELS.length).optional(),
  }),
]);
export type CampaignAudience = z.infer<typeof campaignAudienceSchema>;

export const campaignInputSchema = z.strictObject({
  kind: z.enum(CAMPAIGN_KINDS),
  title: text(100),
  body: text(MESSAGING_LIMITS.smsBody),
  audience: campaignAudienceSchema,
});
export type CampaignInput = z.infer<typeof campaignInputSchema>;

export const campaignDecisionSchema = z.strictObject({ reason: text(500).optional() });

export const campaignSchema = z.object({
  id: z.number().int(),
  kind: z.enum(CAMPAIGN_KINDS),
  title: z.string(),
  body: z.string(),
  audience: campaignAudienceSchema,
  state: z.enum(CAMPAIGN_STATES),
  draftedBy: z.object({ id: z.number().int(), name: z.string() }),
  decidedBy: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  decidedAt: dateTime.nullable(),
  rejectReason: z.string().nullable(),
  createdAt: dateTime,
  counts: z.object({ queued: z.number().int(), sent: z.number().int(), failed: z.number().int() }),
});
export type Campaign = z.infer<typeof campaignSchema>;

// --- agent-to-agent messages and help requests (CTI-18) ---

export const agentMessageInputSchema = z.strictObject({
  toStaffIds: z.array(idSchema).min(1).max(50),
  body: text(MESSAGING_LIMITS.agentMessage),
});

const staffRef = z.object({ id: z.number().int(), employeeNo: z.string(), name: z.string() });
export type MessageStaffRef = z.infer<typeof staffRef>;

export const agentMessageSchema = z.object({
  id: z.number().int(),
  from: staffRef,
  to: staffRef,
  body: z.string(),
  sentAt: dateTime,
  readAt: dateTime.nullable(),
});
export type AgentMessage = z.infer<typeof agentMessageSchema>;

export const agentMessageListQuerySchema = pageQuerySchema.extend({
  box: z.enum(['inbox', 'sent']).default('inbox'),
  unreadOnly: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});

export const colleaguesSchema = z.object({ items: z.array(staffRef) });

export const helpRequestInputSchema = z.strictObject({
  body: text(MESSAGING_LIMITS.agentMessage),
  callId: z.string().trim().min(1).max(64).optional(),
});

export const HELP_REQUEST_STATES = ['open', 'taken'] as const;

export const helpRequestSchema = z.object({
  id: z.number().int(),
  from: staffRef,
  body: z.string(),
  callId: z.string().nullable(),
  state: z.enum(HELP_REQUEST_STATES),
  takenBy: staffRef.nullable(),
  takenAt: dateTime.nullable(),
  createdAt: dateTime,
});
export type HelpRequest = z.infer<typeof helpRequestSchema>;
