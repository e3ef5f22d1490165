import type { CustomerInput } from '@switchboard/shared';
import type { Db } from '../db/database.ts';
import { customerRepository } from '../modules/customers/customer.repository.ts';

// ~60 demo customers (CRM-1), deterministic: the VIP ones own the traffic profile's VIP numbers
// (13900000001…5), so a simulated VIP call pops a real record. Two pairs share a phone (CRM-4).
const SURNAMES = '王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗';
const GIVEN = [
  '伟',
  '芳',
  '娜',
  '秀英',
  '敏',
  '静',
  '丽',
  '强',
  '磊',
  '军',
  '洋',
  '勇',
  '艳',
  '杰',
  '娟',
  '涛',
  '明',
  '超',
  '秀兰',
  '霞',
];
const STREETS = ['人民路', '解放路', '中山路', '建设路', '和平街', '文化路', '新华街', '滨江大道'];
const STORES = ['东区旗舰店', '西区中心店', '南区便民店'];
const ORIGINS = ['报纸', '电视', '网络', '朋友介绍', '114', '活动'] as const;

export async function seedCustomers(db: Db, now: Date): Promise<void> {
  await db
    .insertInto('customer_field_defs')
    .values([
      { key: 'member_birthday', label: '会员生日', type: 'date', choices: '[]', created_at: now },
      {
        key: 'home_store',
        label: '所属门店',
        type: 'choice',
        choices: JSON.stringify(STORES),
        created_at: now,
      },
    ])
    .execute();
  const areas = await db.selectFrom('areas').select('id').orderBy('id').execute();
  for (let i = 0; i < 60; i++) {
    const vip = i < 5;
    const surname = SURNAMES[i % SURNAMES.length] ?? '王';
    const given = GIVEN[(i * 7) % GIVEN.length] ?? '伟';
    const phone = vip ? `1390000000${i + 1}` : `139${String(10_000_000 + i * 7_919).padStart(8, '0')}`;
    // Customers 58 and 59 were entered twice: same phone as customers 10 and 11.
    const phones = i >= 58 ? [`139${String(10_000_000 + (i - 48) * 7_919).padStart(8, '0')}`] : [phone];
    if (i % 6 === 0) phones.push(`0571${String(86_000_000 + i * 131).slice(0, 8)}`);
    const input: CustomerInput = {
      name: `${surname}${given}`,
      gender: i % 2 === 0 ? 'male' : 'female',
      phones,
      cardNo: `C${String(880_000 + i * 37).padStart(8, '0')}`,
      address: `${STREETS[i % STREETS.length]}${((i * 13) % 300) + 1}号`,
      areaId: areas[i % areas.length]?.id ?? null,
      vipLevel: vip ? 5 - i : i % 10 === 0 ? 1 : 0,
      email: i % 3 === 0 ? `customer${i + 1}@example.com` : null,
      preferredChannel: i % 3 === 0 ? 'email' : i % 3 === 1 ? 'sms' : 'phone',
      originChannels: [ORIGINS[i % ORIGINS.length] ?? '其他'],
      giftWilling: i % 4 === 3 ? false : i % 4 === 0 ? null : true,
      custom: {
        home_store: STORES[i % STORES.length] ?? null,
        ...(i % 5 === 0 ? { member_birthday: `19${70 + (i % 30)}-0${(i % 9) + 1}-1${i % 10}` } : {}),
      },
    };
    await customerRepository.insert(db, input, null, now);
  }
}
