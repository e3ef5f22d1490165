import { createHash, randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';

// Server-side sessions. The cookie carries a random token; the database keeps only its SHA-256,
// so a leaked database copy cannot be replayed as cookies.
export function newSessionToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function insertSession(
  db: Db,
  s: { idHash: string; staffId: number; now: Date; expiresAt: Date; ip: string; userAgent: string },
): Promise<void> {
  await db
    .insertInto('sessions')
    .values({
      id_hash: s.idHash,
      staff_id: s.staffId,
      created_at: s.now,
      last_seen_at: s.now,
      expires_at: s.expiresAt,
      ip: s.ip,
      user_agent: s.userAgent.slice(0, 512),
      revoked_at: null,
    })
    .execute();
}

export async function findSessionWithStaff(db: Db, idHash: string) {
  return db
    .selectFrom('sessions as se')
    .innerJoin('staff as st', 'st.id', 'se.staff_id')
    .select([
      'se.id_hash',
      'se.last_seen_at',
      'se.expires_at',
      'se.revoked_at',
      'st.id as staff_id',
      'st.employee_no',
      'st.name',
      'st.department_id',
      'st.active',
    ])
    .where('se.id_hash', '=', idHash)
    .executeTakeFirst();
}

export async function touchSession(db: Db, idHash: string, now: Date): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: now }).where('id_hash', '=', idHash).execute();
}

export async function revokeSession(db: Db, idHash: string, now: Date): Promise<number> {
  const r = await db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('id_hash', '=', idHash)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Ends every session of a staff member (password change, reset, deactivation). */
export async function revokeStaffSessions(
  db: Db,
  staffId: number,
  now: Date,
  keepIdHash?: string,
): Promise<void> {
  let q = db
    .updateTable('sessions')
    .set({ revoked_at: now })
    .where('staff_id', '=', staffId)
    .where('revoked_at', 'is', null);
  if (keepIdHash) q = q.where('id_hash', '!=', keepIdHash);
  await q.execute();
}
