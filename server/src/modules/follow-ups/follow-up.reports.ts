import type { FollowUpLog, FollowUpLogQuery } from '@switchboard/shared';

import type { Db } from '../../db/database.ts';
import { periodRange } from './follow-up.time.ts';
import { toVisit } from './follow-up-task.repository.ts';

// FUP-6: the day / week / month follow-up log. Tasks count in the period they were built in; a
// task is completed once closed (done, refused or unreachable) and overdue when it is still open
// past its deadline or was closed after it. Visits list every call recorded in the period.

const VISIT_LIMIT = 2000;
const OUTCOME_LABELS = { done: '已完成', not_reached: '未接通', refused: '拒访' } as const;

const rate = (done: number, total: number) => (total === 0 ? 0 : Math.round((done / total) * 1000) / 10);

export async function followUpLog(db: Db, q: FollowUpLogQuery, now: Date): Promise<FollowUpLog> {
  const { from, to } = periodRange(q.period, q.date);
  const tasks = await db
    .selectFrom('follow_up_tasks as t')
    .innerJoin('follow_up_categories as k', 'k.id', 't.category_id')
    .innerJoin('staff as s', 's.id', 't.assignee_id')
    .select([
      't.status',
      't.deadline_at',
      't.closed_at',
      't.category_id',
      'k.name as category',
      't.assignee_id',
      's.name',
    ])
    .where('t.created_at', '>=', from)
    .where('t.created_at', '<', to)
    .execute();
  const isOverdue = (t: (typeof tasks)[number]) =>
    new Date(t.deadline_at) < (t.closed_at ? new Date(t.closed_at) : now);
  const byCategory = new Map<string, { label: string; count: number }>();
  const byMember = new Map<number, { name: string; assigned: number; completed: number; overdue: number }>();
  for (const t of tasks) {
    const c = byCategory.get(String(t.category_id)) ?? { label: t.category, count: 0 };
    c.count++;
    byCategory.set(String(t.category_id), c);
    const m = byMember.get(t.assignee_id) ?? { name: t.name, assigned: 0, completed: 0, overdue: 0 };
    m.assigned++;
    if (t.status !== 'open') m.completed++;
    if (isOverdue(t)) m.overdue++;
    byMember.set(t.assignee_id, m);
  }
  const visits = await db
    .selectFrom('follow_up_visits as v')
    .innerJoin('follow_up_tasks as t', 't.id', 'v.task_id')
    .innerJoin('follow_up_categories as k', 'k.id', 't.category_id')
    .innerJoin('customers as c', 'c.id', 't.customer_id')
    .innerJoin('staff as s', 's.id', 'v.staff_id')
    .selectAll('v')
    .select(['c.name as customer_name', 'k.name as category_name', 's.name as staff_name'])
    .where('v.at', '>=', from)
    .where('v.at', '<', to)
    .orderBy('v.at')
    .orderBy('v.id')
    .limit(VISIT_LIMIT)
    .execute();
  const byOutcome = new Map<string, number>();
  for (const v of visits) byOutcome.set(v.outcome, (byOutcome.get(v.outcome) ?? 0) + 1);
  const completed = tasks.filter((t) => t.status !== 'open').length;
  return {
    from: from.toISOString(),
    to: to.toISOString(),
    total: tasks.length,
    completed,
    overdue: tasks.filter(isOverdue).length,
    completionRate: rate(completed, tasks.length),
    byCategory: [...byCategory].map(([key, v]) => ({ key, ...v })).sort((a, b) => b.count - a.count),
    byOutcome: [...byOutcome].map(([key, count]) => ({
      key,
      label: OUTCOME_LABELS[key as keyof typeof OUTCOME_LABELS] ?? key,
      count,
    })),
    byMember: [...byMember]
      .map(([staffId, m]) => ({ staffId, ...m, completionRate: rate(m.completed, m.assigned) }))
      .sort((a, b) => a.staffId - b.staffId),
    visits: visits.map((v) => ({
      ...toVisit(v),
      customerName: v.customer_name,
      categoryName: v.category_name,
      staffName: v.staff_name,
    })),
  };
}

const csvCell = (v: string | number | boolean | null) => {
  const s = v === null ? '' : String(v);
  // A leading =, +, - or @ would run as a formula in a spreadsheet.
  const safe = /^[=+\-@]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
};

export function followUpLogCsv(log: FollowUpLog): string {
  const header = [
    '回访时间',
    '类别',
    '客户',
    '电话',
    '卡号',
    '性别',
    '来源渠道',
    '愿意接收礼品',
    '结果',
    '回访结论',
    '备注',
    '回访人',
  ];
  const lines = log.visits.map((v) =>
    [
      v.at,
      v.categoryName,
      v.customerName,
      v.phone,
      v.cardNo,
      v.gender,
      v.channels.join('、'),
      v.giftWilling === null ? '' : v.giftWilling ? '愿意' : '不愿意',
      OUTCOME_LABELS[v.outcome],
      v.result,
      v.notes,
      v.staffName,
    ]
      .map(csvCell)
      .join(','),
  );
  return `\uFEFF${[header.join(','), ...lines].join('\r\n')}\r\n`;
}
