import { z } from 'zod';
import { normalizePhone } from './customer.schema.ts';
import { idSchema, pageQuerySchema, text } from './text.ts';

// Work items (MSG-5): indirect contacts (e-mail, web form 网上留言, fax, voicemail, failed
// callbacks) queued for agents: new → taken → resolved / converted (to a ticket) / spam.
// SMS subscriptions (MSG-2 手机短信定制) live here too: a customer's choice per category.

export const WORK_ITEM_CHANNELS = ['voicemail', 'email', 'web_form', 'fax', 'callback'] as const;
export type WorkItemChannelName = (typeof WORK_ITEM_CHANNELS)[number];
export const WORK_ITEM_STATES = ['new', 'taken', 'resolved', 'converted', 'spam'] as const;
export type WorkItemState = (typeof WORK_ITEM_STATES)[number];

export const CONTACT_FORM_LIMITS = { name: 50, subject: 100, message: 2000, email: 120 } as const;

const phone = z
  .string()
  .trim()
  .transform(normalizePhone)
  .refine((s) => /^[0-9]{5,20}$/.test(s), 'phone_format');
const email = z.string().trim().max(CONTACT_FORM_LIMITS.email).pipe(z.email());

/** The public web form (网上留言). `website` is a honeypot: people leave it empty, bots fill it. */
export const contactFormSchema = z
  .strictObject({
    name: text(CONTACT_FORM_LIMITS.name),
    phone: phone.optional(),
    email: email.optional(),
    subject: text(CONTACT_FORM_LIMITS.subject),
    message: text(CONTACT_FORM_LIMITS.message),
    website: z.string().max(200).optional(),
  })
  .refine((f) => f.phone !== undefined || f.email !== undefined, {
    message: 'phone_or_email_required',
    path: ['phone'],
  });
export type ContactForm = z.infer<typeof contactFormSchema>;

export const contactFormReceiptSchema = z.object({ received: z.literal(true) });

const staffRef = z.object({ id: z.number().int(), name: z.string() });

export const workItemSchema = z.object({
  id: z.number().int(),
  channel: z.enum(WORK_ITEM_CHANNELS),
  from: z.string(),
  fromName: z.string().nullable(),
  contactPhone: z.string().nullable(),
  contactEmail: z.string().nullable(),
  subject: z.string(),
  body: z.string(),
  attachments: z.array(z.object({ filename: z.string(), contentType: z.string(), size: z.number() })),
  customer: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  skillGroup: z.object({ id: z.number().int(), name: z.string() }).nullable(),
  state: z.enum(WORK_ITEM_STATES),
  takenBy: staffRef.nullable(),
  takenAt: z.string().nullable(),
  closedAt: z.string().nullable(),
  ticketId: z.number().int().nullable(),
  createdAt: z.string(),
});
export type WorkItem = z.infer<typeof workItemSchema>;

export const workItemListQuerySchema = pageQuerySchema.extend({
  state: z.enum(WORK_ITEM_STATES).optional(),
  channel: z.enum(WORK_ITEM_CHANNELS).optional(),
});
export type WorkItemListQuery = z.infer<typeof workItemListQuerySchema>;

export const workItemListSchema = z.object({
  items: z.array(workItemSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
  /** How many items are in each state (for the tabs), within the channel filter. */
  counts: z.record(z.enum(WORK_ITEM_STATES), z.number().int()),
});
export type WorkItemList = z.infer<typeof workItemListSchema>;

export const workItemEventSchema = z.object({
  id: z.number().int(),
  at: z.string(),
  actor: staffRef.nullable(),
  action: z.string(),
  fromState: z.enum(WORK_ITEM_STATES).nullable(),
  toState: z.enum(WORK_ITEM_STATES),
  note: z.string().nullable(),
});
export const workItemDetailSchema = workItemSchema.extend({ events: z.array(workItemEventSchema) });
export type WorkItemDetail = z.infer<typeof workItemDetailSchema>;

export const workItemReplySchema = z.strictObject({
  channel: z.enum(['sms', 'email']),
  /** Defaults to the item's phone (SMS) or e-mail address. */
  to: z.string().trim().max(CONTACT_FORM_LIMITS.email).optional(),
  body: text(1000),
  /** The browser's id for this reply: the same id twice is one message. */
  requestId: z.string().trim().min(8).max(64),
});
export type WorkItemReply = z.infer<typeof workItemReplySchema>;

export const workItemCloseSchema = z.strictObject({
  state: z.enum(['resolved', 'spam']),
  note: text(500).optional(),
});
export type WorkItemClose = z.infer<typeof workItemCloseSchema>;

export const workItemConvertSchema = z.strictObject({ ticketId: idSchema });

// SMS subscriptions (手机短信定制). 'all' subscribed=false is the opt-out of every bulk SMS.
export const SMS_SUBSCRIPTION_CATEGORIES = ['activity', 'news', 'billing'] as const;
export type SmsSubscriptionCategory = (typeof SMS_SUBSCRIPTION_CATEGORIES)[number];

export const smsPhoneParamSchema = z.object({ phone });

export const smsSubscriptionsSchema = z.object({
  phone: z.string(),
  optedOut: z.boolean(),
  categories: z.record(z.enum(SMS_SUBSCRIPTION_CATEGORIES), z.boolean()),
  updatedAt: z.string().nullable(),
});
export type SmsSubscriptions = z.infer<typeof smsSubscriptionsSchema>;

export const smsSubscriptionsInputSchema = z.strictObject({
  optedOut: z.boolean().optional(),
  categories: z.partialRecord(z.enum(SMS_SUBSCRIPTION_CATEGORIES), z.boolean()).optional(),
});
export type SmsSubscriptionsInput = z.infer<typeof smsSubscriptionsInputSchema>;
