import type { Me } from '@switchboard/shared';
import { sql } from 'kysely';
import type { Actor } from '../../http/access.ts';
import { AppError } from '../../http/app-error.ts';
import type { AppDeps } from '../../http/app-types.ts';
import {
  accountFailuresSince,
  ipFailuresSince,
  recordAuditEvent,
  recordLoginAttempt,
} from '../audit/audit.repository.ts';
import { findProfile, findRoles } from '../directory/staff-profile.repository.ts';
import { AUTH_ERRORS } from './auth.errors.ts';
import { decideLoginAttempt, THROTTLE_WINDOW_MS } from './login-throttle.ts';
import {
  findSessionWithStaff,
  hashSessionToken,
  insertSession,
  newSessionToken,
  revokeSession,
  revokeStaffSessions,
  touchSession,
} from './session.repository.ts';

export type ClientInfo = { ip: string; userAgent: string };

// last_seen_at is written at most this often per session, not on every request.
const TOUCH_EVERY_MS = 30_000;

/** Checks credentials under the throttle; every attempt, allowed or not, lands in the login log. */
export async function login(
  deps: AppDeps,
  input: { employeeNo: string; password: string; previousToken?: string | undefined },
  client: ClientInfo,
): Promise<{ token: string; user: Me }> {
  const { db, clock, config, hasher } = deps;
  const loginName = input.employeeNo.trim();
  const now = clock.now();
  const since = new Date(now.getTime() - THROTTLE_WINDOW_MS);
  const [accountFailures, ipFailures] = await Promise.all([
    accountFailuresSince(db, loginName, since),
    ipFailuresSince(db, client.ip, since),
  ]);
  const decision = decideLoginAttempt({
    now,
    accountFailures,
    ipFailures,
    maxAccount: config.loginThrottle.maxFailuresPerAccountHour,
    maxIp: config.loginThrottle.maxFailuresPerIpHour,
  });
  if (!decision.allowed) {
    await recordLoginAttempt(db, {
      ...attempt(loginName, null, client, now),
      result: 'refused',
      reason: decision.reason,
    });
    const retry = { 'retry-after': String(decision.retryAfterSeconds) };
    if (decision.reason === 'account_backoff') {
      throw new AppError(AUTH_ERRORS.LOGIN_BACKOFF, {
        params: { seconds: decision.retryAfterSeconds },
        headers: retry,
      });
    }
    const minutes = Math.ceil(decision.retryAfterSeconds / 60);
    throw new AppError(AUTH_ERRORS.LOGIN_THROTTLED, { params: { minutes }, headers: retry });
  }

  const staff = await db
    .selectFrom('staff')
    .select(['id', 'password_hash', 'active'])
    .where(sql`lower(employee_no)`, '=', loginName.toLowerCase())
    .executeTakeFirst();
  let failure: string | null = null;
  if (!staff) {
    await hasher.verifyNothing(input.password);
    failure = 'unknown_account';
  } else if (!(await hasher.verify(staff.password_hash, input.password))) {
    failure = 'wrong_password';
  } else if (!staff.active) {
    failure = 'inactive_account';
  }
  if (failure || !staff) {
    await recordLoginAttempt(db, {
      ...attempt(loginName, staff?.id ?? null, client, now),
      result: 'failure',
      reason: failure,
    });
    throw new AppError(AUTH_ERRORS.INVALID_CREDENTIALS);
  }

  // A new session id at every login; a session the browser still held is ended.
  const token = newSessionToken();
  const user = await db.transaction().execute(async (trx) => {
    if (input.previousToken) await revokeSession(trx, hashSessionToken(input.previousToken), now);
    await insertSession(trx, {
      idHash: hashSessionToken(token),
      staffId: staff.id,
      now,
      expiresAt: new Date(now.getTime() + config.session.absoluteMs),
      ip: client.ip,
      userAgent: client.userAgent,
    });
    await recordLoginAttempt(trx, {
      ...attempt(loginName, staff.id, client, now),
      result: 'success',
      reason: null,
    });
    return findProfile(trx, staff.id);
  });
  if (!user) throw new AppError(AUTH_ERRORS.INVALID_CREDENTIALS);
  return { token, user };
}

function attempt(loginName: string, staffId: number | null, client: ClientInfo, at: Date) {
  return { at, event: 'login' as const, loginName, staffId, ip: client.ip, userAgent: client.userAgent };
}

export async function logout(deps: AppDeps, actor: Actor, client: ClientInfo): Promise<void> {
  const now = deps.clock.now();
  await deps.db.transaction().execute(async (trx) => {
    await revokeSession(trx, actor.sessionHash, now);
    await recordLoginAttempt(trx, {
      at: now,
      event: 'logout',
      loginName: actor.employeeNo,
      staffId: actor.id,
      ip: client.ip,
      userAgent: client.userAgent,
      result: 'success',
      reason: null,
    });
  });
}

/** The staff member behind a session cookie, or null; enforces idle and absolute lifetimes. */
export async function resolveSession(deps: AppDeps, token: string | undefined): Promise<Actor | null> {
  if (!token || token.length > 200) return null;
  const { db, clock, config } = deps;
  const idHash = hashSessionToken(token);
  const row = await findSessionWithStaff(db, idHash);
  if (!row || row.revoked_at || !row.active) return null;
  const now = clock.now().getTime();
  const lastSeen = new Date(row.last_seen_at).getTime();
  if (now >= new Date(row.expires_at).getTime() || now - lastSeen >= config.session.idleMs) {
    await revokeSession(db, idHash, clock.now());
    return null;
  }
  if (now - lastSeen >= Math.min(TOUCH_EVERY_MS, config.session.idleMs / 10)) {
    await touchSession(db, idHash, clock.now());
  }
  return {
    id: row.staff_id,
    employeeNo: row.employee_no,
    name: row.name,
    roles: await findRoles(db, row.staff_id),
    departmentId: row.department_id,
    sessionHash: idHash,
  };
}

export async function changeOwnPassword(
  deps: AppDeps,
  actor: Actor,
  input: { currentPassword: string; newPassword: string },
  client: ClientInfo,
): Promise<void> {
  const { db, hasher, clock } = deps;
  const row = await db
    .selectFrom('staff')
    .select('password_hash')
    .where('id', '=', actor.id)
    .executeTakeFirstOrThrow();
  if (!(await hasher.verify(row.password_hash, input.currentPassword))) {
    throw new AppError(AUTH_ERRORS.WRONG_CURRENT_PASSWORD, {
      fields: [{ path: 'currentPassword', message: AUTH_ERRORS.WRONG_CURRENT_PASSWORD.message }],
    });
  }
  if (input.currentPassword === input.newPassword) {
    throw new AppError(AUTH_ERRORS.PASSWORD_UNCHANGED, {
      fields: [{ path: 'newPassword', message: AUTH_ERRORS.PASSWORD_UNCHANGED.message }],
    });
  }
  const passwordHash = await hasher.hash(input.newPassword);
  const now = clock.now();
  await db.transaction().execute(async (trx) => {
    await trx
      .updateTable('staff')
      .set({ password_hash: passwordHash, must_change_password: false, updated_at: now })
      .where('id', '=', actor.id)
      .execute();
    // Other browsers signed in as this person are signed out; this one stays.
    await revokeStaffSessions(trx, actor.id, now, actor.sessionHash);
    await recordAuditEvent(trx, {
      at: now,
      actor,
      action: 'auth.password_change',
      objectType: 'staff',
      objectId: actor.id,
      ip: client.ip,
    });
  });
}
