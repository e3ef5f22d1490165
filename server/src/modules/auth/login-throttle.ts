// Decides whether a login attempt may proceed, from the failures the login log already holds.
// Per account: at most `maxAccount` failures in any sliding hour (then locked until the oldest
// leaves the window) and, from the 3rd failure on, a growing pause between attempts.
// Per IP: at most `maxIp` failures in any sliding hour.
export type ThrottleInput = {
  now: Date;
  /** Failed logins of this account in the last hour since its last success, oldest first. */
  accountFailures: Date[];
  /** Failed logins from this IP in the last hour, oldest first. */
  ipFailures: Date[];
  maxAccount: number;
  maxIp: number;
};

export type ThrottleDecision =
  | { allowed: true }
  | {
      allowed: false;
      reason: 'account_locked' | 'account_backoff' | 'ip_throttled';
      retryAfterSeconds: number;
    };

export const THROTTLE_WINDOW_MS = 3_600_000;
const BACKOFF_FROM_FAILURE = 3;
const MAX_BACKOFF_SECONDS = 300;

export function decideLoginAttempt(input: ThrottleInput): ThrottleDecision {
  const now = input.now.getTime();
  const ipLock = windowLock(input.ipFailures, input.maxIp, now);
  if (ipLock > 0) return { allowed: false, reason: 'ip_throttled', retryAfterSeconds: ipLock };
  const accountLock = windowLock(input.accountFailures, input.maxAccount, now);
  if (accountLock > 0) return { allowed: false, reason: 'account_locked', retryAfterSeconds: accountLock };
  const n = input.accountFailures.length;
  const last = input.accountFailures.at(-1);
  if (n >= BACKOFF_FROM_FAILURE && last) {
    const pauseMs = Math.min(2 ** (n - BACKOFF_FROM_FAILURE), MAX_BACKOFF_SECONDS) * 1000;
    const waitMs = last.getTime() + pauseMs - now;
    if (waitMs > 0)
      return { allowed: false, reason: 'account_backoff', retryAfterSeconds: Math.ceil(waitMs / 1000) };
  }
  return { allowed: true };
}

/** Seconds until fewer than `max` failures remain in the window (0 when already so). */
function windowLock(failures: Date[], max: number, now: number): number {
  const inWindow = failures.filter((f) => now - f.getTime() < THROTTLE_WINDOW_MS);
  if (inWindow.length < max) return 0;
  const oldestThatMustLeave = inWindow[inWindow.length - max];
  if (!oldestThatMustLeave) return 0;
  return Math.max(1, Math.ceil((oldestThatMustLeave.getTime() + THROTTLE_WINDOW_MS - now) / 1000));
}
