import { mkdtemp, rm } from 'node:fs/promises';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openDatabase } from '../../server/src/db/database.ts';
import { migrateToLatest } from '../../server/src/db/migrate.ts';
import { createPasswordHasher } from '../../server/src/modules/auth/password-hasher.ts';
import { IvrHost } from '../../server/src/modules/ivr-flows/ivr-host.ts';
import { setServicePassword } from '../../server/src/modules/ivr-flows/service-password.ts';
import { seedDemoIfEmpty } from '../../server/src/seed/seed-demo.ts';
import { SimClock } from '../../server/src/switch/sim/sim-clock.ts';
import { createSimSwitch } from '../../server/src/switch/sim/sim-switch.ts';
import { createRandom } from '../../server/src/switch/traffic/random.ts';
import { watchSelf } from '../lib/process-stats.ts';
import { OpRecorder } from '../lib/stats.ts';

// `npx tsx bench/ivr/run.ts` — IVR capacity (IVR-7): N concurrent callers in the demo flow of
// access code 1000 on the simulated switch (clock following the wall clock), with the IVR log and
// sessions written to the database (PGlite in memory unless DATABASE_URL is set). Callers follow
// a seeded random path: bill query with the service password (argon2 verify), enquiry, or '0' for
// a human; each stays about `--hold-s` seconds. Reports peak concurrent IVR calls, per-step
// latency (event → actions performed), CPU and memory.

const { values: opts } = parseArgs({
  options: {
    calls: { type: 'string', default: '450' },
    'ramp-s': { type: 'string', default: '5' },
    'hold-s': { type: 'string', default: '25' },
    seed: { type: 'string', default: '20261122' },
  },
});
const CALLS = Number(opts.calls);
const RAMP_MS = Number(opts['ramp-s']) * 1000;
const HOLD_MS = Number(opts['hold-s']) * 1000;

const rng = createRandom(Number(opts.seed));

const handle = await openDatabase(process.env.DATABASE_URL ? { databaseUrl: process.env.DATABASE_URL } : {});
const db = handle.db;
await migrateToLatest(db);
const hasher = createPasswordHasher({ memoryKib: 12288, timeCost: 3 });
await seedDemoIfEmpty(db, hasher, new Date());
const numbers = Array.from({ length: CALLS }, (_, i) => `139${String(10_000_000 + i).padStart(8, '0')}`);
// service passwords for the callers (not measured)
for (const n of numbers)
  await setServicePassword(db, hasher, { phoneNumber: n, digits: '246810', callId: null, now: new Date() });

const clock = new SimClock(new Date());
const dir = await mkdtemp(join(tmpdir(), 'bench-ivr-'));
const sim = createSimSwitch({ clock, recordingsDir: dir, promptDurationMs: () => 3000 });
const steps = new OpRecorder('ivr step');
const verifies = new OpRecorder('password verify');
const queries = new OpRecorder('bill query');
let peak = 0;
const exits = new Map<string, number>();
const host = new IvrHost({
  db,
  port: sim,
  timers: clock,
  hasher,
  onLeave: (l) => {
    exits.set(l.exitClass ?? 'none', (exits.get(l.exitClass ?? 'none') ?? 0) + 1);
    void sim.hangup(l.channel.id).catch(() => undefined);
  },
  onStep: (ms) => steps.ok(ms),
  onService: (kind, ms) => (kind === 'verify_password' ? verifies : queries).ok(ms),
});
const stopClock = clock.startRealtime(10);
const cpu = watchSelf();
const t0 = performance.now();
let rssPeak = 0;
const sampler = setInterval(() => {
  peak = Math.max(peak, host.activeCalls);
  rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
}, 100);

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
async function caller(i: number): Promise<void> {
  await sleep((RAMP_MS * i) / CALLS);
  const number = numbers[i] as string;
  const channel = await sim.customerCalls(number, '1000');
  await sim.answer(channel.id);
  await host.start(`bench-${i}`, channel);
  await sleep(4000); // welcome, then into the menu prompt
  const r = rng.uniform();
  if (r < 0.5) {
    await sim.customerPressesDigits(channel.id, '1');
    await sleep(1000);
    await sim.customerPressesDigits(channel.id, '246810');
  } else if (r < 0.8) {
    await sim.customerPressesDigits(channel.id, '4');
    await sleep(1000);
    await sim.customerPressesDigits(channel.id, '1');
  } else {
    await sleep(HOLD_MS / 2);
    await sim.customerPressesDigits(channel.id, '0');
  }
  await sleep(HOLD_MS - 5000);
  if (sim.getChannel(channel.id)?.state !== 'hungup')
    await sim.remoteHangsUp(channel.id).catch(() => undefined);
}
await Promise.all(numbers.map((_, i) => caller(i)));
await sleep(500);
await host.flush();
clearInterval(sampler);
const cpuPct = cpu.stop();
const elapsed = (performance.now() - t0) / 1000;
stopClock();
const s = steps.summary(elapsed);
const logRows = await db
  .selectFrom('ivr_log')
  .select((eb) => eb.fn.countAll<string>().as('n'))
  .executeTakeFirstOrThrow();
console.log(
  `IVR capacity: ${CALLS} callers, ramp ${RAMP_MS / 1000} s, hold ${HOLD_MS / 1000} s, ${handle.kind}`,
);
console.log(`peak concurrent IVR calls: ${peak}`);
console.log(
  `steps: ${s.ok}  p50 ${s.p50.toFixed(2)} ms  p95 ${s.p95.toFixed(2)} ms  p99 ${s.p99.toFixed(2)} ms  max ${s.max.toFixed(1)} ms`,
);
for (const r of [verifies, queries]) {
  const x = r.summary(elapsed);
  console.log(
    `${r.op}: ${x.ok}  p50 ${x.p50.toFixed(1)} ms  p95 ${x.p95.toFixed(1)} ms  p99 ${x.p99.toFixed(1)} ms`,
  );
}
console.log(`machine load average (1 min): ${loadavg()[0]?.toFixed(1)} on ${cpus().length} cores`);
console.log(
  `CPU (this process): ${cpuPct.toFixed(0)}% of one core over ${elapsed.toFixed(1)} s; RSS peak ${(rssPeak / 2 ** 20).toFixed(0)} MiB`,
);
console.log(`IVR log rows: ${logRows.n}; exits: ${JSON.stringify(Object.fromEntries(exits))}`);
host.close();
await sim.shutdown();
await handle.close();
await rm(dir, { recursive: true, force: true });
