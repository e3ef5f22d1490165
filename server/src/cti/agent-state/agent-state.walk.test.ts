import { describe, expect, it } from 'vitest';
import {
  AGENT_STATES,
  type AgentEvent,
  type AgentEventType,
  type AgentStatus,
  signedOutAgent,
} from './agent-state.ts';
import { isOfferable } from './guards.ts';
import { historyRowFor } from './history.ts';
import { transition } from './machine.ts';
import { AGENT_SELECTABLE_REASONS } from './reasons.ts';

// A seeded random walk in place of property-based testing: 10,000 random events, same every run.
function lcg(seed: number) {
  let state = seed >>> 0;
  return {
    next(): number {
      state = (Math.imul(state, 1_664_525) + 1_013_904_223) >>> 0;
      return state / 2 ** 32;
    },
    pick<T>(items: readonly T[]): T {
      const item = items[Math.floor(this.next() * items.length)];
      if (item === undefined) throw new Error('empty list');
      return item;
    },
  };
}

const EVENT_TYPES: readonly AgentEventType[] = [
  'sign_in',
  'sign_out',
  'set_ready',
  'set_not_ready',
  'wrap_up_finished',
  'change_skills',
  'set_auto_answer',
  'call_offered',
  'offer_withdrawn',
  'offer_timed_out',
  'call_answered',
  'call_held',
  'call_retrieved',
  'call_ended',
  'outbound_started',
  'wrap_up_timer_elapsed',
  'force_ready',
  'force_not_ready',
  'force_pause',
  'force_sign_out',
];
const boss = { id: 1, employeeNo: 'S1' };

function randomEvent(rng: ReturnType<typeof lcg>, agent: AgentStatus, at: Date): AgentEvent {
  // Mostly about the agent's own call, sometimes a stale one.
  const callId = agent.callId && rng.next() < 0.8 ? agent.callId : rng.pick(['c1', 'c2', 'c3']);
  const skills = [{ skillGroupId: rng.pick([1, 2]), level: 1 }];
  const type = rng.pick(EVENT_TYPES);
  switch (type) {
    case 'sign_in':
      return { type, at, skills, extension: '8001', ready: rng.next() < 0.5 };
    case 'set_not_ready':
      return { type, at, reason: rng.pick(AGENT_SELECTABLE_REASONS) };
    case 'change_skills':
      return { type, at, skills };
    case 'set_auto_answer':
      return { type, at, on: rng.next() < 0.5 };
    case 'call_offered':
    case 'offer_withdrawn':
    case 'offer_timed_out':
    case 'call_answered':
    case 'call_held':
    case 'call_retrieved':
    case 'outbound_started':
      return { type, at, callId };
    case 'call_ended':
      return { type, at, callId, wrapUpMs: rng.pick([0, 5_000, 30_000]) };
    case 'force_ready':
    case 'force_not_ready':
    case 'force_pause':
    case 'force_sign_out':
      return { type, at, by: boss };
    default:
      return { type, at };
  }
}

/** Each state carries exactly the fields it needs. */
function expectConsistent(agent: AgentStatus) {
  expect(AGENT_STATES).toContain(agent.state);
  expect(agent.notReadyReason !== null).toBe(agent.state === 'not_ready');
  expect(agent.wrapUpDeadline !== null).toBe(agent.state === 'after_call_work');
  const hasCall = ['ringing', 'talking', 'hold', 'after_call_work'].includes(agent.state);
  expect(agent.callId !== null).toBe(hasCall);
  expect(agent.extension !== null).toBe(agent.state !== 'signed_out');
  expect(isOfferable(agent)).toBe(agent.state === 'ready');
}

describe('agent state machine random walk', () => {
  it('keeps its invariants over 10,000 random events from a fixed seed', () => {
    const rng = lcg(20_260_302);
    let clock = new Date('2026-03-02T09:00:00Z').getTime();
    let agent = signedOutAgent(new Date(clock));
    const accepted = new Map<AgentEventType, number>();

    for (let i = 0; i < 10_000; i++) {
      // Time mostly moves on; now and then the clock steps back a little.
      clock += rng.next() < 0.05 ? -1_000 : Math.floor(rng.next() * 40_000);
      const event = randomEvent(rng, agent, new Date(clock));
      const before = agent;
      const result = transition(before, event);

      if (!result.ok) {
        expect(result.agent).toBe(before);
        expect(result.error.message['zh-CN']).not.toBe('');
        expect(result.error.message['en-US']).not.toBe('');
        continue;
      }
      agent = result.agent;
      accepted.set(event.type, (accepted.get(event.type) ?? 0) + 1);

      expectConsistent(agent);
      expect(agent.since.getTime()).toBeGreaterThanOrEqual(before.since.getTime());
      if (event.type === 'call_offered') expect(before.state).toBe('ready');
      if (agent.state === 'ringing' && before.state !== 'ringing') expect(event.type).toBe('call_offered');
      const row = historyRowFor(before, agent);
      if (row) {
        expect(row.durationMs).toBeGreaterThanOrEqual(0);
        expect(row.endedAt).toEqual(agent.since);
      }
      const timerStarts = result.effects.filter((e) => e.type === 'start_wrap_up_timer').length;
      expect(timerStarts).toBe(
        agent.state === 'after_call_work' && before.state !== 'after_call_work' ? 1 : 0,
      );
    }

    // The walk is not vacuous: every kind of event was accepted somewhere along it.
    expect([...accepted.keys()].sort()).toEqual([...EVENT_TYPES].sort());
  });
});
