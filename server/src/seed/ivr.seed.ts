import type { IvrFlowDefinition } from '@switchboard/shared';
import type { Db } from '../db/database.ts';
import { DEMO_FLOW } from '../ivr/demo-flow.ts';
import { SURVEY_FLOW } from '../ivr/survey-flow.ts';
import { createPasswordHasher, type PasswordHasher } from '../modules/auth/password-hasher.ts';
import { insertFlow } from '../modules/ivr-flows/ivr-flow.repository.ts';
import { DEMO_SELF_SERVICE_NUMBERS, DEMO_SERVICE_PASSWORD } from '../switch/traffic/traffic-profile.ts';

/**
 * The demo flow of access code 1000 (seed 002) and the satisfaction survey agents transfer callers
 * to (CTI-10), each published as version 1, and the service password
 * (IVR-2) of the numbers the demo traffic's bill-query callers dial from, so their queries succeed.
 * seedDemoIfEmpty does not hand its hasher down; without one, the hash is made at the server's
 * default argon2id cost (a hash carries its parameters, so any configured hasher verifies it).
 */
export async function seedIvr(db: Db, now: Date, hasher?: PasswordHasher): Promise<void> {
  await publishFlow(db, now, '10000 号客服热线主流程', '1000', DEMO_FLOW);
  // No access code: agents send callers to it (转IVR, CTI-10).
  await publishFlow(db, now, '满意度调查', null, SURVEY_FLOW);

  // One hash for all: the demo numbers share the published demo password, like the demo staff.
  const passwordHash = await (hasher ?? createPasswordHasher({ memoryKib: 19_456, timeCost: 3 })).hash(
    DEMO_SERVICE_PASSWORD,
  );
  await db
    .insertInto('ivr_service_passwords')
    .values(
      DEMO_SELF_SERVICE_NUMBERS.map((phone_number) => ({
        phone_number,
        password_hash: passwordHash,
        locked_until: null,
        updated_at: now,
      })),
    )
    .execute();
  await db
    .insertInto('ivr_password_events')
    .values(
      DEMO_SELF_SERVICE_NUMBERS.map((phone_number) => ({
        phone_number,
        call_id: null,
        kind: 'set',
        at: now,
      })),
    )
    .execute();
}

async function publishFlow(
  db: Db,
  now: Date,
  name: string,
  accessCode: string | null,
  definition: IvrFlowDefinition,
): Promise<void> {
  const { flowId, versionId } = await insertFlow(db, { name, accessCode, definition, createdBy: null, now });
  await db
    .updateTable('ivr_flow_versions')
    .set({ status: 'published', published_at: now })
    .where('id', '=', versionId)
    .execute();
  await db
    .updateTable('ivr_flows')
    .set({ published_version_id: versionId })
    .where('id', '=', flowId)
    .execute();
}
