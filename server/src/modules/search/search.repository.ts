import type { SearchCriteria, SearchHit, SearchResult } from '@switchboard/shared';
import { normalizePhone } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../http/access.ts';
import { containsPattern, exactMatchIds } from '../customers/customer.repository.ts';
import { searchTickets } from '../tickets/index.ts';

// QRY-1: one box over customers, the agent phone book, call records and tickets. Each group is
// a bounded query (LIMIT per group, counts capped) so a broad word on a million customers stays
// fast: substring matches use the pg_trgm index on customers.search_text, phones and cards the
// b-tree indexes.

const LIMIT = 20;
// Counts stop here (the desktop shows "199+"): an exact count of a broad word costs a full scan.
const COUNT_CAP = 200;

async function customers(db: Db, c: SearchCriteria): Promise<{ count: number; items: SearchHit[] }> {
  let query = db.selectFrom('customers as c').where('c.merged_into', 'is', null);
  if (c.q) {
    const exact = await exactMatchIds(db, c.q);
    query = exact.length
      ? query.where('c.id', 'in', exact)
      : query.where('c.search_text', 'like', containsPattern(c.q));
  }
  if (c.phone) {
    const digits = normalizePhone(c.phone);
    query = query.where('c.id', 'in', (eb) =>
      eb.selectFrom('customer_phones').select('customer_id').where('phone', '=', digits),
    );
  }
  if (c.cardNo) query = query.where('c.card_no', '=', c.cardNo);
  if (c.areaId) query = query.where('c.area_id', '=', c.areaId);
  if (c.vipOnly) query = query.where('c.vip_level', '>', 0);
  const rows = await query
    .leftJoin('areas as a', 'a.id', 'c.area_id')
    .select(['c.id', 'c.name', 'c.card_no', 'c.vip_level', 'a.name as area_name'])
    .select((eb) =>
      eb
        .selectFrom('customer_phones as p')
        .whereRef('p.customer_id', '=', 'c.id')
        .select(({ fn, ref, val }) => fn<string>('string_agg', [ref('p.phone'), val(' ')]).as('phones'))
        .as('phones'),
    )
    .orderBy('c.id', 'desc')
    .limit(LIMIT)
    .execute();
  const { n } = await db
    .selectFrom(query.select('c.id').limit(COUNT_CAP).as('x'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const count = Number(n);
  return {
    count,
    items: rows.map((r) => ({
      id: String(r.id),
      title: `${r.name}${r.vip_level > 0 ? ` · VIP${r.vip_level}` : ''}`,
      detail: [r.phones, r.card_no, r.area_name].filter(Boolean).join(' · '),
    })),
  };
}

async function staff(db: Db, c: SearchCriteria): Promise<{ count: number; items: SearchHit[] }> {
  if (!c.q) return { count: 0, items: [] };
  const pattern = containsPattern(c.q);
  const rows = await db
    .selectFrom('staff as s')
    .leftJoin('extensions as e', 'e.id', 's.extension_id')
    .select(['s.id', 's.name', 's.employee_no', 's.phone', 'e.number as extension'])
    .where('s.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('s.name', 'like', pattern),
        eb('s.employee_no', '=', c.q),
        eb('s.phone', 'like', pattern),
        eb('e.number', '=', c.q),
      ]),
    )
    .orderBy('s.employee_no')
    .limit(LIMIT)
    .execute();
  return {
    count: rows.length,
    items: rows.map((r) => ({
      id: String(r.id),
      title: `${r.name}（${r.employee_no}）`,
      detail: [r.extension ? `分机 ${r.extension}` : null, r.phone].filter(Boolean).join(' · '),
    })),
  };
}

async function calls(db: Db, c: SearchCriteria): Promise<{ count: number; items: SearchHit[] }> {
  const digits = normalizePhone(c.phone ?? c.q);
  if (!digits && !c.agentId) return { count: 0, items: [] };
  let query = db.selectFrom('cdrs as d');
  if (digits)
    query = query.where((eb) =>
      eb.or([eb('d.caller_number', '=', digits), eb('d.called_number', '=', digits)]),
    );
  if (c.agentId) {
    const agentId = c.agentId;
    query = query.where((eb) =>
      eb.or([eb('d.first_agent_id', '=', agentId), eb('d.last_agent_id', '=', agentId)]),
    );
  }
  if (c.from) query = query.where('d.started_at', '>=', new Date(`${c.from}T00:00:00Z`));
  if (c.to)
    query = query.where('d.started_at', '<', new Date(new Date(`${c.to}T00:00:00Z`).getTime() + 86_400_000));
  const rows = await query
    .select([
      'd.call_id',
      'd.direction',
      'd.caller_number',
      'd.called_number',
      'd.started_at',
      'd.disposition',
    ])
    .orderBy('d.started_at', 'desc')
    .limit(LIMIT)
    .execute();
  return {
    count: rows.length,
    items: rows.map((r) => ({
      id: r.call_id,
      title: `${r.direction === 'outbound' ? '外呼' : '来电'} ${r.caller_number} → ${r.called_number}`,
      detail: `${new Date(r.started_at).toISOString()} · ${r.disposition}`,
    })),
  };
}

export async function comprehensiveSearch(
  db: Db,
  actor: Actor,
  c: SearchCriteria,
  seesCustomers: boolean,
): Promise<SearchResult> {
  const groups: SearchResult['groups'] = [];
  for (const group of c.groups) {
    if (group === 'customers' && seesCustomers) groups.push({ group, ...(await customers(db, c)) });
    if (group === 'staff') groups.push({ group, ...(await staff(db, c)) });
    if (group === 'calls' && seesCustomers) groups.push({ group, ...(await calls(db, c)) });
    if (group === 'tickets' && c.q) {
      const hits = await searchTickets(db, actor, c.q, LIMIT);
      groups.push({
        group,
        count: hits.length,
        items: hits.map((t) => ({
          id: String(t.id),
          title: `${t.number} ${t.summary}`,
          detail: `${t.kind} · ${t.status}`,
        })),
      });
    }
  }
  return { groups };
}
