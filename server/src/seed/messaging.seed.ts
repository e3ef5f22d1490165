import type { Db } from '../db/database.ts';
import { enqueueOutbound } from '../modules/outbox/index.ts';

/** Demo rows of this module, written inside seedDemoIfEmpty's transaction. */
export async function seedMessaging(db: Db, now: Date): Promise<void> {
  const staff = await db.selectFrom('staff').select(['id', 'employee_no']).orderBy('employee_no').execute();
  const byNo = new Map(staff.map((s) => [s.employee_no, s.id]));
  const agent = byNo.get('1001');
  const colleague = byNo.get('1002');
  if (agent !== undefined && colleague !== undefined) {
    await db
      .insertInto('agent_messages')
      .values([
        {
          from_staff_id: colleague,
          to_staff_id: agent,
          body: '下午三点班组例会，别忘了',
          sent_at: now,
          read_at: null,
        },
        { from_staff_id: agent, to_staff_id: colleague, body: '收到，谢谢提醒', sent_at: now, read_at: now },
      ])
      .execute();
  }
  await enqueueOutbound(
    db,
    {
      channel: 'sms',
      to: '13912345678',
      body: '【客服中心】您的报修已受理，工单号 20260105-001，我们将尽快为您处理。',
      idempotencyKey: 'seed:sms:1',
      source: 'seed',
    },
    now,
  );
  await db
    .insertInto('sms_inbound')
    .values({
      from_number: '13912345678',
      to_number: '10086',
      body: '好的，谢谢，明天上午在家',
      provider: 'seed',
      provider_message_id: 'seed-1',
      customer_id: null,
      received_at: now,
    })
    .execute();
}
