import { describe, expect, it } from 'vitest';
import { formatDuration } from './explain-decision.ts';

describe('formatDuration in explanations', () => {
  it.each([
    [0, '0 秒', '0 s'],
    [45_900, '45 秒', '45 s'],
    [120_000, '2 分', '2 min'],
    [252_000, '4 分 12 秒', '4 min 12 s'],
    [3_900_000, '1 小时 5 分', '1 h 5 min'],
  ])('writes %i ms as "%s" / "%s"', (ms, zh, en) => {
    expect(formatDuration(ms, 'zh-CN')).toBe(zh);
    expect(formatDuration(ms, 'en-US')).toBe(en);
  });
});
