import type { Customer, CustomerInput, CustomerListQuery, DuplicateGroup } from '@switchboard/shared';
import { type Selectable, sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { CustomerRow } from './customer.tables.ts';

// Plain data access for customers; the service decides what is allowed and audits.

type Stored = Selectable<CustomerRow> & { area_name: string | null };

const iso = (d: Date | string) => new Date(d).toISOString();
const asJson = <T>(v: unknown, fallback: T): T =>
  v === null || v === undefined ? fallback : typeof v === 'string' ? (JSON.parse(v) as T) : (v as T);

/** A LIKE pattern matching `text` anywhere, with its own % and _ taken literally. */
export function containsPattern(text: string): string {
  return `%${text.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

export function searchTextOf(c: Omit<CustomerInput, 'gender' | 'vipLevel' | 'preferredChannel'>): string {
  const custom = Object.values(c.custom ?? {}).filter((v) => v !== null);
  return [c.name, ...c.phones, c.cardNo, c.address, c.email, ...custom]
    .filter((v) => v !== null && v !== undefined && v !== '')
    .join(' ')
    .toLowerCase();
}

/**
 * Records whose phone or card number is exactly `text` (b-tree lookups). Searches try these
 * first: a number typed in full finds its owner at once, without a substring scan.
 */
export async function exactMatchIds(db: Db, text: string): Promise<number[]> {
  const digits = text.replace(/\D/g, '');
  const looksLikeNumber = digits.length >= 3 && digits === text.replace(/[\s-]/g, '');
  const byPhone = looksLikeNumber
    ? await db.selectFrom('customer_phones').select('customer_id as id').where('phone', '=', digits).execute()
    : [];
  const byCard = await db
    .selectFrom('customers')
    .select('id')
    .where('card_no', '=', text)
    .where('merged_into', 'is', null)
    .execute();
  return [...new Set([...byPhone, ...byCard].map((r) => r.id))];
}

function selectCustomers(db: Db) {
  return db
    .selectFrom('customers as c')
    .leftJoin('areas as a', 'a.id', 'c.area_id')
    .selectAll('c')
    .select('a.name as area_name');
}

async function phonesOf(db: Db, ids: number[]): Promise<Map<number, string[]>> {
  const out = new Map<number, string[]>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('customer_phones')
    .select(['customer_id', 'phone'])
    .where('customer_id', 'in', ids)
    .orderBy('customer_id')
    .orderBy('position')
    .execute();
  for (const r of rows) out.set(r.customer_id, [...(out.get(r.customer_id) ?? []), r.phone]);
  return out;
}

function toCustomer(row: Stored, phones: string[]): Customer {
  return {
    id: row.id,
    name: row.name,
    gender: row.gender,
    phones,
    cardNo: row.card_no,
    address: row.address,
    areaId: row.area_id,
    areaName: row.area_name,
    vipLevel: row.vip_level,
    email: row.email,
    preferredChannel: row.preferred_channel,
    originChannels: asJson<string[]>(row.origin_channels, []),
    giftWilling: row.gift_willing,
    custom: asJson<Record<string, string | number | null>>(row.custom, {}),
    mergedInto: row.merged_into,
    createdAt: iso(row.created_at),
    updatedAt: iso(row.updated_at),
  };
}

async function withPhones(db: Db, rows: Stored[]): Promise<Customer[]> {
  const phones = await phonesOf(
    db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toCustomer(r, phones.get(r.id) ?? []));
}

export const customerRepository = {
  async get(db: Db, id: number): Promise<Customer | undefined> {
    const row = await selectCustomers(db).where('c.id', '=', id).executeTakeFirst();
    return row ? (await withPhones(db, [row]))[0] : undefined;
  },

  async list(db: Db, q: CustomerListQuery): Promise<{ items: Customer[]; total: number }> {
    let query = selectCustomers(db).where('c.merged_into', 'is', null);
    const text = q.q?.trim();
    if (text) {
      const exact = await exactMatchIds(db, text);
      query = exact.length
        ? query.where('c.id', 'in', exact)
        : query.where('c.search_text', 'like', containsPattern(text));
    }
    if (q.areaId) query = query.where('c.area_id', '=', q.areaId);
    if (q.vipOnly) query = query.where('c.vip_level', '>', 0);
    const { n } = await query
      .clearSelect()
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const rows = await query
      .orderBy('c.id', 'desc')
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute();
    return { items: await withPhones(db, rows), total: Number(n) };
  },

  /** Live records holding one of these phones or this card, other than `exceptId`. */
  async duplicatesOf(
    db: Db,
    phones: string[],
    cardNo: string | null,
    exceptId: number | null,
  ): Promise<{ id: number; name: string; reason: string }[]> {
    const rows = await db
      .selectFrom('customers as c')
      .select(['c.id', 'c.name', 'c.card_no'])
      .where('c.merged_into', 'is', null)
      .where('c.id', '!=', exceptId ?? 0)
      .where((eb) =>
        eb.or([
          ...(phones.length
            ? [
                eb(
                  'c.id',
                  'in',
                  eb.selectFrom('customer_phones').select('customer_id').where('phone', 'in', phones),
                ),
              ]
            : []),
          ...(cardNo ? [eb('c.card_no', '=', cardNo)] : []),
          eb.val(false),
        ]),
      )
      .orderBy('c.id')
      .limit(20)
      .execute();
    return rows.map((r) => ({
      id: r.id,
      name: r.name,
      reason: cardNo && r.card_no === cardNo ? 'card' : 'phone',
    }));
  },

  async insert(db: Db, input: CustomerInput, createdBy: number | null, now: Date): Promise<number> {
    const { id } = await db
      .insertInto('customers')
      .values({
        name: input.name,
        gender: input.gender,
        card_no: input.cardNo,
        address: input.address,
        area_id: input.areaId,
        vip_level: input.vipLevel,
        email: input.email,
        preferred_channel: input.preferredChannel,
        origin_channels: JSON.stringify(input.originChannels),
        gift_willing: input.giftWilling,
        custom: JSON.stringify(input.custom),
        search_text: searchTextOf(input),
        created_by: createdBy,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    await this.replacePhones(db, id, input.phones);
    return id;
  },

  async update(db: Db, id: number, merged: CustomerInput, now: Date): Promise<void> {
    await db
      .updateTable('customers')
      .set({
        name: merged.name,
        gender: merged.gender,
        card_no: merged.cardNo,
        address: merged.address,
        area_id: merged.areaId,
        vip_level: merged.vipLevel,
        email: merged.email,
        preferred_channel: merged.preferredChannel,
        origin_channels: JSON.stringify(merged.originChannels),
        gift_willing: merged.giftWilling,
        custom: JSON.stringify(merged.custom),
        search_text: searchTextOf(merged),
        updated_at: now,
      })
      .where('id', '=', id)
      .execute();
    await this.replacePhones(db, id, merged.phones);
  },

  async replacePhones(db: Db, id: number, phones: string[]): Promise<void> {
    await db.deleteFrom('customer_phones').where('customer_id', '=', id).execute();
    const unique = [...new Set(phones)];
    if (unique.length === 0) return;
    await db
      .insertInto('customer_phones')
      .values(unique.map((phone, position) => ({ customer_id: id, phone, position })))
      .execute();
  },

  async duplicateGroups(db: Db): Promise<DuplicateGroup[]> {
    const byPhone = await db
      .selectFrom('customer_phones as p')
      .innerJoin('customers as c', 'c.id', 'p.customer_id')
      .where('c.merged_into', 'is', null)
      .select(['p.phone as value', sql<number[]>`array_agg(c.id ORDER BY c.id)`.as('ids')])
      .groupBy('p.phone')
      .having((eb) => eb.fn.count('c.id'), '>', 1)
      .orderBy('p.phone')
      .limit(100)
      .execute();
    const byCard = await db
      .selectFrom('customers as c')
      .where('c.merged_into', 'is', null)
      .where('c.card_no', 'is not', null)
      .select(['c.card_no as value', sql<number[]>`array_agg(c.id ORDER BY c.id)`.as('ids')])
      .groupBy('c.card_no')
      .having((eb) => eb.fn.count('c.id'), '>', 1)
      .orderBy('c.card_no')
      .limit(100)
      .execute();
    const ids = [...byPhone, ...byCard].flatMap((g) => g.ids.map(Number));
    const people = ids.length
      ? await db.selectFrom('customers').select(['id', 'name', 'created_at']).where('id', 'in', ids).execute()
      : [];
    const info = new Map(people.map((p) => [p.id, { id: p.id, name: p.name, createdAt: iso(p.created_at) }]));
    const group = (reason: 'phone' | 'card') => (g: { value: string | null; ids: number[] }) => ({
      reason,
      value: g.value ?? '',
      customers: g.ids.map(Number).flatMap((id) => info.get(id) ?? []),
    });
    return [...byPhone.map(group('phone')), ...byCard.map(group('card'))];
  },

  async areaExists(db: Db, areaId: number): Promise<boolean> {
    return (
      (await db.selectFrom('areas').select('id').where('id', '=', areaId).executeTakeFirst()) !== undefined
    );
  },
};
