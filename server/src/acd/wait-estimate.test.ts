import { describe, expect, it } from 'vitest';
import { ago, makeCall } from './acd.factories.ts';
import { announcementText, expectedWaitMs, positionOf } from './wait-estimate.ts';

describe('queue position (ACD-5)', () => {
  const calls = [
    makeCall('new-old', { enqueuedAt: ago(300) }),
    makeCall('new-young', { enqueuedAt: ago(30) }),
    makeCall('transferred', { reason: 'transferred', enqueuedAt: ago(5) }),
  ];

  it('counts places in queue order, 1-based, higher priority first', () => {
    expect(positionOf('transferred', calls)).toBe(1);
    expect(positionOf('new-old', calls)).toBe(2);
    expect(positionOf('new-young', calls)).toBe(3);
  });

  it('returns null for a call not in the queue', () => {
    expect(positionOf('gone', calls)).toBeNull();
  });
});

describe('expected wait (ACD-5)', () => {
  it('is position × average handle time / agents serving', () => {
    expect(expectedWaitMs(4, { recentAverageHandleMs: 180_000, agentsServing: 6 })).toBe(120_000);
  });

  it('counts at least one agent when none serves', () => {
    expect(expectedWaitMs(2, { recentAverageHandleMs: 90_000, agentsServing: 0 })).toBe(180_000);
  });
});

describe('announcement text (ACD-5)', () => {
  it('tells the caller how many are ahead and the wait in whole minutes', () => {
    expect(announcementText(4, 120_000, 'zh-CN')).toBe('您前面还有 3 位客户，预计等待 2 分钟');
    expect(announcementText(4, 120_000, 'en-US')).toBe(
      'There are 3 callers ahead of you; expected wait 2 minutes',
    );
  });

  it('rounds the wait up, never promising too little', () => {
    expect(announcementText(3, 61_000, 'zh-CN')).toBe('您前面还有 2 位客户，预计等待 2 分钟');
    expect(announcementText(2, 60_000, 'en-US')).toBe(
      'There is 1 caller ahead of you; expected wait 1 minute',
    );
  });

  it('tells the first caller in line they are next, with a wait under a minute', () => {
    expect(announcementText(1, 20_000, 'zh-CN')).toBe('您是下一位，预计等待不到 1 分钟');
    expect(announcementText(1, 20_000, 'en-US')).toBe(
      'You are next in line; expected wait less than a minute',
    );
  });
});
