import { describe, expect, it } from 'vitest';
import { BILL, FAULT, GENERAL, makeAgent, makeCall, makeContext, makeQueue, NOW } from './acd.factories.ts';
import type {
  AgentView,
  CallReason,
  QueueConfig,
  QueuedCall,
  SelectionPolicy,
  SkillLevel,
} from './acd.types.ts';
import { assignCalls } from './assign-calls.ts';
import { compareQueuedCalls } from './queue-order.ts';

// Randomized scenarios from a fixed seed, checked against rules stated independently of the code.

/** Numerical Recipes LCG: deterministic, good enough to shuffle scenarios. */
function lcg(seed: number) {
  let state = seed >>> 0;
  const next = () => {
    state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
  const int = (n: number) => Math.floor(next() * n);
  const oneOf = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const shuffle = <T>(items: readonly T[]): T[] => {
    const copy = [...items];
    for (let i = copy.length - 1; i > 0; i--) {
      const j = int(i + 1);
      [copy[i], copy[j]] = [copy[j]!, copy[i]!];
    }
    return copy;
  };
  return { next, int, oneOf, shuffle };
}

type Scenario = { queues: QueueConfig[]; agents: AgentView[]; calls: QueuedCall[]; signedIn: number[] };

const POLICIES: SelectionPolicy[] = ['longest_idle', 'fewest_calls', 'highest_skill', 'round_robin'];
const REASONS: CallReason[] = ['new', 'new', 'new', 'callback', 'transferred'];

function scenario(rand: ReturnType<typeof lcg>): Scenario {
  const at = (maxSeconds: number) => new Date(NOW.getTime() - rand.int(maxSeconds) * 1000);
  const queues = [BILL, FAULT, GENERAL].map((skillGroupId) =>
    makeQueue({
      id: `q${skillGroupId}`,
      skillGroupId,
      policy: rand.oneOf(POLICIES),
      overflowAfterMs: rand.oneOf([null, 0, 60_000, 120_000]),
    }),
  );
  const agents = Array.from({ length: 5 + rand.int(30) }, (_, i) => {
    const skills = rand
      .shuffle([BILL, FAULT, GENERAL])
      .slice(0, 1 + rand.int(2))
      .map((g): [number, SkillLevel] => [g, rand.oneOf([1, 2, 3, 4, 5] as const)]);
    return makeAgent(1001 + i, skills, {
      offerable: rand.next() < 0.6,
      idleSince: rand.next() < 0.1 ? null : at(900),
      callsHandledToday: rand.int(6),
      lastOfferedAt: rand.next() < 0.3 ? null : at(900),
    });
  });
  const signedIn = agents.filter((a) => a.offerable || rand.next() < 0.6).map((a) => a.agentId);
  const calls = Array.from({ length: 1 + rand.int(60) }, (_, i) => {
    const reason = rand.oneOf(REASONS);
    const excluded =
      rand.next() < 0.3 ? [1001 + rand.int(agents.length), 1001 + rand.int(agents.length)] : [];
    return makeCall(`c${String(i).padStart(3, '0')}`, {
      queueId: rand.oneOf(queues).id,
      reason,
      vip: rand.next() < 0.15,
      enqueuedAt: at(rand.oneOf([5, 30, 300])),
      excludedAgentIds: excluded,
    });
  });
  return { queues, agents, calls, signedIn };
}

function checkInvariants({ queues, agents, calls, signedIn }: Scenario): void {
  const ctx = makeContext(agents, signedIn);
  const offers = assignCalls(queues, calls, agents, NOW, ctx);
  const queueOf = (call: QueuedCall) => queues.find((q) => q.id === call.queueId)!;
  const agentById = new Map(agents.map((a) => [a.agentId, a]));
  const levelIn = (a: AgentView, group: number) => a.skills.find((s) => s.skillGroupId === group)?.level ?? 0;
  const isComprehensive = (a: AgentView) => a.skills.some((s) => s.skillGroupId === GENERAL);
  const excludes = (call: QueuedCall, a: AgentView) => (call.excludedAgentIds ?? []).includes(a.agentId);
  const mayOverflow = (call: QueuedCall) => {
    const q = queueOf(call);
    if (q.overflowAfterMs === null) return false;
    const skilledSignedIn = agents.some(
      (a) =>
        (a.offerable || signedIn.includes(a.agentId)) && levelIn(a, q.skillGroupId) > 0 && !excludes(call, a),
    );
    return !skilledSignedIn || NOW.getTime() - call.enqueuedAt.getTime() >= q.overflowAfterMs;
  };
  const skilledFor = (a: AgentView, call: QueuedCall) =>
    a.offerable && !excludes(call, a) && levelIn(a, queueOf(call).skillGroupId) > 0;
  const eligible = (a: AgentView, call: QueuedCall) =>
    skilledFor(a, call) || (a.offerable && !excludes(call, a) && isComprehensive(a) && mayOverflow(call));

  const agentOfCall = new Map(offers.map((o) => [o.callId, o.agentId]));
  const assignedAgents = new Set(offers.map((o) => o.agentId));
  const leftFree = agents.filter((a) => !assignedAgents.has(a.agentId));

  expect(assignedAgents.size).toBe(offers.length); // no agent gets two calls
  expect(agentOfCall.size).toBe(offers.length); // no call offered twice
  for (const offer of offers) {
    const agent = agentById.get(offer.agentId)!;
    const call = calls.find((c) => c.callId === offer.callId)!;
    expect(agent.offerable).toBe(true);
    expect(excludes(call, agent)).toBe(false);
    if (offer.via === 'skill') {
      expect(levelIn(agent, queueOf(call).skillGroupId)).toBeGreaterThan(0);
      if (call.vip) {
        // VIP: no skilled agent left free had a higher level (ACD-3).
        const best = Math.max(
          0,
          ...leftFree.filter((a) => skilledFor(a, call)).map((a) => levelIn(a, queueOf(call).skillGroupId)),
        );
        expect(levelIn(agent, queueOf(call).skillGroupId)).toBeGreaterThanOrEqual(best);
      }
    } else {
      expect(isComprehensive(agent)).toBe(true);
      expect(mayOverflow(call)).toBe(true);
      expect(leftFree.some((a) => skilledFor(a, call))).toBe(false); // skill before overflow
    }
  }
  const order = [...calls].sort(compareQueuedCalls);
  order.forEach((waiting, i) => {
    if (agentOfCall.has(waiting.callId)) return;
    // A waiting call has no eligible agent left free …
    expect(leftFree.filter((a) => eligible(a, waiting)).map((a) => a.agentId)).toEqual([]);
    // … and no call behind it got an agent it could have taken.
    for (const behind of order.slice(i + 1)) {
      const agentId = agentOfCall.get(behind.callId);
      if (agentId !== undefined) expect(eligible(agentById.get(agentId)!, waiting)).toBe(false);
    }
  });
  // The same facts in any order give the same offers.
  const rand = lcg(offers.length + 1);
  expect(assignCalls(rand.shuffle(queues), rand.shuffle(calls), rand.shuffle(agents), NOW, ctx)).toEqual(
    offers,
  );
}

describe('assignCalls on random scenarios', () => {
  it('keeps its invariants over 300 scenarios from a fixed seed', () => {
    const rand = lcg(20_260_105);
    let offered = 0;
    for (let i = 0; i < 300; i++) {
      const s = scenario(rand);
      checkInvariants(s);
      offered += assignCalls(s.queues, s.calls, s.agents, NOW, makeContext(s.agents, s.signedIn)).length;
    }
    expect(offered).toBeGreaterThan(300); // the scenarios do exercise offers
  });
});
