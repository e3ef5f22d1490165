import type { Machine, ProcessUsage } from '../lib/process-stats.ts';
import { formatTable, ms } from '../lib/stats.ts';

export const TARGET_P99_MS = 50;
export const TARGET_RESYNC_S = 5;
// Other work on the machine above this (% of one core) makes a run's figures unreliable.
export const OTHER_CPU_WARN_PCT = 15;

export function isDisturbed(s: SteadyResult): boolean {
  return s.otherCpuPct !== undefined && s.otherCpuPct > OTHER_CPU_WARN_PCT;
}

export type SteadyResult = {
  windowEvents: number;
  expectedDeliveries: number;
  delivered: number;
  missing: number;
  duplicated: number;
  clientsShort: number;
  gaps: number;
  closes: number;
  latencyMs: { p50: number; p90: number; p99: number; max: number };
  publisher: {
    lateP99Ms: number;
    lateMaxMs: number;
    fanOutP50Ms: number;
    fanOutP99Ms: number;
    fanOutMaxMs: number;
  };
  server: ProcessUsage | undefined;
  benchCpuPct: number;
  machineCpuPct: number | undefined;
  otherCpuPct: number | undefined;
};

export type WsBenchResult = {
  date: string;
  command: string;
  machine: Machine;
  clients: number;
  rate: number;
  connectS: number;
  /** Steady windows measured (more than one when other processes disturbed the first); the least disturbed is kept. */
  attempts: number;
  steady: SteadyResult;
  restart: {
    listeningS: number;
    processStartS: number;
    /** Kill → this share of clients holding a snapshot of the new server. */
    resyncP50S: number | undefined;
    resyncP99S: number | undefined;
    resyncAllS: number | undefined;
    resynced: number;
    snapshots: number;
    replays: number;
    refusedAttempts: number;
    afterRestart: { delivered: number; gaps: number };
  };
};

const pct = (v: number | undefined) => (v === undefined ? 'n/a' : `${v.toFixed(0)} %`);
const secs = (v: number | undefined) => (v === undefined ? '–' : `${v.toFixed(2)} s`);

export function latencyMeetsTarget(r: WsBenchResult): boolean {
  const s = r.steady;
  return s.latencyMs.p99 <= TARGET_P99_MS && s.gaps === 0 && s.missing === 0 && s.duplicated === 0;
}

export function resyncMeetsTarget(r: WsBenchResult): boolean {
  return r.restart.resyncAllS !== undefined && r.restart.resyncAllS <= TARGET_RESYNC_S;
}

export function printResult(r: WsBenchResult): void {
  const s = r.steady;
  const t = r.restart;
  const l = s.latencyMs;
  const rows = [
    ['events in the measured window', String(s.windowEvents)],
    ['deliveries expected / delivered', `${s.expectedDeliveries} / ${s.delivered}`],
    ['missing / duplicated (clients short)', `${s.missing} / ${s.duplicated} (${s.clientsShort})`],
    ['sequence gaps (prev chain broken)', String(s.gaps)],
    ['connections closed in the window', String(s.closes)],
    [
      'delivery latency p50 / p90 / p99 / max',
      `${ms(l.p50)} / ${ms(l.p90)} / ${ms(l.p99)} / ${ms(l.max)} ms`,
    ],
    [
      'publish → sent to all (fan-out) p50 / p99 / max',
      `${ms(s.publisher.fanOutP50Ms)} / ${ms(s.publisher.fanOutP99Ms)} / ${ms(s.publisher.fanOutMaxMs)} ms`,
    ],
    ['publisher timer lateness p99 / max', `${ms(s.publisher.lateP99Ms)} / ${ms(s.publisher.lateMaxMs)} ms`],
    [
      'server CPU avg / peak (% of one core)',
      s.server ? `${pct(s.server.cpuAvgPct)} / ${pct(s.server.cpuPeakPct)}` : 'n/a',
    ],
    ['server RSS peak', s.server ? `${s.server.rssPeakMib.toFixed(0)} MiB` : 'n/a'],
    ['bench clients CPU avg (% of one core)', pct(s.benchCpuPct)],
    ['other processes on the machine (% of one core)', pct(s.otherCpuPct)],
    [
      'restart: kill → new server listening',
      `${secs(t.listeningS)} (process start ${secs(t.processStartS)})`,
    ],
    [
      'restart: kill → 50 % / 99 % / all clients re-synced',
      `${secs(t.resyncP50S)} / ${secs(t.resyncP99S)} / ${t.resyncAllS === undefined ? `not within 30 s (${t.resynced}/${r.clients})` : secs(t.resyncAllS)}`,
    ],
    [
      'restart: snapshots / replays / refused attempts',
      `${t.snapshots} / ${t.replays} / ${t.refusedAttempts}`,
    ],
    ['after restart (3 s): delivered / gaps', `${t.afterRestart.delivered} / ${t.afterRestart.gaps}`],
  ];
  console.log(`\n${formatTable(['figure', 'value'], rows)}`);
  if (r.attempts > 1) console.log(`(least disturbed of ${r.attempts} measured windows)`);
  if (isDisturbed(s)) {
    console.log(
      'WARNING: other processes were busy on the machine during the window; figures are disturbed.',
    );
  }
  console.log(
    `\nlive events: p99 ${ms(l.p99)} ms, ${s.gaps} gaps, ${s.missing} missing — ${latencyMeetsTarget(r) ? 'MEETS' : 'MISSES'} the target (p99 ≤ ${TARGET_P99_MS} ms, zero gaps)`,
  );
  console.log(
    `re-sync after restart: ${secs(t.resyncAllS)} — ${resyncMeetsTarget(r) ? 'MEETS' : 'MISSES'} the target (≤ ${TARGET_RESYNC_S} s)`,
  );
}
