import {
  type CampaignKind,
  normalizePhone,
  SMS_SUBSCRIPTION_CATEGORIES,
  type SmsSubscriptionCategory,
  type SmsSubscriptions,
  type SmsSubscriptionsInput,
} from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { enqueueOutbound } from './index.ts';

// SMS subscriptions (手机短信定制, MSG-2): a customer's yes/no per category, kept per number. The
// row of category 'all' with subscribed = false is the opt-out (退订): no bulk SMS of any kind.
// Activity and news campaigns reach only numbers subscribed to that category.
type Source = 'agent' | 'sms_reply' | 'web' | 'import';
type Change = { source: Source; staffId: number | null; now: Date };

/** Replies that opt a number out of every bulk SMS. */
const OPT_OUT_WORDS = new Set(['TD', '退订', '取消订阅']);

export const isOptOutReply = (body: string) => OPT_OUT_WORDS.has(body.trim().toUpperCase());

/** The category a campaign kind needs a subscription to, or null when any number not opted out may get it. */
export const categoryOfCampaign = (kind: CampaignKind): SmsSubscriptionCategory | null =>
  kind === 'activity' || kind === 'news' ? kind : null;

export async function getSmsSubscriptions(db: Db, rawPhone: string): Promise<SmsSubscriptions> {
  const phone = normalizePhone(rawPhone);
  const rows = await db.selectFrom('sms_subscriptions').selectAll().where('phone', '=', phone).execute();
  const categories = Object.fromEntries(SMS_SUBSCRIPTION_CATEGORIES.map((c) => [c, false])) as Record<
    SmsSubscriptionCategory,
    boolean
  >;
  let optedOut = false;
  let updatedAt: Date | null = null;
  for (const r of rows) {
    if (r.category === 'all') optedOut = !r.subscribed;
    else categories[r.category] = r.subscribed;
    const at = new Date(r.at);
    if (!updatedAt || at > updatedAt) updatedAt = at;
  }
  return { phone, optedOut, categories, updatedAt: updatedAt?.toISOString() ?? null };
}

async function upsert(
  db: Db,
  phone: string,
  category: SmsSubscriptionCategory | 'all',
  subscribed: boolean,
  c: Change,
) {
  await db
    .insertInto('sms_subscriptions')
    .values({ phone, category, subscribed, source: c.source, changed_by: c.staffId, at: c.now })
    .onConflict((oc) =>
      oc
        .columns(['phone', 'category'])
        .doUpdateSet({ subscribed, source: c.source, changed_by: c.staffId, at: c.now }),
    )
    .execute();
}

/** Sets the given categories (and the opt-out); subscribing to a category lifts an opt-out. */
export async function setSmsSubscriptions(db: Db, rawPhone: string, input: SmsSubscriptionsInput, c: Change) {
  const phone = normalizePhone(rawPhone);
  const entries = Object.entries(input.categories ?? {}) as [SmsSubscriptionCategory, boolean][];
  for (const [category, subscribed] of entries) await upsert(db, phone, category, subscribed, c);
  const optedOut = input.optedOut ?? (entries.some(([, on]) => on) ? false : undefined);
  if (optedOut !== undefined) await upsert(db, phone, 'all', !optedOut, c);
}

/**
 * Opts the number out of everything after a "TD"/"退订" reply, and confirms by SMS through the
 * outbox (once per inbound message). Runs in the caller's transaction.
 */
export async function optOutByReply(
  db: Db,
  rawPhone: string,
  inboundId: number,
  customerId: number | null,
  now: Date,
) {
  const phone = normalizePhone(rawPhone);
  await upsert(db, phone, 'all', false, { source: 'sms_reply', staffId: null, now });
  for (const category of SMS_SUBSCRIPTION_CATEGORIES) {
    await upsert(db, phone, category, false, { source: 'sms_reply', staffId: null, now });
  }
  await enqueueOutbound(
    db,
    {
      channel: 'sms',
      to: rawPhone,
      body: '您已成功退订本中心的活动、新闻等群发短信。如需重新订阅，请致电客服热线。',
      idempotencyKey: `sms_opt_out:${inboundId}`,
      customerId,
      source: `sms_inbound:${inboundId}`,
    },
    now,
  );
}

/** Keeps only the recipients a campaign of this kind may reach (opt-outs out, subscriptions honoured). */
export async function filterBySubscriptions<T extends { phone: string }>(
  db: Db,
  recipients: T[],
  kind: CampaignKind,
): Promise<T[]> {
  if (recipients.length === 0) return recipients;
  const category = categoryOfCampaign(kind);
  const phones = [...new Set(recipients.map((r) => normalizePhone(r.phone)))];
  const rows: { phone: string; category: string; subscribed: boolean }[] = [];
  for (let i = 0; i < phones.length; i += 1000) {
    rows.push(
      ...(await db
        .selectFrom('sms_subscriptions')
        .select(['phone', 'category', 'subscribed'])
        .where('phone', 'in', phones.slice(i, i + 1000))
        .where('category', 'in', category ? ['all', category] : ['all'])
        .execute()),
    );
  }
  const optedOut = new Set(rows.filter((r) => r.category === 'all' && !r.subscribed).map((r) => r.phone));
  const subscribed = new Set(rows.filter((r) => r.category === category && r.subscribed).map((r) => r.phone));
  return recipients.filter((r) => {
    const phone = normalizePhone(r.phone);
    return !optedOut.has(phone) && (category === null || subscribed.has(phone));
  });
}
