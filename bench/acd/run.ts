import { execFileSync } from 'node:child_process';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { describeMachine, watchMachine } from '../lib/process-stats.ts';
import { formatTable, ms } from '../lib/stats.ts';
import { buildCallCentre, type LoadModel, lognormalMean } from './call-centre.ts';
import { type Distribution, distribution, RoutingTracker } from './tracker.ts';

// `npm run bench:acd` (`npx tsx bench/acd/run.ts`) — the ACD under load, in-process on the
// simulated switch: N agents (auto-answer) in four skill groups, Poisson arrivals on the four
// queues' access codes, callers who hang up after their talk time or abandon after their patience. The simulated
// clock follows the wall clock (`startRealtime`); every CTI event is timestamped with
// performance.now() in the engine's `publish` callback.
//
// Reports routing latency (call and free agent both present → offer; target p99 ≤ 20 ms), the raw
// enqueue → offer wait, live/waiting calls every second, CPU and memory. Exits 0 whenever it ran.

const HELP = `Usage: npx tsx bench/acd/run.ts [options]   (npm run bench:acd -- [options])

  --seconds S       length of the measured run (default 60)
  --rate R          new calls per second, split over the four queues (default 50)
  --agents N        agents signed in, auto-answer on (default 200)
  --talk-s S        median talk time, log-normal sigma 0.25 (default 6)
  --wrap-s S        after-call work (wrap-up) per call (default 1)
  --patience-s S    median caller patience before abandoning, sigma 0.1 (default 10)
  --vip-share F     share of VIP callers (default 0.02)
  --tick-ms MS      SimClock.startRealtime tick (default 10)
  --seed N          traffic seed (default 20261122)
  --record          keep recordByDefault on (WAVs written to a temp dir; measures the disk too)
  --quiet           no per-second lines
  --json FILE       also write the results as JSON
  --help`;

const TARGET_P99_MS = 20;
const LOOP_RESOLUTION_MS = 10;

type Options = LoadModel & { seconds: number; tickMs: number; quiet: boolean; json: string | undefined };

function parseOptions(): Options | 'help' {
  const { values } = parseArgs({
    options: {
      seconds: { type: 'string' },
      rate: { type: 'string' },
      agents: { type: 'string' },
      'talk-s': { type: 'string' },
      'wrap-s': { type: 'string' },
      'patience-s': { type: 'string' },
      'vip-share': { type: 'string' },
      'tick-ms': { type: 'string' },
      seed: { type: 'string' },
      record: { type: 'boolean' },
      quiet: { type: 'boolean' },
      json: { type: 'string' },
      help: { type: 'boolean' },
    },
    strict: true,
  });
  if (values.help) return 'help';
  const num = (name: string, raw: string | undefined, fallback: number, min: number, max: number) => {
    if (raw === undefined || raw === '') return fallback;
    const n = Number(raw);
    if (!Number.isFinite(n) || n < min || n > max)
      throw new Error(`${name} must be a number in ${min}..${max}`);
    return n;
  };
  return {
    seconds: num('--seconds', values.seconds, 60, 1, 3600),
    rate: num('--rate', values.rate, 50, 0.1, 1200),
    agents: Math.round(num('--agents', values.agents, 200, 1, 5000)),
    talkMedianMs: num('--talk-s', values['talk-s'], 6, 0.1, 3600) * 1000,
    talkSigma: 0.25,
    wrapUpMs: Math.round(num('--wrap-s', values['wrap-s'], 1, 0, 3600) * 1000),
    patienceMedianMs: num('--patience-s', values['patience-s'], 10, 0.1, 3600) * 1000,
    patienceSigma: 0.1,
    vipShare: num('--vip-share', values['vip-share'], 0.02, 0, 1),
    tickMs: Math.round(num('--tick-ms', values['tick-ms'], 10, 1, 1000)),
    seed: Math.round(num('--seed', values.seed, 20261122, 0, 2 ** 31)),
    recordByDefault: values.record === true,
    quiet: values.quiet === true,
    json: values.json,
  };
}

type Sample = {
  t: number;
  live: number;
  waiting: number;
  offering: number;
  connected: number;
  agentsReady: number;
  agentsBusy: number;
  agentsWrapUp: number;
  arrivals: number;
  offers: number;
  ended: number;
  cpuPct: number;
  rssMib: number;
  heapMib: number;
  snapshotMs: number;
  simLagMs: number;
};

const MIB = 1024 * 1024;

/** The commit measured, and whether the engine's folders had uncommitted changes (others edit them). */
function engineRevision(): string {
  try {
    const git = (...args: string[]) => execFileSync('git', args, { encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    const dirty = git('status', '--porcelain', '--', 'server/src/cti', 'server/src/acd', 'server/src/switch');
    return dirty ? `${head} + uncommitted changes in server/src/{cti,acd,switch}` : head;
  } catch {
    return 'unknown (no git)';
  }
}

const sleepUntil = (at: number) =>
  new Promise<void>((resolve) => setTimeout(resolve, Math.max(0, at - performance.now())));
const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
const f0 = (x: number) => (Number.isFinite(x) ? x.toFixed(0) : '–');
const f1 = (x: number) => (Number.isFinite(x) ? x.toFixed(1) : '–');

async function main(): Promise<number> {
  const opts = parseOptions();
  if (opts === 'help') {
    console.log(HELP);
    return 0;
  }
  // Bounded: whatever happens, the process does not outlive the run by more than a minute.
  setTimeout(
    () => {
      console.error('bench/acd: did not finish in time');
      process.exit(2);
    },
    (opts.seconds + 60) * 1000,
  ).unref();
  const recordingsDir = await mkdtemp(join(tmpdir(), 'switchboard-bench-acd-'));
  try {
    return await run(opts, recordingsDir);
  } finally {
    await rm(recordingsDir, { recursive: true, force: true });
  }
}

async function run(opts: Options, recordingsDir: string): Promise<number> {
  const machine = describeMachine();
  const tracker = new RoutingTracker();
  const centre = await buildCallCentre(opts, recordingsDir, (event) => tracker.on(event, performance.now()));
  const { clock, engine, traffic } = centre;

  const talkMeanS = lognormalMean(opts.talkMedianMs, opts.talkSigma) / 1000;
  const serviceRate = opts.agents / (talkMeanS + opts.wrapUpMs / 1000);
  const expectWaiting = serviceRate < opts.rate ? opts.rate * (opts.patienceMedianMs / 1000) : Number.NaN;
  const command = `npx tsx bench/acd/run.ts ${process.argv.slice(2).join(' ')}`.trim();
  console.log(`bench/acd — ${new Date().toISOString()}`);
  const revision = engineRevision();
  console.log(`command: ${command}`);
  console.log(`engine: ${revision}`);
  console.log(
    `machine: ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGib.toFixed(1)} GiB, node ${machine.node}, ${machine.os}`,
  );
  console.log(
    `load: ${opts.agents} agents (auto-answer), ${opts.rate} calls/s Poisson over ${centre.profile.accessCodes.length} access codes, ` +
      `talk median ${opts.talkMedianMs / 1000} s (mean ${talkMeanS.toFixed(2)} s), wrap-up ${opts.wrapUpMs / 1000} s, ` +
      `patience median ${opts.patienceMedianMs / 1000} s, VIP ${(opts.vipShare * 100).toFixed(0)} %, ` +
      `recording ${opts.recordByDefault ? 'ON' : 'off'}, ${opts.seconds} s`,
  );
  console.log(
    `model: agents serve ≤ ${serviceRate.toFixed(1)} calls/s; ` +
      (Number.isFinite(expectWaiting)
        ? `the rest abandon, so ~${f0(expectWaiting)} wait and ~${f0(expectWaiting + serviceRate * talkMeanS)} calls are live at steady state`
        : 'agents keep up: no standing queue'),
  );

  // ---- run
  const loopDelay = monitorEventLoopDelay({ resolution: LOOP_RESOLUTION_MS });
  const samples: Sample[] = [];
  const machineCpu = watchMachine();
  const cpuStart = process.cpuUsage();
  let cpuPrev = cpuStart;
  const t0 = performance.now();
  const sim0 = clock.now().getTime();
  let prev = { started: 0, offered: 0, ended: 0, at: t0 };
  loopDelay.enable();
  tracker.recording = true;
  const stopClock = clock.startRealtime(opts.tickMs, (error) =>
    console.error('sim clock timer failed:', error),
  );
  traffic.start();
  if (!opts.quiet)
    console.log(
      '\n   t   live  waiting  offering  talking  agents ready/busy/wrap  calls in/offered/ended per s',
    );

  for (let s = 1; s <= opts.seconds; s++) {
    await sleepUntil(t0 + s * 1000);
    const at = performance.now();
    const s0 = performance.now();
    const snap = engine.snapshot();
    const snapshotMs = performance.now() - s0;
    const cpu = process.cpuUsage();
    const cpuMs = (cpu.user - cpuPrev.user + cpu.system - cpuPrev.system) / 1000;
    cpuPrev = cpu;
    const mem = process.memoryUsage();
    const c = tracker.counts;
    const dt = (at - prev.at) / 1000;
    const sample: Sample = {
      t: s,
      live: snap.calls.length,
      waiting: snap.queues.reduce((a, q) => a + q.waiting, 0),
      offering: snap.calls.filter((x) => x.phase === 'offering').length,
      connected: snap.calls.filter((x) => x.phase === 'connected').length,
      agentsReady: snap.countsByState.ready,
      agentsBusy: snap.countsByState.ringing + snap.countsByState.talking + snap.countsByState.hold,
      agentsWrapUp: snap.countsByState.after_call_work,
      arrivals: (c.started - prev.started) / dt,
      offers: (c.offered - prev.offered) / dt,
      ended: (c.ended - prev.ended) / dt,
      cpuPct: (cpuMs / (at - prev.at)) * 100,
      rssMib: mem.rss / MIB,
      heapMib: mem.heapUsed / MIB,
      snapshotMs,
      simLagMs: at - t0 - (clock.now().getTime() - sim0),
    };
    prev = { started: c.started, offered: c.offered, ended: c.ended, at };
    samples.push(sample);
    if (!opts.quiet) {
      console.log(
        `${String(s).padStart(4)}  ${String(sample.live).padStart(5)}  ${String(sample.waiting).padStart(7)}  ` +
          `${String(sample.offering).padStart(8)}  ${String(sample.connected).padStart(7)}  ` +
          `${`${sample.agentsReady}/${sample.agentsBusy}/${sample.agentsWrapUp}`.padStart(22)}  ` +
          `${`${f0(sample.arrivals)}/${f0(sample.offers)}/${f0(sample.ended)}`.padStart(28)}`,
      );
    }
  }

  // ---- stop: arrivals end, measuring ends, the figures are taken before teardown
  traffic.stop();
  tracker.recording = false;
  const elapsedS = (performance.now() - t0) / 1000;
  const cpuTotal = process.cpuUsage(cpuStart);
  const machinePct = machineCpu.stop();
  loopDelay.disable();
  const memEnd = process.memoryUsage();
  const stats = traffic.stats();
  stopClock();
  traffic.dispose();
  await engine.settled();
  engine.stop();

  // ---- report
  const routing = distribution(tracker.routingMs);
  const freed = distribution(tracker.routingByTrigger.agent_freed);
  const arrived = distribution(tracker.routingByTrigger.call_arrived);
  const wait = distribution(tracker.waitMs);
  const steady = samples.filter((x) => x.t > opts.seconds / 2);
  const cpuPct = ((cpuTotal.user + cpuTotal.system) / 1000 / (elapsedS * 1000)) * 100;
  const otherPct = machinePct === undefined ? undefined : Math.max(0, machinePct - cpuPct);
  const peak = (pick: (x: Sample) => number) => Math.max(...samples.map(pick));
  const met = routing.count > 0 && routing.p99 <= TARGET_P99_MS;
  const distRow = (name: string, d: Distribution) => [
    name,
    String(d.count),
    ms(d.p50),
    ms(d.p95),
    ms(d.p99),
    ms(d.max),
    ms(d.mean),
  ];

  console.log('\nRouting latency (ms, wall clock): offer − max(call queued, agent ready)');
  console.log(
    formatTable(
      ['', 'offers', 'p50', 'p95', 'p99', 'max', 'mean'],
      [
        distRow('all offers', routing),
        distRow('  agent freed, call waiting', freed),
        distRow('  call arrived, agent free', arrived),
        distRow('enqueue → offer (incl. waiting)', wait),
      ],
    ),
  );
  const endedCauses = [...tracker.endedByCause].map(([k, v]) => `${k} ${v}`).join(', ');
  console.log('\nCounts');
  console.log(
    `  calls placed ${stats.placed} (${f1(stats.placed / elapsedS)}/s), queued ${tracker.counts.queued}, ` +
      `offered ${tracker.counts.offered} (${f1(tracker.counts.offered / elapsedS)}/s), offer failed ${tracker.counts.offerFailed}, ` +
      `answered ${tracker.counts.answered}, queue announcements ${tracker.counts.announcements}`,
  );
  console.log(`  ended ${tracker.counts.ended} (${f1(tracker.counts.ended / elapsedS)}/s): ${endedCauses}`);
  console.log(
    `  traffic: answered ${stats.answeredByAgent}, completed ${stats.completed}, abandoned ${stats.abandoned}, ` +
      `ended by switch ${stats.endedBySwitch}, in progress at stop ${stats.inProgress}`,
  );
  console.log(`  CTI events published ${tracker.counts.events} (${f0(tracker.counts.events / elapsedS)}/s)`);
  console.log(`\nConcurrency (sampled every second; steady = second half, t > ${opts.seconds / 2} s)`);
  console.log(
    formatTable(
      ['', 'steady mean', 'steady min', 'steady max', 'peak'],
      [
        [
          'live calls',
          f0(mean(steady.map((x) => x.live))),
          f0(Math.min(...steady.map((x) => x.live))),
          f0(Math.max(...steady.map((x) => x.live))),
          f0(peak((x) => x.live)),
        ],
        [
          'waiting',
          f0(mean(steady.map((x) => x.waiting))),
          f0(Math.min(...steady.map((x) => x.waiting))),
          f0(Math.max(...steady.map((x) => x.waiting))),
          f0(peak((x) => x.waiting)),
        ],
        [
          'talking',
          f0(mean(steady.map((x) => x.connected))),
          f0(Math.min(...steady.map((x) => x.connected))),
          f0(Math.max(...steady.map((x) => x.connected))),
          f0(peak((x) => x.connected)),
        ],
        [
          'offers/s',
          f1(mean(steady.map((x) => x.offers))),
          f1(Math.min(...steady.map((x) => x.offers))),
          f1(Math.max(...steady.map((x) => x.offers))),
          f1(peak((x) => x.offers)),
        ],
      ],
    ),
  );
  // The histogram's samples are whole timer periods: the delay is what exceeds the resolution.
  const ld = (v: number) => f1(Math.max(0, v / 1e6 - LOOP_RESOLUTION_MS));
  console.log('\nProcess (bench + engine + simulated switch, one process)');
  console.log(
    `  CPU ${f0(cpuPct)} % of one core on average (user ${f1(cpuTotal.user / 1e6)} s, system ${f1(cpuTotal.system / 1e6)} s ` +
      `over ${f1(elapsedS)} s), peak 1-s ${f0(peak((x) => x.cpuPct))} %` +
      (otherPct === undefined ? '' : `; other processes on the machine ${f0(otherPct)} %`),
  );
  console.log(
    `  memory: rss ${f0(memEnd.rss / MIB)} MiB at end, peak ${f0(peak((x) => x.rssMib))} MiB; ` +
      `heapUsed ${f0(memEnd.heapUsed / MIB)} MiB at end, peak ${f0(peak((x) => x.heapMib))} MiB`,
  );
  console.log(
    `  event-loop delay p50 ${ld(loopDelay.percentile(50))} ms, p99 ${ld(loopDelay.percentile(99))} ms, ` +
      `max ${ld(loopDelay.max)} ms; sim clock behind wall by ≤ ${f0(peak((x) => x.simLagMs))} ms`,
  );
  console.log(
    `  engine.snapshot() (the wall's picture) ${f1(mean(samples.map((x) => x.snapshotMs)))} ms mean, ` +
      `${f1(peak((x) => x.snapshotMs))} ms max`,
  );
  console.log(
    `\nTarget routing p99 ≤ ${TARGET_P99_MS} ms: ${met ? 'MET' : 'NOT MET'} (p99 ${ms(routing.p99)} ms over ${routing.count} offers)`,
  );

  if (opts.json) {
    await mkdir(dirname(opts.json), { recursive: true });
    const result = {
      date: new Date().toISOString(),
      command,
      revision,
      machine,
      options: opts,
      elapsedS,
      routing,
      routingAgentFreed: freed,
      routingCallArrived: arrived,
      wait,
      counts: tracker.counts,
      endedByCause: Object.fromEntries(tracker.endedByCause),
      traffic: stats,
      cpu: { avgPct: cpuPct, userS: cpuTotal.user / 1e6, systemS: cpuTotal.system / 1e6, otherPct },
      memory: { rssEndMib: memEnd.rss / MIB, heapEndMib: memEnd.heapUsed / MIB },
      eventLoopDelayMs: {
        p50: loopDelay.percentile(50) / 1e6 - LOOP_RESOLUTION_MS,
        p99: loopDelay.percentile(99) / 1e6 - LOOP_RESOLUTION_MS,
        max: loopDelay.max / 1e6 - LOOP_RESOLUTION_MS,
      },
      samples,
      targetP99Ms: TARGET_P99_MS,
      targetMet: met,
    };
    await writeFile(opts.json, `${JSON.stringify(result, null, 2)}\n`);
    console.log(`results written to ${opts.json}`);
  }
  return 0;
}

// Until main() returns the run has not happened: an early exit (nothing left to wait on) is a failure.
process.exitCode = 1;
main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  },
);
