import type { AgentStatus, SkillAssignment } from './agent-state.ts';
import { AGENT_SELECTABLE_REASONS, type NotReadyReason, REST_REASONS } from './reasons.ts';

export function isSignedIn(agent: AgentStatus): boolean {
  return agent.state !== 'signed_out';
}

/** A customer call is on the agent's phone: ringing, connected or held. */
export function isOnCall(agent: AgentStatus): boolean {
  return agent.state === 'ringing' || agent.state === 'talking' || agent.state === 'hold';
}

/**
 * The ACD may offer a call to this agent. Only `ready` qualifies: never not_ready, never in wrap-up,
 * never ringing/talking, and never on hold even though the agent's own line is free (CTI-6).
 */
export function isOfferable(agent: AgentStatus): boolean {
  return agent.state === 'ready';
}

/** The rest (休息) reason the agent is on, or null (SUP-6 prompts). */
export function restReason(agent: AgentStatus): NotReadyReason | null {
  const reason = agent.notReadyReason;
  return agent.state === 'not_ready' && reason !== null && REST_REASONS.includes(reason) ? reason : null;
}

export function isAgentSelectable(reason: NotReadyReason): boolean {
  return (AGENT_SELECTABLE_REASONS as readonly NotReadyReason[]).includes(reason);
}

export function skillsAreDistinct(skills: readonly SkillAssignment[]): boolean {
  return new Set(skills.map((s) => s.skillGroupId)).size === skills.length;
}

export function isValidWrapUpMs(ms: number): boolean {
  return Number.isSafeInteger(ms) && ms >= 0;
}

/** Timer facts can arrive late or twice: only a deadline that has passed ends wrap-up. */
export function isWrapUpDue(agent: AgentStatus, at: Date): boolean {
  return (
    agent.state === 'after_call_work' &&
    agent.wrapUpDeadline !== null &&
    agent.wrapUpDeadline.getTime() <= at.getTime()
  );
}

export function isCurrentCall(agent: AgentStatus, callId: string): boolean {
  return agent.callId === callId;
}
