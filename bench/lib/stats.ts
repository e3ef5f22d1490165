// Latency recording for one kind of request: every successful latency is kept (a 30-s run is at most
// some tens of thousands of numbers), failures are counted by label. Percentiles are nearest-rank.

export type OpSummary = {
  op: string;
  ok: number;
  errors: number;
  errorsByLabel: Record<string, number>;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
};

export class OpRecorder {
  readonly latencies: number[] = [];
  readonly errors = new Map<string, number>();

  constructor(readonly op: string) {}

  ok(ms: number): void {
    this.latencies.push(ms);
  }

  fail(label: string): void {
    this.errors.set(label, (this.errors.get(label) ?? 0) + 1);
  }

  summary(elapsedSeconds: number): OpSummary {
    const sorted = Float64Array.from(this.latencies).sort();
    const errorsByLabel = Object.fromEntries([...this.errors].sort(([a], [b]) => a.localeCompare(b)));
    const errors = [...this.errors.values()].reduce((a, b) => a + b, 0);
    const sum = sorted.reduce((a, b) => a + b, 0);
    return {
      op: this.op,
      ok: sorted.length,
      errors,
      errorsByLabel,
      perSecond: elapsedSeconds > 0 ? sorted.length / elapsedSeconds : 0,
      p50: percentile(sorted, 50),
      p95: percentile(sorted, 95),
      p99: percentile(sorted, 99),
      max: sorted.length ? (sorted[sorted.length - 1] ?? 0) : 0,
      mean: sorted.length ? sum / sorted.length : 0,
    };
  }
}

export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[Math.min(rank, sorted.length) - 1] ?? Number.NaN;
}

export function median(values: number[]): number {
  return percentile(Float64Array.from(values).sort(), 50);
}

/** Left-aligned first column, right-aligned others. */
export function formatTable(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells.map((c, i) => (i === 0 ? c.padEnd(widths[i] ?? 0) : c.padStart(widths[i] ?? 0))).join('  ');
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

export function ms(value: number): string {
  if (Number.isNaN(value)) return '–';
  return value >= 100 ? value.toFixed(0) : value.toFixed(1);
}
