import { describe, expect, it } from 'vitest';
import { ago, BILL, GENERAL, makeAgent, makeCall, makeContext, makeQueue, NOW } from './acd.factories.ts';
import type { AgentView, SelectionPolicy } from './acd.types.ts';
import { selectAgent } from './select-agent.ts';

// Four 话费查询 agents on whom every policy disagrees.
function disagreeingAgents(): AgentView[] {
  return [
    makeAgent(1001, [[BILL, 2]], { idleSince: ago(600), callsHandledToday: 30, lastOfferedAt: ago(60) }),
    makeAgent(1002, [[BILL, 5]], { idleSince: ago(60), callsHandledToday: 20, lastOfferedAt: ago(300) }),
    makeAgent(1003, [[BILL, 3]], { idleSince: ago(300), callsHandledToday: 5, lastOfferedAt: ago(120) }),
    makeAgent(1004, [[BILL, 4]], { idleSince: ago(120), callsHandledToday: 12, lastOfferedAt: null }),
  ];
}

function pick(policy: SelectionPolicy, agents: AgentView[], vip = false) {
  return selectAgent(makeCall('c1', { vip }), makeQueue({ policy }), agents, NOW, makeContext(agents));
}

describe('selectAgent: queue policy (ACD-4)', () => {
  it.each([
    ['longest_idle', 1001],
    ['fewest_calls', 1003],
    ['highest_skill', 1002],
    ['round_robin', 1004],
  ] as const)('offers by %s to agent %i when the policies disagree', (policy, expected) => {
    expect(pick(policy, disagreeingAgents())).toMatchObject({ agentId: expected, via: 'skill' });
  });

  it('breaks a fewest-calls tie by longest idle', () => {
    const agents = [
      makeAgent(1001, [[BILL, 3]], { callsHandledToday: 4, idleSince: ago(30) }),
      makeAgent(1002, [[BILL, 3]], { callsHandledToday: 4, idleSince: ago(90) }),
      makeAgent(1003, [[BILL, 3]], { callsHandledToday: 9, idleSince: ago(900) }),
    ];
    expect(pick('fewest_calls', agents)?.agentId).toBe(1002);
  });

  it('breaks a highest-skill tie by longest idle', () => {
    const agents = [
      makeAgent(1001, [[BILL, 5]], { idleSince: ago(30) }),
      makeAgent(1002, [[BILL, 5]], { idleSince: ago(90) }),
      makeAgent(1003, [[BILL, 4]], { idleSince: ago(900) }),
    ];
    expect(pick('highest_skill', agents)?.agentId).toBe(1002);
  });

  it('runs round robin from lastOfferedAt alone: never offered first, then lowest agent id', () => {
    const agents = [
      makeAgent(1003, [[BILL, 3]], { lastOfferedAt: null }),
      makeAgent(1001, [[BILL, 3]], { lastOfferedAt: ago(10) }),
      makeAgent(1002, [[BILL, 3]], { lastOfferedAt: null }),
    ];
    expect(pick('round_robin', agents)?.agentId).toBe(1002);
    const afterOffer = agents.map((a) => (a.agentId === 1002 ? { ...a, lastOfferedAt: NOW } : a));
    expect(pick('round_robin', afterOffer)?.agentId).toBe(1003);
  });

  it('ranks an agent with no idle time as the least idle', () => {
    const agents = [makeAgent(1001, [[BILL, 3]], { idleSince: null }), makeAgent(1002, [[BILL, 3]])];
    expect(pick('longest_idle', agents)?.agentId).toBe(1002);
  });

  it('breaks a complete tie by agent id, whatever the input order', () => {
    const agents = [makeAgent(1009, [[BILL, 3]]), makeAgent(1004, [[BILL, 3]]), makeAgent(1006, [[BILL, 3]])];
    expect(pick('longest_idle', agents)?.agentId).toBe(1004);
    expect(pick('longest_idle', [...agents].reverse())?.agentId).toBe(1004);
  });
});

describe('selectAgent: VIP (ACD-3)', () => {
  it('offers a VIP call to the highest-level agent of the skill, ignoring the queue policy', () => {
    for (const policy of ['longest_idle', 'fewest_calls', 'round_robin'] as const) {
      expect(pick(policy, disagreeingAgents(), true)?.agentId).toBe(1002);
    }
  });

  it('gives a VIP call to the longest idle of equally high-level agents', () => {
    const agents = [
      makeAgent(1001, [[BILL, 5]], { idleSince: ago(30) }),
      makeAgent(1002, [[BILL, 5]], { idleSince: ago(300) }),
      makeAgent(1003, [[BILL, 2]], { idleSince: ago(3000) }),
    ];
    expect(pick('longest_idle', agents, true)?.agentId).toBe(1002);
  });
});

describe('selectAgent: candidates (ACD-2)', () => {
  it('offers only to ready agents with the queue skill', () => {
    const agents = [
      makeAgent(1001, [[BILL, 5]], { offerable: false, idleSince: ago(999) }),
      makeAgent(1002, [[GENERAL, 5]], { idleSince: ago(999) }),
      makeAgent(1003, [[BILL, 1]], { idleSince: ago(5) }),
    ];
    expect(pick('highest_skill', agents)?.agentId).toBe(1003);
  });

  it('skips excluded agents, such as the one who transferred the call', () => {
    const agents = disagreeingAgents();
    const call = makeCall('c1', { excludedAgentIds: [1001, 1003] });
    expect(selectAgent(call, makeQueue(), agents, NOW, makeContext(agents))?.agentId).toBe(1004);
  });

  it('keeps the call waiting when every skilled agent is busy and it has not waited long enough', () => {
    const agents = [makeAgent(1001, [[BILL, 3]], { offerable: false }), makeAgent(1002, [[GENERAL, 5]])];
    const call = makeCall('c1', { enqueuedAt: ago(59) });
    expect(
      selectAgent(call, makeQueue({ overflowAfterMs: 60_000 }), agents, NOW, makeContext(agents)),
    ).toBeNull();
  });
});

describe('selectAgent: overflow to 综合 (ACD-2)', () => {
  const busyBill = makeAgent(1001, [[BILL, 3]], { offerable: false });

  it('overflows to a 综合 agent once the call has waited overflowAfterMs', () => {
    const agents = [busyBill, makeAgent(1002, [[GENERAL, 4]])];
    const call = makeCall('c1', { enqueuedAt: ago(60) });
    const decision = selectAgent(
      call,
      makeQueue({ overflowAfterMs: 60_000 }),
      agents,
      NOW,
      makeContext(agents),
    );
    expect(decision).toMatchObject({ agentId: 1002, via: 'overflow' });
    expect(decision?.explanation['en-US']).toContain('waited 1 min in queue 话费查询 (overflow after 1 min)');
  });

  it('overflows at once when no agent of the skill is signed in', () => {
    const agents = [busyBill, makeAgent(1002, [[GENERAL, 4]])];
    const call = makeCall('c1', { enqueuedAt: NOW });
    const ctx = makeContext(agents, [1002]); // 1001 signed out
    const decision = selectAgent(call, makeQueue({ overflowAfterMs: 600_000 }), agents, NOW, ctx);
    expect(decision).toMatchObject({ agentId: 1002, via: 'overflow' });
    expect(decision?.explanation['zh-CN']).toContain('无话费查询坐席签入');
  });

  it('overflows at once when the only signed-in skilled agent is excluded from the call', () => {
    const agents = [busyBill, makeAgent(1002, [[GENERAL, 4]])];
    const call = makeCall('c1', { enqueuedAt: NOW, excludedAgentIds: [1001] });
    expect(selectAgent(call, makeQueue(), agents, NOW, makeContext(agents))?.via).toBe('overflow');
  });

  it('prefers the higher 综合 level over the queue policy', () => {
    const agents = [
      busyBill,
      makeAgent(1002, [[GENERAL, 3]], { idleSince: ago(3000) }),
      makeAgent(1003, [[GENERAL, 5]], { idleSince: ago(10) }),
      makeAgent(1004, [[GENERAL, 5]], { idleSince: ago(20) }),
    ];
    const call = makeCall('c1', { enqueuedAt: ago(120) });
    expect(selectAgent(call, makeQueue(), agents, NOW, makeContext(agents))?.agentId).toBe(1004);
  });

  it('still prefers a free skilled agent after the overflow wait', () => {
    const agents = [makeAgent(1001, [[BILL, 1]]), makeAgent(1002, [[GENERAL, 5]], { idleSince: ago(999) })];
    const call = makeCall('c1', { enqueuedAt: ago(600) });
    expect(selectAgent(call, makeQueue(), agents, NOW, makeContext(agents))).toMatchObject({
      agentId: 1001,
      via: 'skill',
    });
  });

  it('never overflows a queue whose overflowAfterMs is null', () => {
    const agents = [makeAgent(1002, [[GENERAL, 5]])];
    const call = makeCall('c1', { enqueuedAt: ago(3600) });
    const queue = makeQueue({ overflowAfterMs: null });
    expect(selectAgent(call, queue, agents, NOW, makeContext(agents))).toBeNull();
  });

  it('keeps waiting when overflow is due but no 综合 agent is free', () => {
    const agents = [busyBill, makeAgent(1002, [[GENERAL, 5]], { offerable: false })];
    const call = makeCall('c1', { enqueuedAt: ago(600) });
    expect(selectAgent(call, makeQueue(), agents, NOW, makeContext(agents))).toBeNull();
  });
});

describe('selectAgent: explanations for the call events', () => {
  it('explains a skill offer in both languages', () => {
    const agents = disagreeingAgents();
    expect(pick('longest_idle', agents)?.explanation).toEqual({
      'zh-CN': '分配给 1001（话费查询 2 级）：4 名可用话费查询坐席中空闲最久（10 分）',
      'en-US': 'offered to 1001 (话费查询 level 2): longest idle (10 min) of 4 available 话费查询 agents',
    });
  });

  it('explains a VIP offer, fewest calls and round robin', () => {
    const agents = disagreeingAgents();
    expect(pick('fewest_calls', agents, true)?.explanation['zh-CN']).toBe(
      '分配给 1002（话费查询 5 级）：VIP 客户，4 名可用话费查询坐席中等级最高',
    );
    expect(pick('fewest_calls', agents)?.explanation['en-US']).toBe(
      'offered to 1003 (话费查询 level 3): fewest calls today (5) of 4 available 话费查询 agents',
    );
    expect(pick('round_robin', agents)?.explanation['zh-CN']).toBe(
      '分配给 1004（话费查询 4 级）：4 名可用话费查询坐席中轮到该坐席（尚未分配过）',
    );
  });

  it('explains an overflow offer with the reason and the 综合 ranking', () => {
    const agents = [makeAgent(1001, [[BILL, 3]], { offerable: false }), makeAgent(1007, [[GENERAL, 5]])];
    const call = makeCall('c1', { enqueuedAt: ago(125) });
    const decision = selectAgent(
      call,
      makeQueue({ overflowAfterMs: 120_000 }),
      agents,
      NOW,
      makeContext(agents),
    );
    expect(decision?.explanation).toEqual({
      'zh-CN':
        '溢出分配给 1007（综合 5 级）：已在话费查询队列等待 2 分 5 秒（溢出阈值 2 分）；1 名可用综合坐席中等级最高，同级中空闲最久（1 分）',
      'en-US':
        'offered to 1007 (综合 level 5) by overflow: waited 2 min 5 s in queue 话费查询 (overflow after 2 min); ' +
        'highest level, then longest idle (1 min) of 1 available 综合 agent',
    });
  });
});
