import { createPasswordHasher } from '../../server/src/modules/auth/password-hasher.ts';
import { watchMachine, watchSelf } from '../lib/process-stats.ts';
import { median } from '../lib/stats.ts';

// What one argon2id verify costs on this machine at a given setting, measured in the bench process
// with the server's own hasher (same options), before the server is started so nothing competes:
// - the time of one verify on an idle machine (one core, sequential);
// - how many verifies per second the machine completes when many run at once (libuv's thread
//   pool, 4 threads by default, on all cores) — the ceiling for logins per second.
// Other processes on the machine disturb the second figure: it is measured up to three times and
// the least disturbed window is kept.

export type HashCost = { memoryKib: number; timeCost: number };
export type HashCalibration = HashCost & {
  singleMs: number;
  maxPerSecond: number;
  threadpool: number;
  /** CPU used by other processes during the kept parallel window, % of one core. */
  otherCpuPct: number | undefined;
};

const QUIET_PCT = 15;

export async function calibrateHash(
  cost: HashCost,
  opts: { parallelSeconds?: number } = {},
): Promise<HashCalibration> {
  const hasher = createPasswordHasher(cost);
  const password = 'Bench@2026';
  const stored = await hasher.hash(password);
  for (let i = 0; i < 3; i++) await hasher.verify(stored, password);
  const times: number[] = [];
  for (let i = 0; i < 15; i++) {
    const t0 = performance.now();
    if (!(await hasher.verify(stored, password))) throw new Error('argon2 verify failed during calibration');
    times.push(performance.now() - t0);
  }
  const threadpool = Number(process.env.UV_THREADPOOL_SIZE) || 4;
  let best: { perSecond: number; other: number | undefined } | undefined;
  for (let attempt = 0; attempt < 3; attempt++) {
    const machine = watchMachine();
    const self = watchSelf();
    const until = performance.now() + (opts.parallelSeconds ?? 3) * 1000;
    let done = 0;
    const t0 = performance.now();
    const worker = async () => {
      while (performance.now() < until) {
        await hasher.verify(stored, password);
        done++;
      }
    };
    await Promise.all(Array.from({ length: threadpool * 2 }, worker));
    const perSecond = done / ((performance.now() - t0) / 1000);
    const m = machine.stop();
    const other = m === undefined ? undefined : Math.max(0, m - self.stop());
    if (!best || (other ?? 0) < (best.other ?? 0)) best = { perSecond, other };
    if ((other ?? 0) <= QUIET_PCT) break;
  }
  return {
    ...cost,
    singleMs: median(times),
    maxPerSecond: best?.perSecond ?? Number.NaN,
    threadpool,
    otherCpuPct: best?.other,
  };
}
