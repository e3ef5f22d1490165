// Follow-up dates and calling hours are in China time (UTC+8, no daylight saving): a rule's
// "N days after the service date" and a campaign's 09:00–20:00 mean the customer's clock.
const CHINA_OFFSET_MS = 8 * 3_600_000;
const DAY_MS = 86_400_000;

/** The calendar day (YYYY-MM-DD) in China at this instant. */
export function localDateOf(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * DAY_MS).toISOString().slice(0, 10);
}

/** The instant a China-time day starts. */
export function startOfLocalDay(date: string): Date {
  return new Date(Date.parse(`${date}T00:00:00Z`) - CHINA_OFFSET_MS);
}

/** HH:MM in China at this instant. */
export function localTimeOf(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(11, 16);
}

/** Whether a call may be placed now: from `callFrom` inclusive to `callTo` exclusive. */
export function withinCallingHours(at: Date, callFrom: string, callTo: string): boolean {
  const t = localTimeOf(at);
  return t >= callFrom && t < callTo;
}

export type LogPeriod = 'day' | 'week' | 'month';

/** The China-time day, ISO week (from Monday) or calendar month holding `date`. */
export function periodRange(period: LogPeriod, date: string): { from: Date; to: Date } {
  if (period === 'day') return { from: startOfLocalDay(date), to: startOfLocalDay(addDays(date, 1)) };
  if (period === 'week') {
    const weekday = (new Date(`${date}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = addDays(date, -weekday);
    return { from: startOfLocalDay(monday), to: startOfLocalDay(addDays(monday, 7)) };
  }
  const first = `${date.slice(0, 7)}-01`;
  const d = new Date(`${first}T00:00:00Z`);
  const next = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 1)).toISOString().slice(0, 10);
  return { from: startOfLocalDay(first), to: startOfLocalDay(next) };
}
