import { CUSTOMER_FILE_COLUMNS } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import { COLUMN_HEADERS_ZH, toCsv, writeXlsx } from './customer.file.ts';

// CRM-3 export: every live record, in the import file's columns (so an export can be re-imported).
const GENDER_ZH = { male: '男', female: '女', unknown: '' } as const;

export async function exportCustomers(db: Db, format: 'csv' | 'xlsx') {
  const rows = await db
    .selectFrom('customers as c')
    .leftJoin('areas as a', 'a.id', 'c.area_id')
    .select([
      'c.id',
      'c.name',
      'c.card_no',
      'c.gender',
      'c.address',
      'a.code as area_code',
      'c.vip_level',
      'c.email',
      'c.preferred_channel',
      'c.origin_channels',
      'c.gift_willing',
    ])
    .select((eb) =>
      eb
        .selectFrom('customer_phones as p')
        .whereRef('p.customer_id', '=', 'c.id')
        .select(({ fn, ref, val }) => fn<string>('string_agg', [ref('p.phone'), val(';')]).as('phones'))
        .as('phones'),
    )
    .where('c.merged_into', 'is', null)
    .orderBy('c.id')
    .execute();
  const table = [
    CUSTOMER_FILE_COLUMNS.map((c) => COLUMN_HEADERS_ZH[c]),
    ...rows.map((r) => {
      const origin =
        typeof r.origin_channels === 'string'
          ? (JSON.parse(r.origin_channels) as string[])
          : r.origin_channels;
      return [
        r.name,
        r.phones ?? '',
        r.card_no ?? '',
        GENDER_ZH[r.gender],
        r.address ?? '',
        r.area_code ?? '',
        String(r.vip_level),
        r.email ?? '',
        r.preferred_channel,
        origin.join(';'),
        r.gift_willing === null ? '' : r.gift_willing ? '愿意' : '不愿意',
      ];
    }),
  ];
  if (format === 'csv') {
    return { rows: rows.length, contentType: 'text/csv; charset=utf-8', body: toCsv(table) };
  }
  return {
    rows: rows.length,
    contentType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    body: await writeXlsx(table),
  };
}
