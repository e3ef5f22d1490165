import {
  type AfterWrapUp,
  type AgentEffect,
  type AgentEvent,
  type AgentState,
  type AgentStatus,
  effectiveTime,
} from './agent-state.ts';
import { assertNever } from './assert-never.ts';
import { effectsOf } from './effects.ts';
import { type AgentStateError, type AgentStateErrorCode, agentStateError } from './errors.ts';
import {
  isAgentSelectable,
  isCurrentCall,
  isOfferable,
  isOnCall,
  isSignedIn,
  isValidWrapUpMs,
  isWrapUpDue,
  skillsAreDistinct,
} from './guards.ts';
import type { NotReadyReason } from './reasons.ts';

export type TransitionResult =
  | { ok: true; agent: AgentStatus; effects: AgentEffect[] }
  /** Refused: `agent` is the input, untouched. */
  | { ok: false; agent: AgentStatus; error: AgentStateError };

const READY: AfterWrapUp = { state: 'ready' };
const notReady = (reason: NotReadyReason): AfterWrapUp => ({ state: 'not_ready', reason });

/** The agent state machine: pure, no I/O; time comes only from `event.at`. */
export function transition(agent: AgentStatus, event: AgentEvent): TransitionResult {
  const next = decide(agent, event, effectiveTime(agent, event.at));
  if (typeof next === 'string') return { ok: false, agent, error: agentStateError(next) };
  return { ok: true, agent: next, effects: effectsOf(agent, next, event) };
}

function decide(agent: AgentStatus, event: AgentEvent, at: Date): AgentStatus | AgentStateErrorCode {
  switch (event.type) {
    case 'sign_in':
      if (isSignedIn(agent)) return 'ALREADY_SIGNED_IN';
      if (!skillsAreDistinct(event.skills)) return 'DUPLICATE_SKILL';
      // Real ACDs start an agent not ready, so no call rings before the agent has sat down.
      return settle(
        { ...agent, skills: event.skills, extension: event.extension },
        event.ready ? READY : notReady('signed_in'),
        at,
      );
    case 'sign_out':
    case 'force_sign_out':
      // A call must be released first (by the agent, or by the supervisor's force release, SUP-4).
      if (!isSignedIn(agent)) return 'NOT_SIGNED_IN';
      if (isOnCall(agent)) return 'BUSY_ON_CALL';
      return { ...enter(agent, 'signed_out', at), skills: [], extension: null };
    case 'set_ready':
    case 'force_ready':
      return request(agent, READY, at);
    case 'set_not_ready':
      if (!isAgentSelectable(event.reason)) return 'REASON_NOT_SELECTABLE';
      return request(agent, notReady(event.reason), at);
    case 'force_not_ready':
    case 'force_pause':
      // 强制暂停 is a forced not-ready; the agent may leave it with set_ready like any not-ready.
      return request(agent, notReady('forced'), at);
    case 'call_offered':
      // The invariant the ACD relies on: a call is offered only to a ready agent.
      if (!isOfferable(agent)) return offerRefusal(agent.state);
      // With auto-answer the agent still rings; the effect tells the CTI layer to answer.
      return { ...enter(agent, 'ringing', at), callId: event.callId };
    case 'offer_withdrawn':
      // Caller abandoned, picked up by a colleague (CTI-4) or re-routed: back to ready, or to a
      // not-ready the agent asked for while it rang.
      if (agent.state !== 'ringing') return 'NO_CALL_RINGING';
      if (!isCurrentCall(agent, event.callId)) return 'WRONG_CALL';
      return settle(agent, agent.afterWrapUp, at);
    case 'offer_timed_out':
      // Ring-no-answer: like most ACDs, take the agent out of routing so the next call does not
      // ring at an empty desk. The reason is visible on the wallboard.
      if (agent.state !== 'ringing') return 'NO_CALL_RINGING';
      if (!isCurrentCall(agent, event.callId)) return 'WRONG_CALL';
      return settle(agent, notReady('no_answer'), at);
    case 'call_answered':
      if (agent.state !== 'ringing') return 'NO_CALL_RINGING';
      if (!isCurrentCall(agent, event.callId)) return 'WRONG_CALL';
      return onCall(agent, 'talking', at);
    case 'call_held':
      if (agent.state === 'hold') return 'ALREADY_ON_HOLD';
      if (agent.state !== 'talking') return 'NOT_IN_CALL';
      if (!isCurrentCall(agent, event.callId)) return 'WRONG_CALL';
      return onCall(agent, 'hold', at);
    case 'call_retrieved':
      if (agent.state !== 'hold') return 'NOT_ON_HOLD';
      if (!isCurrentCall(agent, event.callId)) return 'WRONG_CALL';
      return onCall(agent, 'talking', at);
    case 'call_ended':
      // The customer leg is gone (hang-up, transfer completed, force release), talking or held.
      if (agent.state !== 'talking' && agent.state !== 'hold') return 'NOT_IN_CALL';
      if (!isCurrentCall(agent, event.callId)) return 'WRONG_CALL';
      if (!isValidWrapUpMs(event.wrapUpMs)) return 'INVALID_WRAP_UP_TIME';
      if (event.wrapUpMs === 0) return settle(agent, agent.afterWrapUp, at);
      return {
        ...onCall(agent, 'after_call_work', at),
        wrapUpDeadline: new Date(at.getTime() + event.wrapUpMs),
      };
    case 'outbound_started':
      return outbound(agent, event.callId, at);
    case 'wrap_up_finished':
      if (agent.state !== 'after_call_work') return 'NOT_IN_AFTER_CALL_WORK';
      return settle(agent, agent.afterWrapUp, at);
    case 'wrap_up_timer_elapsed':
      if (agent.state !== 'after_call_work') return 'NOT_IN_AFTER_CALL_WORK';
      // A stale timer from an earlier wrap-up, or one that fired early, must not end this one.
      if (!isWrapUpDue(agent, at)) return 'WRAP_UP_NOT_DUE';
      return settle(agent, agent.afterWrapUp, at);
    case 'change_skills':
      // Allowed on a call too: the new skills count from the next offer (CTI-15).
      if (!isSignedIn(agent)) return 'NOT_SIGNED_IN';
      if (!skillsAreDistinct(event.skills)) return 'DUPLICATE_SKILL';
      return { ...agent, skills: event.skills };
    case 'set_auto_answer':
      // A preference of the agent, kept while signed out.
      return { ...agent, autoAnswer: event.on };
    default:
      return assertNever(event);
  }
}

/**
 * The agent's or a supervisor's wish to be ready / not ready. Idle: at once. On a call: pending,
 * applied when the call (and wrap-up) is over — "示忙 after this call"; a later ready clears it.
 * In wrap-up: ready ends the wrap-up now (manual exit); not-ready stays in wrap-up and applies after.
 */
function request(agent: AgentStatus, target: AfterWrapUp, at: Date): AgentStatus | AgentStateErrorCode {
  switch (agent.state) {
    case 'signed_out':
      return 'NOT_SIGNED_IN';
    case 'ready':
    case 'not_ready':
      return settle(agent, target, at);
    case 'ringing':
    case 'talking':
    case 'hold':
      return { ...agent, afterWrapUp: target };
    case 'after_call_work':
      return target.state === 'ready' ? settle(agent, target, at) : { ...agent, afterWrapUp: target };
    default:
      return assertNever(agent.state);
  }
}

/**
 * Outbound (CTI-8) from ready or not-ready: talking once the agent's leg is up; afterwards the agent
 * returns to the state they dialled from. While the customer is held, a consult call (CTI-11, CTI-13)
 * leaves the agent in `hold`: from the ACD's side the agent still serves the held customer and must
 * not be offered a call (CTI-6). The consult leg itself is tracked by the call model, not here.
 */
function outbound(agent: AgentStatus, callId: string, at: Date): AgentStatus | AgentStateErrorCode {
  switch (agent.state) {
    case 'signed_out':
      return 'NOT_SIGNED_IN';
    case 'ready':
      return { ...enter(agent, 'talking', at), callId };
    case 'not_ready':
      return {
        ...enter(agent, 'talking', at),
        callId,
        afterWrapUp: notReady(agent.notReadyReason ?? 'other'),
      };
    case 'hold':
      return agent;
    case 'ringing':
    case 'talking':
      return 'BUSY_ON_CALL';
    case 'after_call_work':
      return 'IN_AFTER_CALL_WORK';
    default:
      return assertNever(agent.state);
  }
}

function offerRefusal(state: AgentState): AgentStateErrorCode {
  if (state === 'signed_out') return 'NOT_SIGNED_IN';
  if (state === 'after_call_work') return 'IN_AFTER_CALL_WORK';
  if (state === 'not_ready') return 'NOT_READY';
  return 'BUSY_ON_CALL';
}

/** Enters a state with every per-state field reset; callers add what the state needs. */
function enter(agent: AgentStatus, state: AgentState, at: Date): AgentStatus {
  return {
    ...agent,
    state,
    since: at,
    notReadyReason: null,
    callId: null,
    wrapUpDeadline: null,
    afterWrapUp: READY,
  };
}

/** Moves between call states, keeping the call and the pending after-call wish. */
function onCall(agent: AgentStatus, state: AgentState, at: Date): AgentStatus {
  return { ...enter(agent, state, at), callId: agent.callId, afterWrapUp: agent.afterWrapUp };
}

/** To ready or not-ready. Asking for the state (and reason) already in force changes nothing. */
function settle(agent: AgentStatus, target: AfterWrapUp, at: Date): AgentStatus {
  if (target.state === 'ready') return agent.state === 'ready' ? agent : enter(agent, 'ready', at);
  if (agent.state === 'not_ready' && agent.notReadyReason === target.reason) return agent;
  return { ...enter(agent, 'not_ready', at), notReadyReason: target.reason };
}
