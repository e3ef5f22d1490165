import { readFile } from 'node:fs/promises';
import type { OpSummary } from '../lib/stats.ts';
import { ms } from '../lib/stats.ts';

// `npx tsx bench/login/report.ts bench/results/login-*.json` — turns the JSON written by
// `npm run bench:login -- --json FILE` into the Markdown tables of docs/performance.md.

type Result = {
  name: string;
  ops: OpSummary[];
  allSignedInS?: number;
  signIn?: { users: number; p50: number; p95: number; max: number };
  server?: { cpuAvgPct: number; cpuPeakPct: number; rssPeakMib: number };
  otherCpuPct?: number;
  attempts: number;
};
type RunFile = {
  date: string;
  command: string;
  calibration: {
    memoryKib: number;
    timeCost: number;
    singleMs: number;
    maxPerSecond: number;
    threadpool: number;
    otherCpuPct?: number;
  };
  results: Result[];
  targetMet: boolean;
};

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: tsx bench/login/report.ts RESULT.json…');
  process.exit(2);
}
const runs: RunFile[] = [];
for (const f of files) runs.push(JSON.parse(await readFile(f, 'utf8')) as RunFile);

const cost = (r: RunFile) => `${r.calibration.memoryKib} KiB, t=${r.calibration.timeCost}`;
const errs = (o: OpSummary | undefined) =>
  !o || o.errors === 0
    ? '0'
    : `${o.errors} (${Object.entries(o.errorsByLabel)
        .map(([k, v]) => `${k} ${v}`)
        .join(', ')})`;
const row = (cells: string[]) => `| ${cells.join(' | ')} |`;
const signedIn = (s: Result) => {
  const all = s.allSignedInS === undefined ? 'not all' : `${s.allSignedInS.toFixed(2)} s`;
  // In burst and stress every user starts at once, so the per-user spread is meaningful.
  if (!s.signIn || s.name === 'steady') return all;
  return `p50 ${s.signIn.p50.toFixed(2)} s, all ${all}`;
};

console.log(
  row(['argon2id cost', 'one verify (ms, idle)', 'verifies/s, all cores', 'other processes CPU', 'run date']),
);
console.log(row(['---', '---:', '---:', '---:', '---']));
for (const r of runs) {
  const c = r.calibration;
  const other = c.otherCpuPct === undefined ? 'n/a' : `${c.otherCpuPct.toFixed(0)} %`;
  console.log(row([cost(r), c.singleMs.toFixed(1), c.maxPerSecond.toFixed(0), other, r.date]));
}

console.log('');
console.log(
  row([
    'argon2id cost',
    'scenario',
    'login p50 / p95 / p99 / max (ms)',
    'logins/s',
    '`me` p50 / p95 / p99 (ms)',
    '`me`/s',
    'errors',
    'users signed in after',
    'server CPU avg / peak (% of 1 core)',
    'server RSS peak',
    'other processes CPU',
  ]),
);
console.log(row(['---', '---', '---:', '---:', '---:', '---:', '---', '---:', '---:', '---:', '---:']));
for (const r of runs) {
  for (const s of r.results) {
    const login = s.ops.find((o) => o.op === 'login');
    const me = s.ops.find((o) => o.op === 'me');
    const all = s.ops.filter((o) => o.op === 'login' || o.op === 'me' || o.op === 'logout');
    const errorCount = all.reduce((a, o) => a + o.errors, 0);
    const errorText =
      errorCount === 0 ? '0' : all.map((o) => (o.errors ? `${o.op}: ${errs(o)}` : '')).join(' ');
    console.log(
      row([
        cost(r),
        s.name,
        login ? `${ms(login.p50)} / **${ms(login.p95)}** / ${ms(login.p99)} / ${ms(login.max)}` : '–',
        login ? login.perSecond.toFixed(1) : '–',
        me ? `${ms(me.p50)} / ${ms(me.p95)} / ${ms(me.p99)}` : '–',
        me ? me.perSecond.toFixed(1) : '–',
        errorText.trim(),
        signedIn(s),
        s.server ? `${s.server.cpuAvgPct.toFixed(0)} / ${s.server.cpuPeakPct.toFixed(0)}` : 'n/a',
        s.server ? `${s.server.rssPeakMib.toFixed(0)} MiB` : 'n/a',
        s.otherCpuPct === undefined ? 'n/a' : `${s.otherCpuPct.toFixed(0)} %`,
      ]),
    );
  }
}
