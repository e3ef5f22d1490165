// Number-to-speech for readout nodes (报读节点): a figure becomes a list of prompt files,
// Chinese style (一千二百零五元三角). Prompts: num/0..num/9, num/10 (十), num/100 (百),
// num/1000 (千), num/10000 (万), num/100000000 (亿), num/point, unit/yuan, unit/jiao, unit/fen.

const UNITS = [1000, 100, 10] as const;

function below10000(n: number, out: string[], leadingZero: boolean): void {
  let zero = leadingZero;
  let rest = n;
  const start = out.length;
  for (const unit of UNITS) {
    const d = Math.floor(rest / unit);
    rest %= unit;
    if (d === 0) {
      if (out.length > start || leadingZero) zero = true;
      continue;
    }
    if (zero && out.length > 0) out.push('num/0');
    zero = false;
    // 十二 rather than 一十二 at the very start
    if (!(unit === 10 && d === 1 && out.length === 0)) out.push(`num/${d}`);
    out.push(`num/${unit}`);
  }
  if (rest > 0) {
    if (zero && out.length > 0) out.push('num/0');
    out.push(`num/${rest}`);
  }
}

/** A non-negative integer read out, e.g. 1205 → 一千二百零五. */
export function sayInteger(value: number): string[] {
  const n = Math.floor(Math.abs(value));
  if (n === 0) return ['num/0'];
  const out: string[] = [];
  const yi = Math.floor(n / 100_000_000);
  const wan = Math.floor((n % 100_000_000) / 10_000);
  const low = n % 10_000;
  if (yi > 0) {
    below10000(yi, out, false);
    out.push('num/100000000');
  }
  if (wan > 0) {
    below10000(wan, out, yi > 0 && wan < 1000);
    out.push('num/10000');
  } else if (yi > 0 && low > 0) out.push('num/0');
  if (low > 0) below10000(low, out, wan > 0 && low < 1000);
  return out;
}

/** An amount in yuan read out with 元角分, e.g. 86.5 → 八十六元五角. */
export function sayAmount(value: number): string[] {
  const fen = Math.round(Math.abs(value) * 100);
  const yuan = Math.floor(fen / 100);
  const jiao = Math.floor((fen % 100) / 10);
  const f = fen % 10;
  const out = [...sayInteger(yuan), 'unit/yuan'];
  if (jiao > 0) out.push(`num/${jiao}`, 'unit/jiao');
  if (f > 0) {
    if (jiao === 0) out.push('num/0');
    out.push(`num/${f}`, 'unit/fen');
  }
  return value < 0 ? ['num/minus', ...out] : out;
}

/** Digit by digit, e.g. an order number. */
export function sayDigits(value: string): string[] {
  return [...value].filter((c) => /[0-9]/.test(c)).map((c) => `num/${c}`);
}

export function sayValue(value: string, format: 'amount' | 'number' | 'digits'): string[] {
  if (format === 'digits') return sayDigits(value);
  const n = Number(value);
  if (!Number.isFinite(n)) return [];
  if (format === 'amount') return sayAmount(n);
  const whole = sayInteger(n);
  const frac = String(value).split('.')[1];
  return [...(n < 0 ? ['num/minus'] : []), ...whole, ...(frac ? ['num/point', ...sayDigits(frac)] : [])];
}
