import { describe, expect, it } from 'vitest';
import { decideLoginAttempt } from './login-throttle.ts';

const now = new Date('2026-03-01T10:00:00Z');
const minutesAgo = (m: number) => new Date(now.getTime() - m * 60_000);
const limits = { maxAccount: 10, maxIp: 100 };

describe('login throttle (PLAT-2 lockout and backoff)', () => {
  it('allows an account with two recent failures at once', () => {
    expect(
      decideLoginAttempt({
        now,
        accountFailures: [minutesAgo(1), minutesAgo(0.1)],
        ipFailures: [],
        ...limits,
      }),
    ).toEqual({
      allowed: true,
    });
  });

  it('makes the third failure wait one second, and later failures wait longer', () => {
    const three = [minutesAgo(3), minutesAgo(2), new Date(now.getTime() - 500)];
    expect(decideLoginAttempt({ now, accountFailures: three, ipFailures: [], ...limits })).toMatchObject({
      allowed: false,
      reason: 'account_backoff',
      retryAfterSeconds: 1,
    });
    const six = [
      ...three.slice(0, 2),
      minutesAgo(1.5),
      minutesAgo(1.2),
      minutesAgo(1.1),
      new Date(now.getTime() - 1000),
    ];
    const decision = decideLoginAttempt({ now, accountFailures: six, ipFailures: [], ...limits });
    expect(decision).toMatchObject({ allowed: false, reason: 'account_backoff', retryAfterSeconds: 7 });
  });

  it('locks an account after 10 failures within an hour until the oldest leaves the window', () => {
    const ten = Array.from({ length: 10 }, (_, i) => minutesAgo(50 - i * 5));
    const decision = decideLoginAttempt({ now, accountFailures: ten, ipFailures: [], ...limits });
    expect(decision).toEqual({ allowed: false, reason: 'account_locked', retryAfterSeconds: 10 * 60 });
  });

  it('ignores failures older than an hour', () => {
    const old = Array.from({ length: 10 }, (_, i) => minutesAgo(120 + i));
    expect(decideLoginAttempt({ now, accountFailures: old, ipFailures: [], ...limits }).allowed).toBe(true);
  });

  it('throttles an IP that failed too often, whatever account it tries', () => {
    const ipFailures = Array.from({ length: 100 }, (_, i) => minutesAgo(59 - i * 0.5));
    expect(decideLoginAttempt({ now, accountFailures: [], ipFailures, ...limits })).toMatchObject({
      allowed: false,
      reason: 'ip_throttled',
    });
  });
});
