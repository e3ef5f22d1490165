import type { FeedbackLogQuery, Ticket, TicketSummary, TicketSummaryQuery } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Db } from '../../db/database.ts';
import { inScope, ticketQuery, toTicket, withPeriodFilters } from './ticket.repository.ts';

// CPL-9: summaries by period and the day / week / month feedback log (意见(投诉)反馈日/周/月志表).

const LOG_LIMIT = 2000;

export async function summarizeTickets(
  db: Db,
  q: TicketSummaryQuery,
  scope: 'all' | number,
): Promise<TicketSummary> {
  const base = withPeriodFilters(inScope(ticketQuery(db), scope), q).clearSelect();
  const [byCategory, byDepartment, byState] = await Promise.all([
    base
      .select((eb) => ['t.category as key', eb.fn.countAll<string>().as('n')])
      .groupBy('t.category')
      .execute(),
    base
      .select((eb) => [
        sql<string>`coalesce(d.id::text, '-')`.as('key'),
        sql<string>`coalesce(d.name, '未派单')`.as('label'),
        eb.fn.countAll<string>().as('n'),
      ])
      .groupBy(['d.id', 'd.name'])
      .execute(),
    base
      .select((eb) => ['t.state as key', eb.fn.countAll<string>().as('n')])
      .groupBy('t.state')
      .execute(),
  ]);
  const counts = (rows: { key: string; label?: string; n: string }[]) =>
    rows
      .map((r) => ({ key: r.key, label: r.label ?? r.key, count: Number(r.n) }))
      .sort((a, b) => b.count - a.count);
  const cat = counts(byCategory);
  return {
    total: cat.reduce((s, c) => s + c.count, 0),
    byCategory: cat,
    byDepartment: counts(byDepartment),
    byState: counts(byState),
  };
}

/** The UTC period (day, ISO week from Monday, or calendar month) holding `date`. */
export function periodOf(q: FeedbackLogQuery): { from: Date; to: Date } {
  const d = new Date(`${q.date}T00:00:00Z`);
  if (q.period === 'day') return { from: d, to: new Date(d.getTime() + 86_400_000) };
  if (q.period === 'week') {
    const from = new Date(d.getTime() - ((d.getUTCDay() + 6) % 7) * 86_400_000);
    return { from, to: new Date(from.getTime() + 7 * 86_400_000) };
  }
  const from = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), 1));
  return { from, to: new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)) };
}

export async function feedbackLog(db: Db, q: FeedbackLogQuery, scope: 'all' | number, now: Date) {
  const { from, to } = periodOf(q);
  const rows = await inScope(ticketQuery(db), scope)
    .where('t.created_at', '>=', from)
    .where('t.created_at', '<', to)
    .where('t.kind', 'in', ['complaint', 'suggestion'])
    .orderBy('t.created_at')
    .orderBy('t.id')
    .limit(LOG_LIMIT)
    .execute();
  return { from: from.toISOString(), to: to.toISOString(), items: rows.map((r) => toTicket(r, now)) };
}

const CSV_HEADER = [
  '工单号',
  '受理时间',
  '类型',
  '电话',
  '姓名',
  '原因',
  '部门',
  '责任人',
  '状态',
  '是否成立',
  '处理结果',
  '满意度',
];

export function feedbackLogCsv(items: Ticket[]): string {
  const cell = (v: string | null) => {
    const s = v ?? '';
    // A leading = + - @ would run as a formula in a spreadsheet.
    const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
    return /[",\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const lines = items.map((t) =>
    [
      t.number,
      t.createdAt,
      t.category,
      t.phone,
      t.customerName,
      t.reason,
      t.departmentName,
      t.responsibleName,
      t.state,
      t.validity,
      t.answer,
      t.satisfaction,
    ]
      .map(cell)
      .join(','),
  );
  return `\uFEFF${[CSV_HEADER.join(','), ...lines].join('\r\n')}\r\n`;
}
