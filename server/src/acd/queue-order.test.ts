import { describe, expect, it } from 'vitest';
import { ago, makeCall, NOW } from './acd.factories.ts';
import { CALL_PRIORITY, compareQueuedCalls, orderQueue, priorityOf, transferredCall } from './queue-order.ts';

describe('call priority (ACD-3)', () => {
  it('ranks transferred above VIP above callback above new', () => {
    expect(priorityOf({ reason: 'transferred', vip: false })).toBe(CALL_PRIORITY.transferred);
    expect(priorityOf({ reason: 'transferred', vip: true })).toBe(CALL_PRIORITY.transferred);
    expect(priorityOf({ reason: 'new', vip: true })).toBe(CALL_PRIORITY.vip);
    expect(priorityOf({ reason: 'callback', vip: true })).toBe(CALL_PRIORITY.vip);
    expect(priorityOf({ reason: 'callback', vip: false })).toBe(CALL_PRIORITY.callback);
    expect(priorityOf({ reason: 'new', vip: false })).toBe(CALL_PRIORITY.new);
    expect(CALL_PRIORITY.transferred).toBeGreaterThan(CALL_PRIORITY.vip);
    expect(CALL_PRIORITY.vip).toBeGreaterThan(CALL_PRIORITY.callback);
    expect(CALL_PRIORITY.callback).toBeGreaterThan(CALL_PRIORITY.new);
  });
});

describe('queue order', () => {
  it('puts a transferred call ahead of older new calls', () => {
    const calls = [
      makeCall('old-new', { enqueuedAt: ago(600) }),
      makeCall('older-new', { enqueuedAt: ago(900) }),
      makeCall('transferred', { reason: 'transferred', enqueuedAt: ago(1) }),
    ];
    expect(orderQueue(calls).map((c) => c.callId)).toEqual(['transferred', 'older-new', 'old-new']);
  });

  it('serves VIP, then callbacks, then new calls, first come first served within each', () => {
    const calls = [
      makeCall('new-1', { enqueuedAt: ago(500) }),
      makeCall('cb-2', { reason: 'callback', enqueuedAt: ago(100) }),
      makeCall('vip-1', { vip: true, enqueuedAt: ago(50) }),
      makeCall('cb-1', { reason: 'callback', enqueuedAt: ago(200) }),
      makeCall('new-2', { enqueuedAt: ago(400) }),
    ];
    expect(orderQueue(calls).map((c) => c.callId)).toEqual(['vip-1', 'cb-1', 'cb-2', 'new-1', 'new-2']);
  });

  it('honours a priority a supervisor raised by hand', () => {
    const calls = [makeCall('vip', { vip: true }), makeCall('raised', { priority: 250 })];
    expect(orderQueue(calls).map((c) => c.callId)).toEqual(['raised', 'vip']);
  });

  it('breaks a tie of priority and time by call id, and leaves the input alone', () => {
    const calls = [makeCall('c-b', { enqueuedAt: NOW }), makeCall('c-a', { enqueuedAt: NOW })];
    expect(orderQueue(calls).map((c) => c.callId)).toEqual(['c-a', 'c-b']);
    expect(calls.map((c) => c.callId)).toEqual(['c-b', 'c-a']);
    expect(compareQueuedCalls(calls[0]!, calls[0]!)).toBe(0);
  });
});

describe('transferredCall (CTI-10)', () => {
  it('gives a transferred call top priority in the target queue and keeps the customer data', () => {
    const original = makeCall('c1', {
      vip: true,
      enqueuedAt: ago(300),
      customerData: { phone: '13800000000', note: '话费争议' },
      excludedAgentIds: [1005],
    });
    const moved = transferredCall(original, { toQueueId: 'q-fault', at: NOW, byAgentId: 1002 });
    expect(moved).toEqual({
      callId: 'c1',
      queueId: 'q-fault',
      enqueuedAt: NOW,
      reason: 'transferred',
      vip: true,
      priority: CALL_PRIORITY.transferred,
      customerData: { phone: '13800000000', note: '话费争议' },
      excludedAgentIds: [1002],
    });
  });

  it('keeps a priority a supervisor raised above the transferred tier', () => {
    const moved = transferredCall(makeCall('c1', { priority: 900 }), {
      toQueueId: 'q',
      at: NOW,
      byAgentId: 1,
    });
    expect(moved.priority).toBe(900);
  });
});
