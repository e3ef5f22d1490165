import type { Db } from '../db/database.ts';
import { DEMO_FLOW } from '../ivr/demo-flow.ts';

/** The demo flow of access code 1000 (seed 002), published as version 1. */
export async function seedIvr(db: Db, now: Date): Promise<void> {
  const flow = await db
    .insertInto('ivr_flows')
    .values({ name: '10000 号客服热线主流程', access_code: '1000', created_at: now, updated_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  const version = await db
    .insertInto('ivr_flow_versions')
    .values({
      flow_id: flow.id,
      version: 1,
      status: 'published',
      definition: JSON.stringify(DEMO_FLOW),
      created_by: null,
      created_at: now,
      published_at: now,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('ivr_flows')
    .set({ published_version_id: version.id })
    .where('id', '=', flow.id)
    .execute();
}
