import { FAULT_DISPATCHED_CODE } from '@switchboard/shared';
import type { Db } from '../db/database.ts';

// The starting purpose → sub-type tree (CTI-19); administrators edit it in 系统管理 → 话务标识.
const TREE: { code: string; name: string; children: [string, string][] }[] = [
  {
    code: 'CONSULT',
    name: '咨询',
    children: [
      ['CONSULT_BILL', '话费查询'],
      ['CONSULT_SERVICE', '业务咨询'],
      ['CONSULT_TARIFF', '资费政策'],
    ],
  },
  {
    code: 'REPAIR',
    name: '报修',
    children: [
      [FAULT_DISPATCHED_CODE, '已派工单'],
      ['REPAIR_NOT_DISPATCHED', '未派工单'],
      ['REPAIR_REPEAT', '重复报修'],
    ],
  },
  {
    code: 'ORDER',
    name: '订购',
    children: [
      ['ORDER_NEW', '新装'],
      ['ORDER_CHANGE', '变更'],
      ['ORDER_CANCEL', '退订'],
    ],
  },
  {
    code: 'COMPLAINT',
    name: '投诉',
    children: [
      ['COMPLAINT_SERVICE', '服务投诉'],
      ['COMPLAINT_QUALITY', '质量投诉'],
    ],
  },
  {
    code: 'TROUBLESHOOT',
    name: '在线排障',
    children: [
      ['TROUBLESHOOT_BROADBAND', '宽带'],
      ['TROUBLESHOOT_MOBILE_DATA', '手机上网'],
    ],
  },
  { code: 'OTHER', name: '其他', children: [] },
];

/** Demo rows of this module, written inside seedDemoIfEmpty's transaction. */
export async function seedCallTags(db: Db, now: Date): Promise<void> {
  for (const [i, purpose] of TREE.entries()) {
    const { id } = await db
      .insertInto('call_tag_types')
      .values({
        parent_id: null,
        code: purpose.code,
        name: purpose.name,
        position: i + 1,
        active: true,
        created_at: now,
        updated_at: now,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const [j, [code, name]] of purpose.children.entries()) {
      await db
        .insertInto('call_tag_types')
        .values({
          parent_id: id,
          code,
          name,
          position: j + 1,
          active: true,
          created_at: now,
          updated_at: now,
        })
        .execute();
    }
  }
}
