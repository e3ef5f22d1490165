import { describe, expect, it } from 'vitest';
import { ago, makeCall, makeQueue, NOW } from './acd.factories.ts';
import type { OverflowTarget } from './acd.types.ts';
import { dueForOverflow, overflowReason } from './overflow.ts';

const toVoicemail: OverflowTarget = { kind: 'voicemail' };

describe('dueForOverflow: max wait (ACD-5)', () => {
  const queue = makeQueue({ maxWaitMs: 300_000, maxWaitTarget: toVoicemail });

  it('sends a call to the max-wait target once it has waited maxWaitMs', () => {
    expect(dueForOverflow(makeCall('c1', { enqueuedAt: ago(300) }), queue, NOW)).toEqual(toVoicemail);
    expect(dueForOverflow(makeCall('c1', { enqueuedAt: ago(301) }), queue, NOW)).toEqual(toVoicemail);
  });

  it('keeps a call that has not yet waited maxWaitMs', () => {
    expect(dueForOverflow(makeCall('c1', { enqueuedAt: ago(299) }), queue, NOW)).toBeNull();
  });

  it.each<OverflowTarget>([
    { kind: 'queue', queueId: 'q-general' },
    { kind: 'hangup', announcement: { 'zh-CN': '现在话务繁忙，请稍后再拨', 'en-US': 'All lines are busy' } },
  ])('returns the configured target %o', (target) => {
    const q = makeQueue({ maxWaitMs: 60_000, maxWaitTarget: target });
    expect(dueForOverflow(makeCall('c1', { enqueuedAt: ago(61) }), q, NOW)).toEqual(target);
  });

  it('keeps calls forever in a queue without a limit or without a target', () => {
    const long = makeCall('c1', { enqueuedAt: ago(86_400) });
    expect(dueForOverflow(long, makeQueue({ maxWaitMs: null, maxWaitTarget: toVoicemail }), NOW)).toBeNull();
    expect(dueForOverflow(long, makeQueue({ maxWaitMs: 1000, maxWaitTarget: null }), NOW)).toBeNull();
  });
});

describe('overflowReason: overflow to 综合 (ACD-2)', () => {
  it('overflows at once without a skilled agent, after the wait with one', () => {
    const queue = makeQueue({ overflowAfterMs: 60_000 });
    expect(overflowReason(makeCall('c1', { enqueuedAt: NOW }), queue, NOW, false)).toEqual({
      kind: 'no_skilled_agent_signed_in',
    });
    expect(overflowReason(makeCall('c1', { enqueuedAt: ago(59) }), queue, NOW, true)).toBeNull();
    expect(overflowReason(makeCall('c1', { enqueuedAt: ago(60) }), queue, NOW, true)).toEqual({
      kind: 'waited',
      waitedMs: 60_000,
      thresholdMs: 60_000,
    });
  });

  it('never overflows when the queue has no overflow wait', () => {
    const queue = makeQueue({ overflowAfterMs: null });
    expect(overflowReason(makeCall('c1', { enqueuedAt: ago(9999) }), queue, NOW, false)).toBeNull();
  });
});
