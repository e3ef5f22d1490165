import type { Db } from '../db/database.ts';
import { createWorkItem, type NewWorkItem } from '../modules/work-items/index.ts';

// A few indirect contacts waiting in the 工作项 queue, and some customers' SMS subscriptions.
const ITEMS: NewWorkItem[] = [
  {
    channel: 'web_form',
    sourceRef: 'seed-form-1',
    from: '13900000002',
    fromName: '陈女士',
    contactPhone: '13900000002',
    subject: '营业厅营业时间咨询',
    body: '请问西湖营业厅周末几点开门？我想办理套餐变更。',
  },
  {
    channel: 'email',
    sourceRef: 'seed-mail-1@example.com',
    from: 'customer1@example.com',
    fromName: '王先生',
    subject: '发票重开申请',
    body: '您好，上月的电子发票抬头有误，麻烦重新开具。谢谢。',
  },
  {
    channel: 'fax',
    sourceRef: 'seed-fax-1@fax.example',
    from: 'gateway@fax.example',
    subject: '传真：企业专线开通申请表',
    body: '传真 2 页',
    attachments: [{ filename: 'fax-0001.pdf', contentType: 'application/pdf', size: 48_213 }],
  },
  {
    channel: 'web_form',
    sourceRef: 'seed-form-2',
    from: 'liu.yang@example.com',
    fromName: '刘洋',
    contactEmail: 'liu.yang@example.com',
    subject: '建议：增加夜间客服',
    body: '晚上十点后打不通客服电话，建议延长人工服务时间。',
  },
];

const SUBSCRIPTIONS = [
  { phone: '13900000001', category: 'news', subscribed: true },
  { phone: '13900000001', category: 'activity', subscribed: true },
  { phone: '13900000002', category: 'billing', subscribed: true },
  { phone: '13900000003', category: 'activity', subscribed: true },
  { phone: '13900000004', category: 'all', subscribed: false },
] as const;

export async function seedWorkItems(db: Db, now: Date): Promise<void> {
  for (const [i, item] of ITEMS.entries()) {
    await createWorkItem(db, item, new Date(now.getTime() - (ITEMS.length - i) * 47 * 60_000));
  }
  await db
    .insertInto('sms_subscriptions')
    .values(SUBSCRIPTIONS.map((s) => ({ ...s, source: 'import' as const, changed_by: null, at: now })))
    .onConflict((oc) => oc.columns(['phone', 'category']).doNothing())
    .execute();
}
