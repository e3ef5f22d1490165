// Retry delay after the n-th failed attempt: exponential from 5 s, capped at 30 min, with "full
// jitter" in [50 %, 100 %] so many jobs failing together (a gateway outage) do not retry in step.
export const BACKOFF = { baseMs: 5_000, maxMs: 30 * 60_000 } as const;

export function retryDelayMs(attempt: number, random: () => number = Math.random): number {
  const exponential = Math.min(BACKOFF.maxMs, BACKOFF.baseMs * 2 ** Math.max(0, attempt - 1));
  return Math.round(exponential * (0.5 + random() / 2));
}
