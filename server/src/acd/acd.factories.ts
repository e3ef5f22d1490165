import type { AgentView, QueueConfig, QueuedCall, RoutingContext, SkillLevel } from './acd.types.ts';
import { priorityOf } from './queue-order.ts';
import { routingContext } from './routing-context.ts';

// Test data for the ACD suites: fresh objects per call, only what a test cares about spelled out.

export const GENERAL = 1; // 综合
export const BILL = 2; // 话费查询
export const FAULT = 3; // 故障报修

export const SKILL_GROUPS = [
  { id: GENERAL, name: '综合', isComprehensive: true },
  { id: BILL, name: '话费查询', isComprehensive: false },
  { id: FAULT, name: '故障报修', isComprehensive: false },
];

export const NOW = new Date('2026-01-05T09:00:00Z');

/** `seconds` before NOW. */
export function ago(seconds: number): Date {
  return new Date(NOW.getTime() - seconds * 1000);
}

export function makeQueue(overrides: Partial<QueueConfig> = {}): QueueConfig {
  return {
    id: 'q-bill',
    skillGroupId: BILL,
    name: '话费查询',
    accessCodes: ['10000'],
    policy: 'longest_idle',
    overflowAfterMs: 60_000,
    maxWaitMs: null,
    maxWaitTarget: null,
    announceEveryMs: 30_000,
    ...overrides,
  };
}

export function makeAgent(
  agentId: number,
  skills: [skillGroupId: number, level: SkillLevel][],
  overrides: Partial<AgentView> = {},
): AgentView {
  return {
    agentId,
    employeeNo: String(agentId),
    offerable: true,
    skills: skills.map(([skillGroupId, level]) => ({ skillGroupId, level })),
    idleSince: ago(60),
    callsHandledToday: 0,
    lastOfferedAt: null,
    ...overrides,
  };
}

export function makeCall(callId: string, overrides: Partial<QueuedCall> = {}): QueuedCall {
  const reason = overrides.reason ?? 'new';
  const vip = overrides.vip ?? false;
  return {
    callId,
    queueId: 'q-bill',
    enqueuedAt: ago(10),
    reason,
    vip,
    priority: priorityOf({ reason, vip }),
    ...overrides,
  };
}

/** Every listed agent counts as signed in unless `signedIn` says otherwise. */
export function makeContext(agents: readonly AgentView[], signedIn?: number[]): RoutingContext {
  return routingContext(SKILL_GROUPS, signedIn ?? agents.map((a) => a.agentId));
}
