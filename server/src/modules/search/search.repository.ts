import type { SearchCriteria, SearchHit, SearchResult } from '@switchboard/shared';
import { normalizePhone } from '@switchboard/shared';
import type { Db } from '../../db/database.ts';
import type { Actor } from '../../http/access.ts';
import { maskCard, maskPhone, seesFullNumbers } from '../customers/customer.privacy.ts';
import { containsPattern, exactMatchIds } from '../customers/customer.repository.ts';
import { searchTickets } from '../tickets/index.ts';

// QRY-1: one box over customers, the agent phone book, call records and tickets. Each group is
// a bounded query (LIMIT per group, counts capped) so a broad word on a million customers stays
// fast: substring matches use the pg_trgm index on customers.search_text, phones and cards the
// b-tree indexes.

const LIMIT = 20;
// Counts stop here (the desktop shows "199+"): an exact count of a broad word costs a full scan.
const COUNT_CAP = 200;

type Group = { count: number; items: SearchHit[]; hasMore: boolean };
/** One page of a group: LIMIT hits after `offset`, fetched LIMIT + 1 to know if more follow. */
const pageOf = <T>(rows: T[]) => ({ rows: rows.slice(0, LIMIT), hasMore: rows.length > LIMIT });

async function customers(db: Db, c: SearchCriteria, fullNumbers: boolean): Promise<Group> {
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
    .offset(c.offset ?? 0)
    .limit(LIMIT + 1)
    .execute();
  const { n } = await db
    .selectFrom(query.select('c.id').limit(COUNT_CAP).as('x'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const count = Number(n);
  const page = pageOf(rows);
  return {
    count,
    hasMore: page.hasMore,
    items: page.rows.map((r) => ({
      id: String(r.id),
      title: `${r.name}${r.vip_level > 0 ? ` · VIP${r.vip_level}` : ''}`,
      detail: [
        fullNumbers ? r.phones : r.phones?.split(' ').map(maskPhone).join(' '),
        r.card_no && !fullNumbers ? maskCard(r.card_no) : r.card_no,
        r.area_name,
      ]
        .filter(Boolean)
        .join(' · '),
    })),
  };
}

async function staff(db: Db, c: SearchCriteria): Promise<Group> {
  if (!c.q) return { count: 0, items: [], hasMore: false };
  const pattern = containsPattern(c.q);
  const query = db
    .selectFrom('staff as s')
    .leftJoin('extensions as e', 'e.id', 's.extension_id')
    .where('s.active', '=', true)
    .where((eb) =>
      eb.or([
        eb('s.name', 'like', pattern),
        eb('s.employee_no', '=', c.q),
        eb('s.phone', 'like', pattern),
        eb('e.number', '=', c.q),
      ]),
    );
  const rows = await query
    .select(['s.id', 's.name', 's.employee_no', 's.phone', 'e.number as extension'])
    .orderBy('s.employee_no')
    .offset(c.offset ?? 0)
    .limit(LIMIT + 1)
    .execute();
  const page = pageOf(rows);
  const { n } = await db
    .selectFrom(query.select('s.id').limit(COUNT_CAP).as('x'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    count: Number(n),
    hasMore: page.hasMore,
    items: page.rows.map((r) => ({
      id: String(r.id),
      title: `${r.name}（${r.employee_no}）`,
      detail: [r.extension ? `分机 ${r.extension}` : null, r.phone].filter(Boolean).join(' · '),
      ...(r.extension || r.phone ? { dial: r.extension ?? r.phone ?? '' } : {}),
    })),
  };
}

async function calls(db: Db, c: SearchCriteria): Promise<Group> {
  const digits = normalizePhone(c.phone ?? c.q);
  if (!digits && !c.agentId) return { count: 0, items: [], hasMore: false };
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
      'd.recording_files',
    ])
    .orderBy('d.started_at', 'desc')
    .offset(c.offset ?? 0)
    .limit(LIMIT + 1)
    .execute();
  const page = pageOf(rows);
  const { n } = await db
    .selectFrom(query.select('d.call_id').limit(COUNT_CAP).as('x'))
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return {
    count: Number(n),
    hasMore: page.hasMore,
    items: page.rows.map((r) => ({
      id: r.call_id,
      title: `${r.direction === 'outbound' ? '外呼' : '来电'} ${r.caller_number} → ${r.called_number}`,
      detail: `${new Date(r.started_at).toISOString()} · ${r.disposition}`,
      recordingIds: ((r.recording_files ?? []) as { recordingId: string }[]).map((f) => f.recordingId),
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
    if (group === 'customers' && seesCustomers)
      groups.push({ group, ...(await customers(db, c, seesFullNumbers(actor.roles))) });
    if (group === 'staff') groups.push({ group, ...(await staff(db, c)) });
    if (group === 'calls' && seesCustomers) groups.push({ group, ...(await calls(db, c)) });
    if (group === 'tickets' && c.q) {
      // searchTickets pages no further than its first 100 hits.
      const offset = c.offset ?? 0;
      const all = await searchTickets(db, actor, c.q, offset + LIMIT + 1);
      const hits = all.slice(offset, offset + LIMIT);
      groups.push({
        group,
        count: all.length,
        hasMore: all.length > offset + LIMIT && offset + LIMIT < 100,
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
