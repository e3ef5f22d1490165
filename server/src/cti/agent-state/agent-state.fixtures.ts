// Shared fixtures for the agent-state tests: an agent walked to each state through the machine itself.
import { expect } from 'vitest';
import { type AgentEvent, type AgentStatus, signedOutAgent } from './agent-state.ts';
import type { AgentStateError, AgentStateErrorCode } from './errors.ts';
import { type TransitionResult, transition } from './machine.ts';

export const T0 = new Date('2026-03-02T09:00:00Z');
export const at = (s: number) => new Date(T0.getTime() + s * 1000);
export const SKILLS = [{ skillGroupId: 1, level: 3 }];
export const boss = { id: 7, employeeNo: 'S1001' };

export function accept(agent: AgentStatus, event: AgentEvent): TransitionResult & { ok: true } {
  const result = transition(agent, event);
  if (!result.ok) throw new Error(`refused ${event.type}: ${result.error.code}`);
  return result;
}

/** Plays events that must all be accepted; returns the final agent. */
export function play(agent: AgentStatus, events: AgentEvent[]): AgentStatus {
  return events.reduce((a, e) => accept(a, e).agent, agent);
}

export const signedIn = (ready = true) =>
  play(signedOutAgent(T0), [{ type: 'sign_in', at: at(1), skills: SKILLS, extension: '8001', ready }]);
export const ringing = (autoAnswer = false) =>
  play({ ...signedIn(), autoAnswer }, [{ type: 'call_offered', at: at(2), callId: 'c1' }]);
export const talking = () => play(ringing(), [{ type: 'call_answered', at: at(3), callId: 'c1' }]);
export const held = () => play(talking(), [{ type: 'call_held', at: at(4), callId: 'c1' }]);
export const wrappingUp = () =>
  play(talking(), [{ type: 'call_ended', at: at(10), callId: 'c1', wrapUpMs: 30_000 }]);

/** Asserts the event is refused with `code` and the agent comes back untouched. */
export function expectRefused(
  agent: AgentStatus,
  event: AgentEvent,
  code: AgentStateErrorCode,
): AgentStateError {
  const result = transition(agent, event);
  if (result.ok) throw new Error(`accepted ${event.type}, expected ${code}`);
  expect(result.error.code).toBe(code);
  expect(result.agent).toBe(agent);
  return result.error;
}
