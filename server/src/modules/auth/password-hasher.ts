import { type Algorithm, hash, verify } from '@node-rs/argon2';

// Algorithm.Argon2id; the enum is a const enum, which verbatimModuleSyntax cannot import.
const ARGON2ID = 2 as Algorithm;

// argon2id. The default cost (12 MiB, 3 passes) is one of OWASP's equivalent minimum settings;
// on 2 cores it verifies ~260 passwords/s against ~180 for 19 MiB × 2 with the same protection, so
// a shift start queues less (bench/login, docs/performance.md). A hash takes ~7 ms of one core.
// Hashes carry their own parameters: raising the cost later leaves old hashes verifiable.
export type PasswordHasher = {
  hash(password: string): Promise<string>;
  verify(passwordHash: string, password: string): Promise<boolean>;
  /** Spends the same time as a real verify, for unknown accounts (no timing oracle). */
  verifyNothing(password: string): Promise<void>;
};

export function createPasswordHasher(cost: { memoryKib: number; timeCost: number }): PasswordHasher {
  const options = {
    algorithm: ARGON2ID,
    memoryCost: cost.memoryKib,
    timeCost: cost.timeCost,
    parallelism: 1,
  };
  let decoy: Promise<string> | undefined;
  return {
    hash: (password) => hash(password, options),
    async verify(passwordHash, password) {
      try {
        return await verify(passwordHash, password);
      } catch {
        return false;
      }
    },
    async verifyNothing(password) {
      decoy ??= hash('decoy-password-for-timing', options);
      await verify(await decoy, password).catch(() => false);
    },
  };
}
