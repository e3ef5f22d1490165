import { z } from 'zod';
import { idSchema, pageQuerySchema, text } from './text.ts';

// Announcements (公告通知, MSG-1): written in the back office, addressed to everyone or to
// chosen staff, skill groups or areas; each person sees only what is addressed to them.

export const ANNOUNCEMENT_AUDIENCES = ['all', 'staff', 'skill_groups', 'areas'] as const;
export type AnnouncementAudience = (typeof ANNOUNCEMENT_AUDIENCES)[number];

export const ANNOUNCEMENT_LIMITS = { title: 100, body: 5000, targets: 500 } as const;

/** An ISO 8601 date-time with offset, as the browser's `toISOString()` writes it. */
const dateTime = z.iso.datetime({ offset: true });

const fields = {
  title: text(ANNOUNCEMENT_LIMITS.title),
  body: text(ANNOUNCEMENT_LIMITS.body),
  urgent: z.boolean(),
  validFrom: dateTime,
  /** null: valid until deleted. */
  validTo: dateTime.nullable(),
  audience: z.enum(ANNOUNCEMENT_AUDIENCES),
  /** Staff ids, skill group ids or area ids, by `audience`; empty for 'all'. */
  targetIds: z.array(idSchema).max(ANNOUNCEMENT_LIMITS.targets),
};

export const announcementInputSchema = z.strictObject({
  title: fields.title,
  body: fields.body,
  urgent: fields.urgent.default(false),
  validFrom: fields.validFrom,
  validTo: fields.validTo.optional(),
  audience: fields.audience,
  targetIds: fields.targetIds.default([]),
});
export type AnnouncementInput = z.infer<typeof announcementInputSchema>;

export const announcementUpdateSchema = z.strictObject({
  title: fields.title.optional(),
  body: fields.body.optional(),
  urgent: fields.urgent.optional(),
  validFrom: fields.validFrom.optional(),
  validTo: fields.validTo.optional(),
  audience: fields.audience.optional(),
  targetIds: fields.targetIds.optional(),
});
export type AnnouncementUpdate = z.infer<typeof announcementUpdateSchema>;

export const ANNOUNCEMENT_STATUSES = ['scheduled', 'active', 'expired'] as const;
export type AnnouncementStatus = (typeof ANNOUNCEMENT_STATUSES)[number];

/** The back office's view: everything, including whom it is addressed to. */
export const announcementSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  urgent: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  status: z.enum(ANNOUNCEMENT_STATUSES),
  audience: z.enum(ANNOUNCEMENT_AUDIENCES),
  targets: z.array(z.object({ id: z.number().int(), label: z.string() })),
  createdById: z.number().int().nullable(),
  createdByName: z.string().nullable(),
  createdAt: z.string(),
  updatedAt: z.string(),
  readCount: z.number().int(),
});
export type Announcement = z.infer<typeof announcementSchema>;

export const announcementListQuerySchema = pageQuerySchema.extend({
  q: z.string().trim().max(100).optional(),
  status: z.enum(ANNOUNCEMENT_STATUSES).optional(),
  urgent: z.enum(['true', 'false']).optional(),
});
export type AnnouncementListQuery = z.infer<typeof announcementListQuerySchema>;

/** What a person sees in the announcement area (公告通知区). */
export const myAnnouncementSchema = z.object({
  id: z.number().int(),
  title: z.string(),
  body: z.string(),
  urgent: z.boolean(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  read: z.boolean(),
});
export type MyAnnouncement = z.infer<typeof myAnnouncementSchema>;

export const myAnnouncementsSchema = z.object({ items: z.array(myAnnouncementSchema) });
export type MyAnnouncements = z.infer<typeof myAnnouncementsSchema>;
