import type { Db } from '../../db/database.ts';
import type { PasswordHasher } from '../auth/password-hasher.ts';

// The service password (服务密码, IVR-2): 6 digits per phone number, stored hashed (argon2id via
// the server's hasher), locked for 30 minutes after 3 failures in a row. Every set, change and
// verification is recorded in ivr_password_events, never the digits.

export const SERVICE_PASSWORD_POLICY = { maxFailures: 3, lockMs: 30 * 60_000 } as const;
export type VerifyResult = 'ok' | 'fail' | 'locked';

const SIX_DIGITS = /^[0-9]{6}$/;

async function record(
  db: Db,
  phone: string,
  callId: string | null,
  kind: 'set' | 'change' | 'verify_ok' | 'verify_fail' | 'locked' | 'verify_locked',
  at: Date,
) {
  await db
    .insertInto('ivr_password_events')
    .values({ phone_number: phone, call_id: callId, kind, at })
    .execute();
}

export async function verifyServicePassword(
  db: Db,
  hasher: PasswordHasher,
  input: { phoneNumber: string; digits: string; callId: string | null; now: Date },
): Promise<VerifyResult> {
  const { phoneNumber: phone, now, callId } = input;
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('ivr_service_passwords')
      .selectAll()
      .where('phone_number', '=', phone)
      .forUpdate()
      .executeTakeFirst();
    if (row === undefined) {
      await hasher.verifyNothing(input.digits);
      await record(trx, phone, callId, 'verify_fail', now);
      return 'fail';
    }
    if (row.locked_until !== null && new Date(row.locked_until) > now) {
      await record(trx, phone, callId, 'verify_locked', now);
      return 'locked';
    }
    const ok = SIX_DIGITS.test(input.digits) && (await hasher.verify(row.password_hash, input.digits));
    if (ok) {
      await trx
        .updateTable('ivr_service_passwords')
        .set({ failed_attempts: 0, locked_until: null })
        .where('phone_number', '=', phone)
        .execute();
      await record(trx, phone, callId, 'verify_ok', now);
      return 'ok';
    }
    const failures = (row.locked_until === null ? row.failed_attempts : 0) + 1;
    const lock = failures >= SERVICE_PASSWORD_POLICY.maxFailures;
    await trx
      .updateTable('ivr_service_passwords')
      .set({
        failed_attempts: lock ? 0 : failures,
        locked_until: lock ? new Date(now.getTime() + SERVICE_PASSWORD_POLICY.lockMs) : null,
      })
      .where('phone_number', '=', phone)
      .execute();
    await record(trx, phone, callId, 'verify_fail', now);
    if (lock) await record(trx, phone, callId, 'locked', now);
    return lock ? 'locked' : 'fail';
  });
}

/** Sets (first time) or changes the password; false if the digits are not 6 digits. */
export async function setServicePassword(
  db: Db,
  hasher: PasswordHasher,
  input: { phoneNumber: string; digits: string; callId: string | null; now: Date },
): Promise<boolean> {
  if (!SIX_DIGITS.test(input.digits)) return false;
  const hash = await hasher.hash(input.digits);
  await db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('ivr_service_passwords')
      .select('phone_number')
      .where('phone_number', '=', input.phoneNumber)
      .executeTakeFirst();
    await trx
      .insertInto('ivr_service_passwords')
      .values({
        phone_number: input.phoneNumber,
        password_hash: hash,
        failed_attempts: 0,
        locked_until: null,
        updated_at: input.now,
      })
      .onConflict((oc) =>
        oc.column('phone_number').doUpdateSet({
          password_hash: hash,
          failed_attempts: 0,
          locked_until: null,
          updated_at: input.now,
        }),
      )
      .execute();
    await record(trx, input.phoneNumber, input.callId, existing ? 'change' : 'set', input.now);
  });
  return true;
}
