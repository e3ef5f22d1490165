import type { CampaignAudience, CampaignKind } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { filterBySubscriptions } from './sms-subscription.ts';

// Who a bulk SMS goes to (群发): a typed list of numbers, or the customers (not merged away) of
// the chosen VIP levels, areas and channels of origin — every phone of each, once per number.
export type Recipient = { phone: string; customerId: number | null };

export const normalizePhone = (phone: string) => phone.replace(/[\s-]/g, '');

/** More than this many recipients is refused at approval; split the campaign. */
export const MAX_RECIPIENTS = 20_000;

/** The recipients of a campaign of this kind: opted-out numbers never, activity/news only to subscribers. */
export async function resolveRecipients(
  db: Db,
  audience: CampaignAudience,
  kind: CampaignKind,
): Promise<Recipient[]> {
  return filterBySubscriptions(db, await audienceNumbers(db, audience), kind);
}

async function audienceNumbers(db: Db, audience: CampaignAudience): Promise<Recipient[]> {
  if (audience.kind === 'numbers') {
    return [...new Set(audience.numbers.map(normalizePhone))].map((phone) => ({ phone, customerId: null }));
  }
  const { vipLevels, areaIds, originChannels } = audience;
  const rows = await db
    .selectFrom('customers as c')
    .innerJoin('customer_phones as p', 'p.customer_id', 'c.id')
    .select(['p.phone', 'c.id as customerId'])
    .distinctOn('p.phone')
    .where('c.merged_into', 'is', null)
    .$if(Boolean(vipLevels?.length), (q) => q.where('c.vip_level', 'in', vipLevels ?? []))
    .$if(Boolean(areaIds?.length), (q) => q.where('c.area_id', 'in', areaIds ?? []))
    .$if(Boolean(originChannels?.length), (q) =>
      q.where(sql<boolean>`c.origin_channels ?| ${sql.val(originChannels ?? [])}::text[]`),
    )
    .orderBy('p.phone')
    .orderBy('c.id', 'desc')
    .limit(MAX_RECIPIENTS)
    .execute();
  return rows.map((r) => ({ phone: r.phone, customerId: r.customerId }));
}
