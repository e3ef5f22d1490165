import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { cpus, release, totalmem, type } from 'node:os';

// Cheap server-process figures from /proc (Linux): CPU time and resident memory, sampled once a
// second. Elsewhere every figure is reported as unavailable rather than guessed.

type Sample = { at: number; cpuMs: number; rssKib: number };

export type ProcessUsage = {
  /** Average CPU over the window, in % of one core (200 % = both cores of a 2-core machine). */
  cpuAvgPct: number;
  /** Highest 1-s CPU sample in the window, % of one core (the average when the window is shorter). */
  cpuPeakPct: number;
  rssEndMib: number;
  rssPeakMib: number;
};

const CLOCK_TICKS = clockTicks();

function clockTicks(): number {
  try {
    const n = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim());
    return Number.isFinite(n) && n > 0 ? n : 100;
  } catch {
    return 100;
  }
}

function sample(pid: number): Sample | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after "(comm) ": state is field 3, utime 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    const ticks = Number(fields[11]) + Number(fields[12]);
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const rss = /VmRSS:\s+(\d+)/.exec(status)?.[1];
    if (!Number.isFinite(ticks) || rss === undefined) return undefined;
    return { at: performance.now(), cpuMs: (ticks * 1000) / CLOCK_TICKS, rssKib: Number(rss) };
  } catch {
    return undefined;
  }
}

/** Samples `pid` every second until `stop()`, which returns the figures for that window. */
export function watchProcess(pid: number | undefined): { stop(): ProcessUsage | undefined } {
  if (pid === undefined) return { stop: () => undefined };
  const first = sample(pid);
  if (!first) return { stop: () => undefined };
  let prev = first;
  let cpuPeakPct: number | undefined;
  let rssPeakKib = first.rssKib;
  const take = () => {
    const s = sample(pid);
    if (!s) return undefined;
    const dt = s.at - prev.at;
    if (dt >= 500) {
      cpuPeakPct = Math.max(cpuPeakPct ?? 0, ((s.cpuMs - prev.cpuMs) / dt) * 100);
      prev = s;
    }
    rssPeakKib = Math.max(rssPeakKib, s.rssKib);
    return s;
  };
  const timer = setInterval(take, 1000);
  timer.unref();
  return {
    stop() {
      clearInterval(timer);
      const last = take();
      if (!last) return undefined;
      const wall = last.at - first.at;
      const cpuAvgPct = wall > 0 ? ((last.cpuMs - first.cpuMs) / wall) * 100 : 0;
      return {
        cpuAvgPct,
        // A window shorter than one sample has no separate peak.
        cpuPeakPct: cpuPeakPct ?? cpuAvgPct,
        rssEndMib: last.rssKib / 1024,
        rssPeakMib: rssPeakKib / 1024,
      };
    },
  };
}

function machineTicks(): { busy: number; total: number } | undefined {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0] ?? '';
    const n = line.trim().split(/\s+/).slice(1).map(Number);
    // user nice system idle iowait irq softirq steal (guest time is already inside user)
    const total = n.slice(0, 8).reduce((a, b) => a + b, 0);
    const idle = (n[3] ?? 0) + (n[4] ?? 0);
    return Number.isFinite(total) && total > 0 ? { busy: total - idle, total } : undefined;
  } catch {
    return undefined;
  }
}

/** CPU used by the whole machine over a window, % of one core (all processes, this bench included). */
export function watchMachine(): { stop(): number | undefined } {
  const first = machineTicks();
  return {
    stop() {
      const last = machineTicks();
      if (!first || !last || last.total === first.total) return undefined;
      return ((last.busy - first.busy) / (last.total - first.total)) * cpus().length * 100;
    },
  };
}

/** CPU used by this (the bench) process over a window, % of one core. */
export function watchSelf(): { stop(): number } {
  const start = process.cpuUsage();
  const t0 = performance.now();
  return {
    stop() {
      const d = process.cpuUsage(start);
      const wall = performance.now() - t0;
      return wall > 0 ? ((d.user + d.system) / 1000 / wall) * 100 : 0;
    },
  };
}

export type Machine = { cpu: string; cores: number; memoryGib: number; node: string; os: string };

export function describeMachine(): Machine {
  let os = `${type()} ${release()}`;
  try {
    const pretty = /^PRETTY_NAME="?([^"\n]*)"?/m.exec(readFileSync('/etc/os-release', 'utf8'))?.[1];
    if (pretty) os = `${pretty} (${type()} ${release()})`;
  } catch {
    // not Linux, or no os-release
  }
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'unknown',
    cores: list.length,
    memoryGib: totalmem() / 1024 ** 3,
    node: process.version,
    os,
  };
}
