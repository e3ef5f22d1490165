import { AGENT_STATES, type AgentState, type Locale, type SupervisorPromptKind } from '@switchboard/shared';

export { AGENT_STATES, type AgentState, type SupervisorPromptKind };

import type { AgentSelectableReason, NotReadyReason } from './reasons.ts';

export type Labels = Readonly<Record<Locale, string>>;

// 坐席状态. Exactly one at a time; `ringing`, `talking` and `hold` mean a customer call is on the
// agent's phone (`callId` is set).

export const AGENT_STATE_LABELS: Readonly<Record<AgentState, Labels>> = {
  signed_out: { 'zh-CN': '签出', 'en-US': 'Signed out' },
  ready: { 'zh-CN': '示闲', 'en-US': 'Ready' },
  not_ready: { 'zh-CN': '示忙', 'en-US': 'Not ready' },
  ringing: { 'zh-CN': '振铃', 'en-US': 'Ringing' },
  talking: { 'zh-CN': '通话', 'en-US': 'Talking' },
  hold: { 'zh-CN': '保持', 'en-US': 'On hold' },
  after_call_work: { 'zh-CN': '整理', 'en-US': 'After-call work' },
};

export type SkillAssignment = { readonly skillGroupId: number; readonly level: number };

export type Supervisor = { readonly id: number; readonly employeeNo: string };

/** Where the agent goes when the current call (and its wrap-up) is over. */
export type AfterWrapUp =
  | { readonly state: 'ready' }
  | { readonly state: 'not_ready'; readonly reason: NotReadyReason };

export type AgentStatus = {
  readonly state: AgentState;
  /** When the agent entered the current state (and, for not_ready, the current reason). */
  readonly since: Date;
  /** Chosen at sign-in (CTI-1), changeable while signed in (CTI-15); empty when signed out. */
  readonly skills: readonly SkillAssignment[];
  /** The extension signed in at; null when signed out. */
  readonly extension: string | null;
  /** CTI-3: an offered call is answered by the CTI layer without the agent's click. Kept across sign-ins. */
  readonly autoAnswer: boolean;
  /** Set exactly when `state` is not_ready. */
  readonly notReadyReason: NotReadyReason | null;
  /** The customer call ringing / talking / held, or being wrapped up in after_call_work. */
  readonly callId: string | null;
  /** Set exactly when `state` is after_call_work. */
  readonly wrapUpDeadline: Date | null;
  /** Meaningful while on a call or in wrap-up; holds a pending "not ready after this call" (示忙 after call). */
  readonly afterWrapUp: AfterWrapUp;
};

export type AgentEvent =
  // Agent commands
  | {
      type: 'sign_in';
      at: Date;
      skills: readonly SkillAssignment[];
      extension: string;
      /** Start ready instead of the default not_ready `signed_in`. */
      ready?: boolean;
    }
  | { type: 'sign_out'; at: Date }
  | { type: 'set_ready'; at: Date }
  | { type: 'set_not_ready'; at: Date; reason: AgentSelectableReason }
  | { type: 'wrap_up_finished'; at: Date }
  | { type: 'change_skills'; at: Date; skills: readonly SkillAssignment[] }
  | { type: 'set_auto_answer'; at: Date; on: boolean }
  // Facts from the ACD / switch. Each names its call, so a late fact about an old call is refused.
  | { type: 'call_offered'; at: Date; callId: string }
  | { type: 'offer_withdrawn'; at: Date; callId: string }
  | { type: 'offer_timed_out'; at: Date; callId: string }
  | { type: 'call_answered'; at: Date; callId: string }
  | { type: 'call_held'; at: Date; callId: string }
  | { type: 'call_retrieved'; at: Date; callId: string }
  | { type: 'call_ended'; at: Date; callId: string; wrapUpMs: number }
  | { type: 'outbound_started'; at: Date; callId: string }
  | { type: 'wrap_up_timer_elapsed'; at: Date }
  // Supervisor commands (SUP-5)
  | { type: 'force_ready'; at: Date; by: Supervisor }
  | { type: 'force_not_ready'; at: Date; by: Supervisor }
  | { type: 'force_pause'; at: Date; by: Supervisor }
  | { type: 'force_sign_out'; at: Date; by: Supervisor };

export type AgentEventType = AgentEvent['type'];

/** What the CTI layer must do after an accepted transition. */
export type AgentEffect =
  | { type: 'start_wrap_up_timer'; deadline: Date }
  | { type: 'cancel_wrap_up_timer' }
  | { type: 'auto_answer'; callId: string }
  | {
      type: 'notify_supervisors';
      kind: SupervisorPromptKind;
      /** The rest reason for rest_started / rest_ended. */
      reason: NotReadyReason | null;
      /** The supervisor whose command caused it, if any. */
      by: Supervisor | null;
    };

/** A fresh record for an agent who has never signed in (or after a restart). */
export function signedOutAgent(at: Date, autoAnswer = false): AgentStatus {
  return {
    state: 'signed_out',
    since: at,
    skills: [],
    extension: null,
    autoAnswer,
    notReadyReason: null,
    callId: null,
    wrapUpDeadline: null,
    afterWrapUp: { state: 'ready' },
  };
}

/**
 * The time an event counts at. If the clock stepped back, an event stamped before the current state
 * began counts at `since`: a period never gets a negative length and a hang-up is never refused.
 */
export function effectiveTime(agent: AgentStatus, at: Date): Date {
  return at.getTime() < agent.since.getTime() ? agent.since : at;
}
