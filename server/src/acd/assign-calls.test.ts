import { describe, expect, it } from 'vitest';
import {
  ago,
  BILL,
  FAULT,
  GENERAL,
  makeAgent,
  makeCall,
  makeContext,
  makeQueue,
  NOW,
} from './acd.factories.ts';
import { assignCalls } from './assign-calls.ts';
import { selectAgent } from './select-agent.ts';

const billQueue = makeQueue({ id: 'q-bill', skillGroupId: BILL, name: '话费查询' });
const faultQueue = makeQueue({ id: 'q-fault', skillGroupId: FAULT, name: '故障报修' });
const queues = [billQueue, faultQueue];

describe('assignCalls', () => {
  it('serves calls in one order across queues: a two-skill agent goes to the longer-waiting call', () => {
    const agents = [
      makeAgent(1001, [
        [BILL, 3],
        [FAULT, 3],
      ]),
      makeAgent(1002, [[BILL, 3]]),
    ];
    const calls = [
      makeCall('bill', { queueId: 'q-bill', enqueuedAt: ago(30) }),
      makeCall('fault', { queueId: 'q-fault', enqueuedAt: ago(90) }),
    ];
    const offers = assignCalls(queues, calls, agents, NOW, makeContext(agents));
    expect(offers.map((o) => [o.callId, o.agentId])).toEqual([
      ['fault', 1001],
      ['bill', 1002],
    ]);
  });

  it('gives the free agent to a transferred call before older new calls (ACD-3)', () => {
    const agents = [makeAgent(1001, [[BILL, 3]])];
    const calls = [
      makeCall('new-old', { enqueuedAt: ago(600) }),
      makeCall('transferred', { reason: 'transferred', enqueuedAt: ago(2), customerData: { id: 7 } }),
    ];
    const offers = assignCalls(queues, calls, agents, NOW, makeContext(agents));
    expect(offers).toMatchObject([{ callId: 'transferred', agentId: 1001, queueId: 'q-bill', via: 'skill' }]);
  });

  it('offers each agent one call when calls outnumber agents, longest waiting first', () => {
    const agents = [makeAgent(1001, [[BILL, 3]]), makeAgent(1002, [[BILL, 4]])];
    const calls = [10, 50, 40, 20].map((s) => makeCall(`c${s}`, { enqueuedAt: ago(s) }));
    const offers = assignCalls(queues, calls, agents, NOW, makeContext(agents));
    expect(offers.map((o) => [o.callId, o.agentId])).toEqual([
      ['c50', 1001],
      ['c40', 1002],
    ]);
    expect(offers[0]?.explanation['en-US']).toContain('of 2 available 话费查询 agents');
    expect(offers[1]?.explanation['en-US']).toContain('of 1 available 话费查询 agent');
  });

  it('overflows a call that waited to 综合 once the skilled agents are taken, not a younger one', () => {
    const agents = [makeAgent(1001, [[BILL, 3]]), makeAgent(1002, [[GENERAL, 5]])];
    const calls = [
      makeCall('first', { enqueuedAt: ago(300) }),
      makeCall('waited', { enqueuedAt: ago(120) }),
      makeCall('young', { enqueuedAt: ago(5) }),
    ];
    const offers = assignCalls(
      [makeQueue({ overflowAfterMs: 60_000 })],
      calls,
      agents,
      NOW,
      makeContext(agents),
    );
    expect(offers.map((o) => [o.callId, o.agentId, o.via])).toEqual([
      ['first', 1001, 'skill'],
      ['waited', 1002, 'overflow'],
    ]);
  });

  it('decides a single call exactly as selectAgent does', () => {
    const agents = [
      makeAgent(1001, [[BILL, 2]], { idleSince: ago(10) }),
      makeAgent(1002, [[BILL, 5]], { idleSince: ago(20) }),
    ];
    const call = makeCall('vip', { vip: true });
    const ctx = makeContext(agents);
    const [offer] = assignCalls(queues, [call], agents, NOW, ctx);
    expect(offer).toEqual({
      callId: 'vip',
      queueId: 'q-bill',
      ...selectAgent(call, billQueue, agents, NOW, ctx),
    });
  });

  it('offers nothing when no agent is ready, and leaves calls of unknown queues waiting', () => {
    const busy = [makeAgent(1001, [[BILL, 3]], { offerable: false })];
    expect(assignCalls(queues, [makeCall('c1')], busy, NOW, makeContext(busy))).toEqual([]);
    const ready = [makeAgent(1001, [[BILL, 3]])];
    const stray = makeCall('stray', { queueId: 'q-gone' });
    expect(assignCalls(queues, [stray], ready, NOW, makeContext(ready))).toEqual([]);
  });
});
