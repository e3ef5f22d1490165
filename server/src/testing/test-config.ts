import { loadConfig } from '../config.ts';
import { createPasswordHasher } from '../modules/auth/password-hasher.ts';

// Tests hash with a small argon2id cost: the same code path, milliseconds instead of tens.
export const testConfig = loadConfig({
  LOG_LEVEL: 'silent',
  SEED_DEMO: 'false',
  PASSWORD_MEMORY_KIB: '1024',
  PASSWORD_TIME_COST: '1',
});

export const testHasher = createPasswordHasher(testConfig.password);

export type Dialect = 'pglite' | 'postgresql';

/** PGlite always; PostgreSQL too when DATABASE_URL points at a server (CI sets it). */
export const DIALECTS: Dialect[] = process.env.DATABASE_URL ? ['pglite', 'postgresql'] : ['pglite'];

export function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}
