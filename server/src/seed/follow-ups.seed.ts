import type { Db } from '../db/database.ts';
import { addDays, localDateOf } from '../modules/follow-ups/follow-up.time.ts';

// Follow-up demo (FUP): every demo customer bought one service, dated from 5 days ahead to 14
// days ago (three customers per day), so rules of "N days after" find lists at once. The
// 售后回访组 is agents 1001–1003 led by 2001; one rule visits broadband installs 3 days on,
// one arrears-reminder campaign waits inactive; one number is on the do-not-call list.
const SERVICES = [
  { name: '百兆宽带安装', category: '宽带安装' },
  { name: '5G 手机购机', category: '手机购机' },
  { name: '融合套餐变更', category: '套餐变更' },
] as const;

export async function seedFollowUps(db: Db, now: Date): Promise<void> {
  const today = localDateOf(now);
  const customers = await db.selectFrom('customers').select('id').orderBy('id').execute();
  if (customers.length === 0) return;
  await db
    .insertInto('customer_services')
    .values(
      customers.map((c, i) => {
        const service = SERVICES[i % SERVICES.length] ?? SERVICES[0];
        return {
          customer_id: c.id,
          name: service.name,
          category: service.category,
          service_date: addDays(today, 5 - (i % 20)),
          created_at: now,
        };
      }),
    )
    .execute();

  const staff = await db
    .selectFrom('staff')
    .select(['id', 'employee_no'])
    .where('employee_no', 'in', ['1001', '1002', '1003', '2001'])
    .execute();
  const idOf = (no: string) => staff.find((s) => s.employee_no === no)?.id;
  const group = await db
    .insertInto('follow_up_groups')
    .values({ name: '售后回访组', created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const people = [
    ...['1001', '1002', '1003'].map((no) => ({ staff_id: idOf(no), role: 'member' as const })),
    { staff_id: idOf('2001'), role: 'lead' as const },
  ].flatMap((p) =>
    p.staff_id === undefined ? [] : [{ group_id: group.id, staff_id: p.staff_id, role: p.role }],
  );
  await db.insertInto('follow_up_group_members').values(people).execute();

  const categories = await db.selectFrom('follow_up_categories').select(['id', 'name']).execute();
  const afterUse = categories.find((c) => c.name === '产品使用后回访')?.id ?? 1;
  const lead = idOf('2001') ?? null;
  const common = {
    group_id: group.id,
    area_id: null,
    min_vip_level: null,
    call_from: '09:00',
    call_to: '20:00',
    retry_hours: 4,
    max_attempts: 3,
    created_by: lead,
    created_at: now,
    updated_at: now,
  };
  await db
    .insertInto('follow_up_rules')
    .values([
      {
        ...common,
        name: '宽带安装 3 天后回访',
        purpose: 'follow_up',
        category_id: afterUse,
        days_after_service: 3,
        service_category: '宽带安装',
        deadline_days: 2,
        active: true,
        script: '您好，这里是客服中心，想了解您新装宽带的使用情况。',
      },
      {
        ...common,
        name: '套餐变更欠费提醒',
        purpose: 'arrears_reminder',
        category_id: afterUse,
        days_after_service: 10,
        service_category: '套餐变更',
        deadline_days: 3,
        active: false,
        script: '您好，您的账户已欠费，请及时缴费以免影响使用。',
      },
    ])
    .execute();
  await db
    .insertInto('follow_up_do_not_call')
    .values({ phone: '13900000005', reason: '客户要求勿扰', created_by: lead, created_at: now })
    .execute();
}
