import type { TimelineItem } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';

// CRM-2: one timeline per customer: the calls from and to the customer's numbers (derived from
// the CDRs, never copied) and the entries other modules append (tickets, SMS, e-mail, notes …).

const DISPOSITION_ZH: Record<string, string> = {
  answered: '已接听',
  abandoned: '放弃',
  unanswered: '未接',
  transferred_out: '转出',
  failed: '失败',
};

export async function customerTimeline(
  db: Db,
  customerId: number,
  page: number,
  pageSize: number,
): Promise<{ items: TimelineItem[]; total: number }> {
  const phones = db.selectFrom('customer_phones').select('phone').where('customer_id', '=', customerId);
  const callsOf = db
    .selectFrom('cdrs as d')
    .where((eb) => eb.or([eb('d.caller_number', 'in', phones), eb('d.called_number', 'in', phones)]));
  const entriesOf = db.selectFrom('customer_timeline as t').where('t.customer_id', '=', customerId);
  const newest = page * pageSize;
  const calls = await callsOf
    .leftJoin('staff as s', (join) =>
      join.on(sql<boolean>`s.id = coalesce(d.last_agent_id, d.first_agent_id)`),
    )
    .select([
      'd.call_id',
      'd.direction',
      'd.disposition',
      'd.started_at',
      'd.talk_ms',
      's.name as staff_name',
    ])
    .orderBy('d.started_at', 'desc')
    .limit(newest)
    .execute();
  const entries = await entriesOf
    .leftJoin('staff as s', 's.id', 't.staff_id')
    .select(['t.kind', 't.at', 't.ref_id', 't.summary', 's.name as staff_name'])
    .orderBy('t.at', 'desc')
    .orderBy('t.id', 'desc')
    .limit(newest)
    .execute();
  const items: TimelineItem[] = [
    ...calls.map((c) => ({
      kind: 'call' as const,
      at: new Date(c.started_at).toISOString(),
      refId: c.call_id,
      summary: `${c.direction === 'outbound' ? '外呼' : '来电'} · ${DISPOSITION_ZH[c.disposition] ?? c.disposition} · ${Math.round(Number(c.talk_ms) / 1000)}s`,
      staffName: c.staff_name,
    })),
    ...entries.map((e) => ({
      kind: e.kind,
      at: new Date(e.at).toISOString(),
      refId: e.ref_id,
      summary: e.summary,
      staffName: e.staff_name,
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const callCount = await callsOf.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirstOrThrow();
  const entryCount = await entriesOf
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  const total = Number(callCount.n) + Number(entryCount.n);
  return { items: items.slice((page - 1) * pageSize, newest), total };
}
